namespace Configurator.Modeling;

/// <summary>A part of the bill of materials: what the factory picks or orders (a pane, a hinge, a motor). Immutable.</summary>
/// <param name="Id">The part number; unique among the model's parts.</param>
public sealed record Part(string Id) : ILabeled
{
    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name.</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>The unit its quantities count in ("pcs", "m2", "m"); "pcs" when null.</summary>
    public string? Unit { get; init; }
}
