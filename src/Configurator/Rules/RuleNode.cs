using System.Collections.Immutable;
using Configurator.Modeling;

namespace Configurator.Rules;

/// <summary>
/// A node of a parsed rule. Nodes compare by structure, not by where they stand in the text,
/// so a rule and its canonical printing parse to equal trees: records with offsets of their own
/// define equality without them.
/// </summary>
internal abstract record RuleNode
{
    /// <summary>0-based UTF-16 offset of the node's first character in the rule text.</summary>
    public int Offset { get; init; }

    /// <summary>Nesting depth of the subtree (a leaf is 1); bounded so that recursion over a tree is safe.</summary>
    public int Depth { get; init; } = 1;

    public virtual bool Equals(RuleNode? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();
}

internal sealed record NumberLiteral(decimal Value) : RuleNode;

internal sealed record StringLiteral(string Value) : RuleNode;

internal sealed record BoolLiteral(bool Value) : RuleNode;

/// <summary>A bare module name: only meaningful compared with an option id (<c>frame == 'rect'</c>).</summary>
internal sealed record ModuleReference(string Module) : RuleNode;

/// <summary><c>module.property</c>: the sum of a numeric property over the selected options, or a text property.</summary>
internal sealed record PropertyReference(string Module, string Property) : RuleNode
{
    public int PropertyOffset { get; init; }

    public bool Equals(PropertyReference? other) => other is not null && Module == other.Module && Property == other.Property;

    public override int GetHashCode() => HashCode.Combine(Module, Property);
}

/// <summary><c>count(module)</c>.</summary>
internal sealed record CountCall(string Module) : RuleNode
{
    public int ModuleOffset { get; init; }

    public bool Equals(CountCall? other) => other is not null && Module == other.Module;

    public override int GetHashCode() => Module.GetHashCode(StringComparison.Ordinal);
}

/// <summary><c>has(module, 'option')</c>.</summary>
internal sealed record HasCall(string Module, string Option) : RuleNode
{
    public int ModuleOffset { get; init; }

    public int OptionOffset { get; init; }

    public bool Equals(HasCall? other) => other is not null && Module == other.Module && Option == other.Option;

    public override int GetHashCode() => HashCode.Combine(Module, Option);
}

internal enum UnaryOperator
{
    Not,
    Negate,
}

internal sealed record UnaryExpression(UnaryOperator Operator, RuleNode Operand) : RuleNode;

internal enum BinaryOperator
{
    Iff,
    Implies,
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
}

internal sealed record BinaryExpression(BinaryOperator Operator, RuleNode Left, RuleNode Right) : RuleNode
{
    /// <summary>Where the operator itself stands, for type errors.</summary>
    public int OperatorOffset { get; init; }

    public bool Equals(BinaryExpression? other) => other is not null && Operator == other.Operator && Left.Equals(other.Left) && Right.Equals(other.Right);

    public override int GetHashCode() => HashCode.Combine(Operator, Left, Right);
}

/// <summary><c>subject in (literal, ...)</c>; items are string or number literals (a number may be negated).</summary>
internal sealed record InExpression(RuleNode Subject, EquatableArray<RuleNode> Items) : RuleNode
{
    public int OperatorOffset { get; init; }

    public bool Equals(InExpression? other) => other is not null && Subject.Equals(other.Subject) && Items.Equals(other.Items);

    public override int GetHashCode() => HashCode.Combine(Subject, Items);

    public static InExpression Create(RuleNode subject, ImmutableArray<RuleNode> items) => new(subject, new EquatableArray<RuleNode>(items));
}
