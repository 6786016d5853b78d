namespace Configurator.Modeling;

/// <summary>
/// Parts a configuration needs when a condition holds, beyond its options' own parts: a motor for a
/// large window with a blind, glass by the square metre of the chosen size. Immutable.
/// </summary>
/// <param name="Id">Unique among the model's BOM rules.</param>
public sealed record BomRule(string Id) : ILabeled
{
    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name.</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>The condition, as rule text.</summary>
    /// <value><see langword="null"/> means the rule always applies.</value>
    public string? When { get; init; }

    /// <summary>
    /// Per part id, its quantity: a number, or a numeric rule expression as text (such as
    /// <c>size.areaM2</c>) evaluated on the configuration.
    /// </summary>
    public EquatableDictionary<PropertyValue> Parts { get; init; }

    /// <summary>The first day it is in effect; always in effect before <see cref="ValidTo"/> when null.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day it is in effect; in effect for ever after <see cref="ValidFrom"/> when null.</summary>
    public DateOnly? ValidTo { get; init; }
}
