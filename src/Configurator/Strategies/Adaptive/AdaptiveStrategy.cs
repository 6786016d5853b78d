using Configurator.Internal;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Strategies.Adaptive;

/// <summary>
/// Adaptive customization: a standard product (a preset) whose adjustable modules the customer
/// changes; every other module stays as the standard product has it.
/// </summary>
public sealed class AdaptiveStrategy : ICustomizationStrategy
{
    /// <summary>The name under which the strategy is registered.</summary>
    public const string StrategyName = "adaptive";

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public StrategyProfile Profile { get; } = new(StrategyLevel.Low, StrategyLevel.High, StrategyLevel.Low, StrategyLevel.Low);

    /// <summary>Resumes a saved adaptive session (see <see cref="ConfigurationSession.Resume(CompiledModel, string, SessionOptions?)"/>).</summary>
    /// <param name="model">The compiled model (pick it by <see cref="SessionDocument.ModelId"/>).</param>
    /// <param name="json">What the session saved.</param>
    /// <param name="pricing">Optionally, pricing for the session's price range and differences.</param>
    /// <returns>The customization and the saved choices that no longer apply.</returns>
    /// <exception cref="ConfiguratorException">The text is not a saved session, or it was made with another model.</exception>
    public (AdaptiveCustomization Customization, ResumedSession Resumed) Resume(CompiledModel model, string json, PricingPipeline? pricing = null)
    {
        var resumed = ConfigurationSession.Resume(Guard.NotNull(model), Guard.NotNull(json), new SessionOptions { Pricing = pricing, Strategy = StrategyName });
        resumed.Session.Pinned = m => !m.Adjustable;
        return (new AdaptiveCustomization(resumed.Session), resumed);
    }

    /// <summary>Starts from a preset.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="presetId">The standard product.</param>
    /// <param name="pricing">Optionally, pricing for the session's price range and differences.</param>
    /// <exception cref="ConfiguratorException">The model has no such preset (<see cref="ConfiguratorErrorCodes.UnknownPreset"/>).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The overload with the session's options has as many parameters; its last one is of another type, so every existing call still binds here.")]
    public AdaptiveCustomization Begin(CompiledModel model, string presetId, PricingPipeline? pricing = null) =>
        // The modules the customer may not change are pinned whole: what the preset leaves out stays out.
        Begin(model, presetId, new SessionOptions { Pricing = pricing });

    /// <summary>Starts from a preset with the session's options: pricing, the customer's culture (names, messages and explanations in their language), id.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="presetId">The standard product.</param>
    /// <param name="options">The session's options; their strategy is this one.</param>
    /// <exception cref="ConfiguratorException">The model has no such preset (<see cref="ConfiguratorErrorCodes.UnknownPreset"/>).</exception>
    public AdaptiveCustomization Begin(CompiledModel model, string presetId, SessionOptions options) =>
        new(ConfigurationSession.StartFromPreset(Guard.NotNull(model), Guard.NotNullOrEmpty(presetId), Guard.NotNull(options).For(StrategyName), pinned: m => !m.Adjustable));
}
