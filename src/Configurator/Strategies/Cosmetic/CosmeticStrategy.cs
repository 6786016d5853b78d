using Configurator.Internal;
using Configurator.Solving;

namespace Configurator.Strategies.Cosmetic;

/// <summary>
/// Cosmetic customization: the same product presented differently. The options are fixed (a
/// preset or any complete valid configuration); only personalization fields change.
/// </summary>
public sealed class CosmeticStrategy : ICustomizationStrategy
{
    /// <summary>The name under which the strategy is registered.</summary>
    public const string StrategyName = "cosmetic";

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public StrategyProfile Profile { get; } = new(StrategyLevel.FairlyLow, StrategyLevel.FairlyHigh, StrategyLevel.Low, StrategyLevel.Low);

    /// <summary>Starts from a preset.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="presetId">The product.</param>
    /// <exception cref="ConfiguratorException">The model has no such preset (<see cref="ConfiguratorErrorCodes.UnknownPreset"/>).</exception>
    public CosmeticCustomization Begin(CompiledModel model, string presetId)
    {
        Guard.NotNull(model);
        var preset = model.Model.Presets.FirstOrDefault(p => p.Id == presetId)
            ?? throw new ConfiguratorException(ConfiguratorErrorCodes.UnknownPreset, $"There is no preset '{presetId}'. Presets: {string.Join(", ", model.Model.Presets.Select(p => p.Id))}.");
        return Begin(model, new Selection(preset.Selections));
    }

    /// <summary>Starts from any complete configuration.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="configuration">The product; it must be complete and valid.</param>
    /// <exception cref="InvalidSelectionException">The configuration names unknown ids or is not valid.</exception>
    public CosmeticCustomization Begin(CompiledModel model, Selection configuration)
    {
        Guard.NotNull(model);
        var report = model.Validate(Guard.NotNull(configuration));
        if (!report.IsValid)
        {
            throw new InvalidSelectionException($"Cosmetic customization starts from a valid product, but this configuration breaks: {string.Join("; ", report.Violations.Select(v => v.Message))}");
        }

        return new CosmeticCustomization(model, configuration);
    }
}
