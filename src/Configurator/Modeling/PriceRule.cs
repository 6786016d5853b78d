namespace Configurator.Modeling;

/// <summary>
/// A price adjustment that applies when its condition holds: a fixed or computed amount added to the
/// subtotal, or a percentage of the subtotal. Immutable.
/// </summary>
/// <param name="Id">Unique among price rules.</param>
public sealed record PriceRule(string Id) : ILabeled
{
    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name.</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>The condition, as rule text.</summary>
    /// <value><see langword="null"/> means the rule always applies.</value>
    public string? When { get; init; }

    /// <summary>A fixed amount added to the subtotal; at most one of this, <see cref="AddExpression"/> and <see cref="Percent"/>.</summary>
    public decimal? Add { get; init; }

    /// <summary>A numeric rule expression added to the subtotal, such as <c>size.areaM2 * 30</c>.</summary>
    public string? AddExpression { get; init; }

    /// <summary>A percentage of the subtotal (negative for a discount).</summary>
    public decimal? Percent { get; init; }

    /// <summary>The first day it is in effect; always in effect before <see cref="ValidTo"/> when null.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day it is in effect; in effect for ever after <see cref="ValidFrom"/> when null.</summary>
    public DateOnly? ValidTo { get; init; }
}
