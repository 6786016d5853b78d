namespace Configurator.Modeling;

/// <summary>One variant of a module, such as "arched frame". Immutable.</summary>
/// <param name="Id">Unique within its module: any non-empty text without control characters.</param>
public sealed record Option(string Id) : ILabeled
{
    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name (for example <c>zh-CN</c>).</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>The option's price, added to the configuration's subtotal when selected.</summary>
    /// <value>Defaults to 0.</value>
    public decimal Price { get; init; }

    /// <summary>Numeric and text properties, read by rules as <c>module.property</c>.</summary>
    public EquatableDictionary<PropertyValue> Properties { get; init; }

    /// <summary>The parts the option takes when selected, by part id, with their quantities (more than 0).</summary>
    public EquatableDictionary<decimal> Parts { get; init; }

    /// <summary>The first day it is in effect; always in effect before <see cref="ValidTo"/> when null.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day it is in effect; in effect for ever after <see cref="ValidFrom"/> when null.</summary>
    public DateOnly? ValidTo { get; init; }
}
