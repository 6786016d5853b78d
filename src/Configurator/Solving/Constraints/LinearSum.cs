using System.Collections.Immutable;

namespace Configurator.Solving.Constraints;

/// <summary>
/// A rule that compares a sum of per-module numbers with a constant (<c>a.weight + b.weight + c.weight &lt;= 40</c>,
/// <c>2 * a.power - b.draw &gt;= 0</c>) written as <c>Σ Terms[i][value of Scope[i]] + Constant op 0</c>. The
/// frontier diagram builder carries such a rule's partial sum in a node instead of every module it has
/// read, so fourteen modules summed under a bound make thousands of nodes rather than 6^14. Immutable.
/// </summary>
/// <remarks>
/// Recognised only when the sum is exact in <see cref="decimal"/> whatever the order of adding (every
/// number with at most <see cref="MaxScale"/> decimal places, the largest possible sum in magnitude
/// under <see cref="MaxMagnitude"/>, constant factors whole numbers), so that the diagram agrees with
/// the rule's own evaluation on every configuration.
/// </remarks>
internal sealed class LinearSum
{
    private const int MaxScale = 12;
    private static readonly decimal MaxMagnitude = 1e15m;

    private LinearSum(CompiledConstraint constraint, CompareOperator op, ImmutableArray<int> scope, decimal[][] terms, decimal constant)
    {
        Constraint = constraint;
        Operator = op;
        Scope = scope;
        Terms = terms;
        Constant = constant;
    }

    /// <summary>The rule this sum stands for.</summary>
    public CompiledConstraint Constraint { get; }

    public CompareOperator Operator { get; }

    /// <summary>The modules summed, ascending (the rule's scope).</summary>
    public ImmutableArray<int> Scope { get; }

    /// <summary>Per scope position, per value of its module, the value's share of the sum.</summary>
    public decimal[][] Terms { get; }

    public decimal Constant { get; }

    /// <summary>Whether <paramref name="total"/> (the sum, constant included) satisfies the comparison with zero.</summary>
    public bool Holds(decimal total) => Operator switch
    {
        CompareOperator.Equal => total == 0,
        CompareOperator.NotEqual => total != 0,
        CompareOperator.Less => total < 0,
        CompareOperator.LessOrEqual => total <= 0,
        CompareOperator.Greater => total > 0,
        _ => total >= 0,
    };

    /// <summary>
    /// Whether every total in [<paramref name="low"/>, <paramref name="high"/>] satisfies the
    /// comparison (true), none does (false), or it depends (null).
    /// </summary>
    public bool? HoldsOver(decimal low, decimal high) => Operator switch
    {
        CompareOperator.Equal => low == 0 && high == 0 ? true : low > 0 || high < 0 ? false : null,
        CompareOperator.NotEqual => low > 0 || high < 0 ? true : low == 0 && high == 0 ? false : null,
        CompareOperator.Less => high < 0 ? true : low >= 0 ? false : null,
        CompareOperator.LessOrEqual => high <= 0 ? true : low > 0 ? false : null,
        CompareOperator.Greater => low > 0 ? true : high <= 0 ? false : null,
        _ => low >= 0 ? true : high < 0 ? false : null,
    };

    /// <summary>The constraint as a linear sum, or null when it is not one (or not exactly one in decimal).</summary>
    public static LinearSum? TryCreate(CompiledConstraint constraint, IReadOnlyList<Domains.ModuleDomain> domains)
    {
        if (constraint.Expression is not NumberComparison comparison || constraint.Scope.Length < 2)
        {
            return null;
        }

        var terms = new Dictionary<int, decimal[]>();
        var constant = 0m;
        if (!Collect(comparison.Left, 1, terms, ref constant, domains) || !Collect(comparison.Right, -1, terms, ref constant, domains))
        {
            return null;
        }

        var scope = constraint.Scope;
        if (terms.Count != scope.Length || !scope.All(terms.ContainsKey))
        {
            return null;
        }

        var largest = Math.Abs(constant);
        foreach (var values in terms.Values)
        {
            largest += values.Max(Math.Abs);
            if (largest >= MaxMagnitude || values.Any(v => v.Scale > MaxScale))
            {
                return null;
            }
        }

        return constant.Scale > MaxScale ? null : new LinearSum(constraint, comparison.Operator, scope, [.. scope.Select(m => terms[m])], constant);
    }

    /// <summary>Adds <paramref name="factor"/> times <paramref name="expression"/> to the terms; false when it is not linear.</summary>
    private static bool Collect(NumberExpression expression, decimal factor, Dictionary<int, decimal[]> terms, ref decimal constant, IReadOnlyList<Domains.ModuleDomain> domains)
    {
        if (Math.Abs(factor) >= MaxMagnitude)
        {
            return false;
        }

        switch (expression)
        {
            case ConstantNumber number when Fits(factor, number.Value):
                constant += factor * number.Value;
                return true;
            case ValueNumber value when value.Numbers.All(n => Fits(factor, n)):
                if (!terms.TryGetValue(value.Module, out var sums))
                {
                    sums = new decimal[domains[value.Module].ValueCount];
                    terms.Add(value.Module, sums);
                }

                for (var v = 0; v < sums.Length; v++)
                {
                    sums[v] += factor * value.Numbers[v];
                }

                return true;
            case NegateExpression negate:
                return Collect(negate.Operand, -factor, terms, ref constant, domains);
            case ArithmeticExpression { Operator: ArithmeticOperator.Add } add:
                return Collect(add.Left, factor, terms, ref constant, domains) && Collect(add.Right, factor, terms, ref constant, domains);
            case ArithmeticExpression { Operator: ArithmeticOperator.Subtract } subtract:
                return Collect(subtract.Left, factor, terms, ref constant, domains) && Collect(subtract.Right, -factor, terms, ref constant, domains);
            case ArithmeticExpression { Operator: ArithmeticOperator.Multiply, Left: ConstantNumber k } product when IsWhole(k.Value):
                return Collect(product.Right, factor * k.Value, terms, ref constant, domains);
            case ArithmeticExpression { Operator: ArithmeticOperator.Multiply, Right: ConstantNumber k } product when IsWhole(k.Value):
                return Collect(product.Left, factor * k.Value, terms, ref constant, domains);
            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="factor"/> times <paramref name="number"/> stays under <see cref="MaxMagnitude"/> (checked without multiplying, which could overflow).</summary>
    private static bool Fits(decimal factor, decimal number) => factor == 0 || Math.Abs(number) < MaxMagnitude / Math.Abs(factor);

    private static bool IsWhole(decimal value) => value == decimal.Truncate(value) && Math.Abs(value) < MaxMagnitude;
}
