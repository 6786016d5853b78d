using Configurator.Solving;

namespace Configurator.Modeling;

/// <summary>
/// A numeric property a session shows while the customer chooses, as the exact range over every
/// completion of the choices so far ("Weight 19–29 kg"): the options' <see cref="Property"/>
/// summed over the selection, or its largest value (a lead time). Immutable.
/// </summary>
/// <param name="Id">Unique among the model's attributes.</param>
/// <param name="Property">The numeric option property it aggregates; an option without it counts 0.</param>
public sealed record AttributeDefinition(string Id, string Property) : ILabeled
{
    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name.</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>The unit shown after the value ("kg", "W", "days"); none when null.</summary>
    public string? Unit { get; init; }

    /// <summary>Summed over the selected options (the default) or their largest value.</summary>
    public AttributeAggregation Aggregation { get; init; }
}
