namespace Configurator.Modeling;

/// <summary>A rule every configuration must satisfy, written as rule text or as a table. Immutable.</summary>
/// <param name="Id">Unique among constraints; <c>c1</c>, <c>c2</c>, ... by position when a model leaves it out.</param>
public sealed record Constraint(string Id) : ILabeled
{
    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name.</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>What a customer is told when this constraint rules something out.</summary>
    public string? Message { get; init; }

    /// <summary>The rule text (see the model format's rule language); exactly one of this and <see cref="Table"/>.</summary>
    public string? Rule { get; init; }

    /// <summary>The table; exactly one of this and <see cref="Rule"/>.</summary>
    public TableConstraint? Table { get; init; }

    /// <summary>Creates a constraint from rule text.</summary>
    /// <param name="id">The constraint id.</param>
    /// <param name="rule">The rule text.</param>
    public static Constraint FromRule(string id, string rule) => new(id) { Rule = rule };

    /// <summary>Creates a constraint from a table.</summary>
    /// <param name="id">The constraint id.</param>
    /// <param name="table">The table.</param>
    public static Constraint FromTable(string id, TableConstraint table) => new(id) { Table = table };

    /// <summary>The first day it is in effect; always in effect before <see cref="ValidTo"/> when null.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day it is in effect; in effect for ever after <see cref="ValidFrom"/> when null.</summary>
    public DateOnly? ValidTo { get; init; }
}
