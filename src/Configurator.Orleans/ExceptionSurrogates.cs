namespace Configurator.Orleans;

/// <summary>
/// The library's errors cross the cluster as what a caller needs of them (code, message, and for
/// a bad selection its module and option), so a client catches the same
/// <see cref="ConfiguratorException"/> a local session throws.
/// </summary>
[GenerateSerializer]
internal readonly record struct ConfiguratorExceptionSurrogate([property: Id(0)] string Code, [property: Id(1)] string Message);

/// <summary>The error of a selection the model does not have, across the cluster.</summary>
[GenerateSerializer]
internal readonly record struct InvalidSelectionExceptionSurrogate(
    [property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] string? ModuleId, [property: Id(3)] string? OptionId);

[RegisterConverter]
internal sealed class ConfiguratorExceptionConverter : IConverter<ConfiguratorException, ConfiguratorExceptionSurrogate>
{
    public ConfiguratorException ConvertFromSurrogate(in ConfiguratorExceptionSurrogate surrogate) => new(surrogate.Code, surrogate.Message);

    public ConfiguratorExceptionSurrogate ConvertToSurrogate(in ConfiguratorException value) => new(value.Code, value.Message);
}

[RegisterConverter]
internal sealed class InvalidSelectionExceptionConverter : IConverter<Solving.InvalidSelectionException, InvalidSelectionExceptionSurrogate>
{
    public Solving.InvalidSelectionException ConvertFromSurrogate(in InvalidSelectionExceptionSurrogate surrogate) =>
        new(surrogate.Message, surrogate.ModuleId ?? "", surrogate.OptionId, surrogate.Code);

    public InvalidSelectionExceptionSurrogate ConvertToSurrogate(in Solving.InvalidSelectionException value) => new(value.Code, value.Message, value.ModuleId, value.OptionId);
}
