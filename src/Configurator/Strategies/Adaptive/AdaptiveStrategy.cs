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

    /// <summary>Starts from a preset.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="presetId">The standard product.</param>
    /// <param name="pricing">Optionally, pricing for the session's price range and differences.</param>
    /// <exception cref="ArgumentException">The model has no such preset.</exception>
    public AdaptiveCustomization Begin(CompiledModel model, string presetId, PricingPipeline? pricing = null) =>
        new(ConfigurationSession.StartFromPreset(Guard.NotNull(model), Guard.NotNullOrEmpty(presetId), pricing));
}
