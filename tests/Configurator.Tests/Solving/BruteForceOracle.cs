using System.Globalization;
using Configurator.Modeling;
using Configurator.Rules;

namespace Configurator.Tests.Solving;

/// <summary>
/// A deliberately simple reference: lists every combination of permitted selections and evaluates
/// rules and tables directly on option ids, sharing no code with the engine beyond the parser.
/// Exponential; for small models only.
/// </summary>
internal sealed class BruteForceOracle
{
    private readonly ProductModel _model;
    private readonly List<(Constraint Constraint, RuleNode? Rule)> _constraints;

    public BruteForceOracle(ProductModel model)
    {
        _model = model;
        _constraints = [.. model.Constraints.Select(c => (c, c.Rule is null ? null : RuleParser.Parse(c.Rule).Node))];
    }

    /// <summary>The number of combinations of permitted selections, valid or not.</summary>
    public static long RawSpace(ProductModel model) =>
        model.Modules.Aggregate(1L, (product, m) => product * Subsets(m).Count());

    /// <summary>Every combination of permitted selections, valid or not.</summary>
    public IEnumerable<Dictionary<string, string[]>> AllCombinations()
    {
        IEnumerable<Dictionary<string, string[]>> combinations = [new Dictionary<string, string[]>(StringComparer.Ordinal)];
        foreach (var module in _model.Modules)
        {
            var subsets = Subsets(module).ToList();
            combinations = combinations.SelectMany(c => subsets.Select(s => new Dictionary<string, string[]>(c, StringComparer.Ordinal) { [module.Id] = s }));
        }

        return combinations;
    }

    public IEnumerable<Dictionary<string, string[]>> ValidConfigurations(Func<Dictionary<string, string[]>, bool>? within = null) =>
        AllCombinations().Where(c => (within is null || within(c)) && ViolatedConstraints(c).Count == 0);

    /// <summary>The ids of the constraints a complete configuration breaks.</summary>
    public List<string> ViolatedConstraints(Dictionary<string, string[]> configuration) =>
        [.. _constraints.Where(c => !Satisfies(c.Constraint, c.Rule, configuration)).Select(c => c.Constraint.Id)];

    /// <summary>Evaluates rule text (a condition or a number) on a complete configuration.</summary>
    public object Evaluate(string text, Dictionary<string, string[]> configuration) => Evaluate(RuleParser.Parse(text).Node!, configuration);

    public static string Key(Dictionary<string, string[]> configuration, ProductModel model) =>
        string.Join(" ", model.Modules.Select(m => m.Id + "=" + string.Join("+", configuration[m.Id].Order(StringComparer.Ordinal))));

