using Configurator.Modeling;

namespace Configurator.Pricing;

/// <summary>What a price depends on besides the configuration. Immutable.</summary>
public sealed record PricingRequest
{
    /// <summary>A request for one unit, no personalization, no customer history.</summary>
    public static PricingRequest Default { get; } = new();

    /// <summary>How many units are ordered.</summary>
    /// <value>Defaults to 1.</value>
    public int Quantity { get; init; } = 1;

    /// <summary>The personalization fields filled, by field id; each filled field adds its price.</summary>
    public EquatableDictionary<string> Personalization { get; init; }

    /// <summary>The customer's culture: the breakdown's lines read the model's labels for it, and the engine's own line texts and their amounts follow it (see <see cref="ModelText"/>).</summary>
    /// <value>Defaults to null: the model's default text, amounts in the invariant culture.</value>
    public System.Globalization.CultureInfo? Culture { get; init; }

    /// <summary>How many orders the customer placed before (for repeat-purchase pricing).</summary>
    /// <value>Defaults to 0.</value>
    public int PastOrders { get; init; }
}
