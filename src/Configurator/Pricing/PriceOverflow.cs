namespace Configurator.Pricing;

/// <summary>The one error for prices beyond decimal's range: refused, never saturated or rounded off.</summary>
internal static class PriceOverflow
{
    public static ConfiguratorException For(string what, Exception? cause) => new(ConfiguratorErrorCodes.PriceOverflow,
        $"The price is beyond what a decimal holds (±7.9 × 10^28) at {what}; lower the model's prices.", cause);

    /// <summary>The error for prices beyond decimal's range with one module value, named as on the command line (<c>packs=card+ribbon</c>).</summary>
    public static ConfiguratorException AtValue(Solving.CompiledModel model, int module, int value, Exception? cause) =>
        For($"the prices with {model.Model.Modules[module].Id}={string.Join('+', model.OptionIdsOf(module, value))}", cause);
}
