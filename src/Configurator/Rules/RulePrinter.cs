using System.Globalization;
using System.Text;

namespace Configurator.Rules;

/// <summary>
/// Prints a rule tree as canonical text: keywords (<c>and</c>, <c>or</c>, <c>not</c>) rather than
/// symbols, single spaces around binary operators, single quotes, numbers without trailing zeros,
/// and only the parentheses that precedence and associativity require. A run of <c>or</c>,
/// <c>and</c> or <c>+</c> in the parser's balanced shape prints flat; any other shape of one keeps
/// its parentheses. A run of <c>+</c> and <c>-</c> with a minus prints left to right, as the parser
/// builds it. Parsing the output gives an equal tree.
/// </summary>
internal static class RulePrinter
{
    // Binding strength, loosest first, following the grammar of the model format.
    private const int IffLevel = 1;
    private const int ImpliesLevel = 2;
    private const int OrLevel = 3;
    private const int AndLevel = 4;
    private const int NotLevel = 5;
    private const int ComparisonLevel = 6;
    private const int SumLevel = 7;
    private const int ProductLevel = 8;
    private const int UnaryLevel = 9;
    private const int PrimaryLevel = 10;

    public static string Print(RuleNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node, IffLevel);
        return builder.ToString();
    }

    /// <summary>Writes <paramref name="node"/>, in parentheses when it binds more loosely than <paramref name="minimum"/>.</summary>
    private static void Write(StringBuilder builder, RuleNode node, int minimum)
    {
        var level = Level(node);
        var parenthesize = level < minimum;
        if (parenthesize)
        {
            builder.Append('(');
        }

        switch (node)
        {
            case NumberLiteral number:
                builder.Append(FormatNumber(number.Value));
                break;
            case StringLiteral text:
                builder.Append(Quote(text.Value));
                break;
            case BoolLiteral boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            case ModuleReference module:
                builder.Append(module.Module);
                break;
            case PropertyReference property:
                builder.Append(property.Module).Append('.').Append(property.Property);
                break;
            case CountCall count:
                builder.Append("count(").Append(count.Module).Append(')');
                break;
            case HasCall has:
                builder.Append("has(").Append(has.Module).Append(", ").Append(Quote(has.Option)).Append(')');
                break;
            case UnaryExpression { Operator: UnaryOperator.Not } not:
                builder.Append("not ");
                Write(builder, not.Operand, NotLevel);
                break;
            case UnaryExpression negate:
                builder.Append('-');
                Write(builder, negate.Operand, UnaryLevel);
                break;
            case InExpression @in:
                Write(builder, @in.Subject, SumLevel);
                builder.Append(" in (");
                for (var i = 0; i < @in.Items.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    Write(builder, @in.Items[i], UnaryLevel);
                }

                builder.Append(')');
                break;
            case BinaryExpression { Operator: BinaryOperator.Add } sum when RunHasMinus(sum.Left):
                // A run with a minus parses left to right (a - b + c), so it prints as that run.
                WriteRun(builder, sum.Left, level);
                builder.Append(" + ");
                Write(builder, sum.Right, level + 1);
                break;
            case BinaryExpression { Operator: BinaryOperator.Or or BinaryOperator.And or BinaryOperator.Add } chain when BalancedLeaves(chain, chain.Operator) > 0:
                // The parser's balanced shape of a run prints flat: a or b or c.
                WriteChain(builder, chain, chain.Operator, level + 1, first: true);
                break;
            case BinaryExpression { Operator: BinaryOperator.Or or BinaryOperator.And or BinaryOperator.Add } other:
                // Any other shape keeps its parentheses, so that it parses back to itself.
                Write(builder, other.Left, level + 1);
                builder.Append(' ').Append(Symbol(other.Operator)).Append(' ');
                Write(builder, other.Right, level + 1);
                break;
            case BinaryExpression { Operator: BinaryOperator.Subtract } difference:
                WriteRun(builder, difference, level);
                break;
            case BinaryExpression binary:
                var (left, right) = OperandLevels(binary.Operator, level);
                Write(builder, binary.Left, left);
                builder.Append(' ').Append(Symbol(binary.Operator)).Append(' ');
                Write(builder, binary.Right, right);
                break;
            default:
                throw new InvalidOperationException($"Unknown rule node {node.GetType().Name}.");
        }

        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    /// <summary>
    /// The number of operands in <paramref name="node"/>'s run of <paramref name="op"/> when the run
    /// has the parser's balanced shape (each left half equal to its right half or one larger), else -1.
    /// </summary>
    private static int BalancedLeaves(RuleNode node, BinaryOperator op)
    {
        if (node is not BinaryExpression binary || binary.Operator != op)
        {
            return 1;
        }

        var left = BalancedLeaves(binary.Left, op);
        var right = left < 0 ? -1 : BalancedLeaves(binary.Right, op);
        return right > 0 && (left == right || left == right + 1) ? left + right : -1;
    }

    private static bool WriteChain(StringBuilder builder, RuleNode node, BinaryOperator op, int operandLevel, bool first)
    {
        if (node is BinaryExpression binary && binary.Operator == op)
        {
            first = WriteChain(builder, binary.Left, op, operandLevel, first);
            return WriteChain(builder, binary.Right, op, operandLevel, first);
        }

        if (!first)
        {
            builder.Append(' ').Append(Symbol(op)).Append(' ');
        }

        Write(builder, node, operandLevel);
        return false;
    }

    /// <summary>
    /// Writes the left side of a run of additions and subtractions that has a minus as the parser
    /// builds such a run: left to right. Up to three additions are the same tree balanced or left
    /// to right; a balanced run of more goes in parentheses, where it parses back balanced.
    /// </summary>
    private static void WriteRun(StringBuilder builder, RuleNode node, int level)
    {
        if (InRun(node) is { } step)
        {
            WriteRun(builder, step.Left, level);
            builder.Append(' ').Append(Symbol(step.Operator)).Append(' ');
            Write(builder, step.Right, level + 1);
        }
        else
        {
            Write(builder, node, node is BinaryExpression { Operator: BinaryOperator.Add } ? level + 1 : level);
        }
    }

    /// <summary>Whether <see cref="WriteRun"/> writes <paramref name="node"/> as a run with a minus in it.</summary>
    private static bool RunHasMinus(RuleNode node) =>
        InRun(node) is { } step && (step.Operator == BinaryOperator.Subtract || RunHasMinus(step.Left));

    /// <summary>The node as a step of a left-to-right run (an addition or subtraction, but not a balanced run of four or more additions); else null.</summary>
    private static BinaryExpression? InRun(RuleNode node) =>
        node is BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } step && BalancedLeaves(step, BinaryOperator.Add) <= 3 ? step : null;

    private static (int Left, int Right) OperandLevels(BinaryOperator op, int level) => op switch
    {
        // Right-associative: a -> b -> c is a -> (b -> c).
        BinaryOperator.Implies => (level + 1, level),

        // Non-associative: both sides are sums.
        >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual => (SumLevel, SumLevel),

        // Left-associative: a * b / c is (a * b) / c.
        _ => (level, level + 1),
    };

    private static int Level(RuleNode node) => node switch
    {
        BinaryExpression { Operator: BinaryOperator.Iff } => IffLevel,
        BinaryExpression { Operator: BinaryOperator.Implies } => ImpliesLevel,
        BinaryExpression { Operator: BinaryOperator.Or } => OrLevel,
        BinaryExpression { Operator: BinaryOperator.And } => AndLevel,
        UnaryExpression { Operator: UnaryOperator.Not } => NotLevel,
        BinaryExpression { Operator: >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual } => ComparisonLevel,
        InExpression => ComparisonLevel,
        BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => SumLevel,
        BinaryExpression => ProductLevel,
        UnaryExpression => UnaryLevel,
        _ => PrimaryLevel,
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Iff => "<->",
        BinaryOperator.Implies => "->",
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    // The language has no escapes: a text holding a single quote is written in double quotes.
    private static string Quote(string text) => text.Contains('\'', StringComparison.Ordinal) ? $"\"{text}\"" : $"'{text}'";

    private static string FormatNumber(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);
}
