using System.Globalization;
using Configurator.Pricing;

namespace Configurator.Sessions;

/// <summary>How a session is started or resumed. Mutable until passed in; the session keeps a snapshot.</summary>
public sealed class SessionOptions
{
    /// <summary>The most undoable steps kept; older ones are forgotten.</summary>
    /// <value>Defaults to 100. At least 1.</value>
    public int HistoryLimit { get; set; } = 100;

    /// <summary>The pricing pipeline; with one, every step reports the price range, each option's price difference and, when complete, the breakdown.</summary>
    /// <value>Defaults to null: no prices.</value>
    public PricingPipeline? Pricing { get; set; }

    /// <summary>Quantity, personalization and customer for pricing.</summary>
    /// <value>Defaults to null: <see cref="PricingRequest.Default"/>.</value>
    public PricingRequest? Request { get; set; }

    /// <summary>The session's id; a new one (32 hexadecimal digits) when null.</summary>
    /// <value>Defaults to null. When resuming, the saved document's id is used unless this is set.</value>
    public string? SessionId { get; set; }

    /// <summary>
    /// The customer's culture: names, messages, explanations and price lines come from the model's
    /// labels for it (see <see cref="Modeling.ModelText"/>), and the pricing request takes it when it
    /// names none. Saved with the session, so that it resumes in the same language.
    /// </summary>
    /// <value>Defaults to null: the model's default text. When resuming, the saved culture is used unless this is set.</value>
    public CultureInfo? Culture { get; set; }

    /// <summary>A copy for a session that <paramref name="strategy"/> drives.</summary>
    internal SessionOptions For(string strategy) => new()
    {
        HistoryLimit = HistoryLimit,
        Pricing = Pricing,
        Request = Request,
        SessionId = SessionId,
        Culture = Culture,
        Strategy = strategy,
    };

    /// <summary>The customization strategy driving the session, by name (for example <c>adaptive</c>); saved with the session so that it resumes the same way.</summary>
    /// <value>Defaults to null: a free session.</value>
    public string? Strategy { get; set; }
}
