namespace Configurator.Modeling;

/// <summary>The kind of value a personalization field takes.</summary>
public enum PersonalizationType
{
    /// <summary>Free text, bounded by a length and optionally a pattern.</summary>
    Text,

    /// <summary>One of a fixed list of choices.</summary>
    Choice,
}

/// <summary>
/// A field that changes how the product is presented, not which options it has (a printed name,
/// gift packaging); it never changes the number of configurations. Immutable.
/// </summary>
/// <param name="Id">Unique among personalization fields.</param>
/// <param name="Type">Free text or one of a list of choices.</param>
public sealed record PersonalizationField(string Id, PersonalizationType Type) : ILabeled
{
    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name.</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>The longest text accepted, in characters.</summary>
    /// <value><see langword="null"/> for no limit.</value>
    public int? MaxLength { get; init; }

    /// <summary>A .NET regular expression the whole text must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>Whether the customer must fill the field.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool Required { get; init; }

    /// <summary>The price added when the field is filled.</summary>
    /// <value>Defaults to 0.</value>
    public decimal Price { get; init; }

    /// <summary>The accepted values of a <see cref="PersonalizationType.Choice"/> field.</summary>
    public EquatableArray<string> Choices { get; init; }
}
