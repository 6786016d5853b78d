namespace Configurator.Modeling;

/// <summary>A named, complete configuration offered as a standard product. Immutable.</summary>
/// <param name="Id">Unique among presets.</param>
/// <param name="Selections">The option ids selected in each module; an empty list selects nothing.</param>
public sealed record Preset(string Id, EquatableDictionary<EquatableArray<string>> Selections) : ILabeled
{
    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name.</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>The first day it is in effect; always in effect before <see cref="ValidTo"/> when null.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day it is in effect; in effect for ever after <see cref="ValidFrom"/> when null.</summary>
    public DateOnly? ValidTo { get; init; }
}