    private static IEnumerable<string[]> Subsets(Module module)
    {
        var n = module.Options.Count;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var size = System.Numerics.BitOperations.PopCount((uint)mask);
            if (size >= module.Min && size <= module.Max)
            {
                yield return [.. module.Options.Where((_, i) => (mask & (1 << i)) != 0).Select(o => o.Id)];
            }
        }
    }

    private bool Satisfies(Constraint constraint, RuleNode? rule, Dictionary<string, string[]> configuration)
    {
        if (rule is not null)
        {
            return (bool)Evaluate(rule, configuration);
        }

        var table = constraint.Table!;
        var matched = table.Rows.Any(row => row.Select((cell, c) => cell switch
        {
            "*" => true,
            null => configuration[table.Modules[c]].Length == 0,
            _ => configuration[table.Modules[c]] is [var only] && only == cell,
        }).All(x => x));
        return table.Kind == TableKind.Allowed ? matched : !matched;
    }

    private object Evaluate(RuleNode node, Dictionary<string, string[]> config) => node switch
    {
        NumberLiteral n => n.Value,
        StringLiteral s => s.Value,
        BoolLiteral b => b.Value,
        CountCall c => (decimal)config[c.Module].Length,
        HasCall h => config[h.Module].Contains(h.Option),
        PropertyReference p when IsText(p) => config[p.Module] is [var one] && Option(p.Module, one).Properties.TryGetValue(p.Property, out var text) ? text.Text ?? "" : "",
        PropertyReference p => config[p.Module].Sum(o => Option(p.Module, o).Properties[p.Property].Number),
        UnaryExpression { Operator: UnaryOperator.Not } u => !(bool)Evaluate(u.Operand, config),
        UnaryExpression u => -(decimal)Evaluate(u.Operand, config),
        InExpression { Subject: ModuleReference m } i => config[m.Module] is [var one] && i.Items.Any(item => ((StringLiteral)item).Value == one),
        InExpression i when Divides(i.Subject) && Fraction(i.Subject, config) is { } f => i.Items.Any(item => Arithmetic(BinaryOperator.Multiply, (decimal)Evaluate(item, config), f.Denominator) == f.Numerator),
        InExpression i => i.Items.Any(item => Evaluate(item, config).Equals(Evaluate(i.Subject, config))),
        BinaryExpression { Left: ModuleReference m, Right: StringLiteral s } b => (config[m.Module] is [var one] && one == s.Value) == (b.Operator == BinaryOperator.Equal),
        BinaryExpression { Left: StringLiteral s, Right: ModuleReference m } b => (config[m.Module] is [var one] && one == s.Value) == (b.Operator == BinaryOperator.Equal),
        BinaryExpression b => Binary(b, config),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private object Binary(BinaryExpression b, Dictionary<string, string[]> config)
    {
        // A comparison with a division compares the sides with their divisors cleared (README, rule language).
        var (left, right) = b.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual
            && (Divides(b.Left) || Divides(b.Right)) && Fraction(b.Left, config) is { } l && Fraction(b.Right, config) is { } r
            ? l.Denominator == r.Denominator
                ? ((object)l.Numerator, (object)r.Numerator)
                : ((object)Arithmetic(BinaryOperator.Multiply, l.Numerator, r.Denominator), (object)Arithmetic(BinaryOperator.Multiply, r.Numerator, l.Denominator))
            : (Evaluate(b.Left, config), Evaluate(b.Right, config));
        return b.Operator switch
        {
            BinaryOperator.And => (bool)left && (bool)right,
            BinaryOperator.Or => (bool)left || (bool)right,
            BinaryOperator.Implies => !(bool)left || (bool)right,
            BinaryOperator.Iff => (bool)left == (bool)right,
            BinaryOperator.Equal => left.Equals(right),
            BinaryOperator.NotEqual => !left.Equals(right),
            BinaryOperator.Less => (decimal)left < (decimal)right,
            BinaryOperator.LessOrEqual => (decimal)left <= (decimal)right,
            BinaryOperator.Greater => (decimal)left > (decimal)right,
            BinaryOperator.GreaterOrEqual => (decimal)left >= (decimal)right,
            _ => Arithmetic(b.Operator, (decimal)left, (decimal)right),
        };
    }

    private static bool Divides(RuleNode node) => node switch
    {
        BinaryExpression { Operator: BinaryOperator.Divide } => true,
        BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply } b => Divides(b.Left) || Divides(b.Right),
        UnaryExpression { Operator: UnaryOperator.Negate } u => Divides(u.Operand),
        _ => false,
    };

    /// <summary>
    /// A number's value as a division-free numerator over a positive denominator (the product of
    /// its divisors, in the rule's order); null when decimal cannot hold a denominator exactly.
    /// </summary>
    private (decimal Numerator, decimal Denominator)? Fraction(RuleNode node, Dictionary<string, string[]> config)
    {
        switch (node)
        {
            case UnaryExpression { Operator: UnaryOperator.Negate } u:
                return Fraction(u.Operand, config) is { } operand ? (-operand.Numerator, operand.Denominator) : null;
            case BinaryExpression { Operator: BinaryOperator.Divide } d:
                var divisor = (decimal)Evaluate(d.Right, config);
                return Fraction(d.Left, config) is { } dividend && ExactProduct(dividend.Denominator, Math.Abs(divisor)) is { } denominator
                    ? (divisor < 0 ? -dividend.Numerator : dividend.Numerator, denominator)
                    : null;
            case BinaryExpression { Operator: BinaryOperator.Multiply } m:
                return Fraction(m.Left, config) is { } a && Fraction(m.Right, config) is { } b && ExactProduct(a.Denominator, b.Denominator) is { } product
                    ? (Arithmetic(BinaryOperator.Multiply, a.Numerator, b.Numerator), product)
                    : null;
            case BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum:
                if (Fraction(sum.Left, config) is not { } x || Fraction(sum.Right, config) is not { } y)
                {
                    return null;
                }

                if (x.Denominator == y.Denominator)
                {
                    return (Arithmetic(sum.Operator, x.Numerator, y.Numerator), x.Denominator);
                }

                return ExactProduct(x.Denominator, y.Denominator) is { } common
                    ? (Arithmetic(sum.Operator, Arithmetic(BinaryOperator.Multiply, x.Numerator, y.Denominator), Arithmetic(BinaryOperator.Multiply, y.Numerator, x.Denominator)), common)
                    : null;
            default:
                return ((decimal)Evaluate(node, config), 1m);
        }
    }

    /// <summary>The product when decimal holds it exactly: the mantissas' product fits in 96 bits and the scales add up to at most 28.</summary>
    private static decimal? ExactProduct(decimal a, decimal b)
    {
        static (System.Numerics.BigInteger Mantissa, int Scale) Parts(decimal d)
        {
            var bits = decimal.GetBits(d);
            var mantissa = (new System.Numerics.BigInteger((uint)bits[2]) << 64) | (new System.Numerics.BigInteger((uint)bits[1]) << 32) | (uint)bits[0];
            return (mantissa, (bits[3] >> 16) & 0xFF);
        }

        var (am, scaleA) = Parts(a);
        var (bm, scaleB) = Parts(b);
        return am * bm < System.Numerics.BigInteger.One << 96 && scaleA + scaleB <= 28 ? a * b : null;
    }

    // Overflow saturates, as the model format's engine documents.
    private static decimal Arithmetic(BinaryOperator op, decimal a, decimal b)
    {
        try
        {
            return op switch
            {
                BinaryOperator.Add => a + b,
                BinaryOperator.Subtract => a - b,
                BinaryOperator.Multiply => a * b,
                _ => a / b,
            };
        }
        catch (OverflowException)
        {
            var positive = op switch
            {
                BinaryOperator.Add => a > 0 || b > 0,
                BinaryOperator.Subtract => a > b,
                _ => (a > 0) == (b > 0),
            };
            return positive ? decimal.MaxValue : decimal.MinValue;
        }
    }

    private bool IsText(PropertyReference p) =>
        _model.FindModule(p.Module)!.Options.Any(o => o.Properties.TryGetValue(p.Property, out var v) && v.Kind == PropertyKind.Text);

    private Option Option(string module, string id) => _model.FindModule(module)!.FindOption(id)!;

    public override string ToString() => _model.Id.ToString(CultureInfo.InvariantCulture);
}
