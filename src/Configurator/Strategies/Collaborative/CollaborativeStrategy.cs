using Configurator.Internal;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Strategies.Collaborative;

/// <summary>
/// Collaborative customization: a dialogue that asks one question at a time, always the module
/// whose answer best narrows the remaining valid configurations, offers only options that lead to
/// a valid product (with their price difference and how many configurations each keeps), and ends
/// with a complete valid configuration after at most one question per module.
/// </summary>
public sealed class CollaborativeStrategy : ICustomizationStrategy
{
    /// <summary>The name under which the strategy is registered.</summary>
    public const string StrategyName = "collaborative";

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public StrategyProfile Profile { get; } = new(StrategyLevel.High, StrategyLevel.Low, StrategyLevel.High, StrategyLevel.High);

    /// <summary>Starts a dialogue.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="pricing">Optionally, pricing, so that each offer carries its price difference.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The overload with the session's options has as many parameters; its last one is of another type, so every existing call still binds here.")]
    public Dialogue Begin(CompiledModel model, PricingPipeline? pricing = null) =>
        Begin(model, new SessionOptions { Pricing = pricing });

    /// <summary>Starts a dialogue with the session's options: pricing, the customer's culture (questions and answers in their language), id.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="options">The session's options; their strategy is this one.</param>
    public Dialogue Begin(CompiledModel model, SessionOptions options) =>
        new(ConfigurationSession.Start(Guard.NotNull(model), Guard.NotNull(options).For(StrategyName)));

    /// <summary>Resumes a saved dialogue: the session's answers replay, and the next question follows from them.</summary>
    /// <param name="model">The compiled model (pick it by <see cref="SessionDocument.ModelId"/>).</param>
    /// <param name="json">What the dialogue's session saved.</param>
    /// <param name="pricing">Optionally, pricing, so that each offer carries its price difference.</param>
    /// <exception cref="ConfiguratorException">The text is not a saved session, or it was made with another model.</exception>
    public Dialogue Resume(CompiledModel model, string json, PricingPipeline? pricing = null) =>
        new(ConfigurationSession.Resume(Guard.NotNull(model), Guard.NotNull(json), new SessionOptions { Pricing = pricing, Strategy = StrategyName }).Session);
}
