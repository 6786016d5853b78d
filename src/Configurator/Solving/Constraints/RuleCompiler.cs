using Configurator.Modeling;
using Configurator.Rules;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Constraints;

/// <summary>
/// Turns a checked rule tree into expressions over module values. The rule has passed
/// <see cref="RuleChecker"/>, so names exist and types fit; shapes the checker rejects cannot occur.
/// </summary>
internal sealed class RuleCompiler(IReadOnlyList<ModuleDomain> domains, IReadOnlyDictionary<string, int> moduleIndex)
{
    public BoolExpression Condition(RuleNode node) => node switch
    {
        BoolLiteral literal => new ConstantBool(literal.Value),
        HasCall has => Flag(has.Module, (domain, value) => domain.Contains(value, domain.OptionIndex(has.Option) ?? -1)),
        UnaryExpression { Operator: UnaryOperator.Not } not => new NotExpression(Condition(not.Operand)),
        InExpression { Subject: ModuleReference module } @in => OptionTest(module.Module, @in.Items.Select(i => ((StringLiteral)i).Value), negate: false),
        InExpression @in when IsText(@in.Subject) => new TextIn(Text(@in.Subject), [.. @in.Items.Select(i => ((StringLiteral)i).Value)]),
        InExpression @in => In(@in),
        BinaryExpression binary => Binary(binary),
        _ => throw new InvalidOperationException($"{node.GetType().Name} is not a condition."),
    };

    public NumberExpression Number(RuleNode node) => node switch
    {
        NumberLiteral literal => new ConstantNumber(literal.Value),
        PropertyReference property => PerValue(property.Module, (domain, value) => domain.Values[value].Sum(o => domain.Module.Options[o].Properties[property.Property].Number)),
        CountCall count => PerValue(count.Module, (domain, value) => domain.Values[value].Length),
        UnaryExpression { Operator: UnaryOperator.Negate } negate => new NegateExpression(Number(negate.Operand)),
        BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide } binary =>
            new ArithmeticExpression(binary.Operator switch
            {
                BinaryOperator.Add => ArithmeticOperator.Add,
                BinaryOperator.Subtract => ArithmeticOperator.Subtract,
                BinaryOperator.Multiply => ArithmeticOperator.Multiply,
                _ => ArithmeticOperator.Divide,
            }, Number(binary.Left), Number(binary.Right)),
        _ => throw new InvalidOperationException($"{node.GetType().Name} is not a number."),
    };

    private TextExpression Text(RuleNode node) => node switch
    {
        StringLiteral literal => new ConstantText(literal.Value),
        PropertyReference property => TextPerValue(property.Module, property.Property),
        _ => throw new InvalidOperationException($"{node.GetType().Name} is not a text."),
    };

    private BoolExpression Binary(BinaryExpression binary)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Implies or BinaryOperator.Iff:
                var op = binary.Operator switch
                {
                    BinaryOperator.And => LogicOperator.And,
                    BinaryOperator.Or => LogicOperator.Or,
                    BinaryOperator.Implies => LogicOperator.Implies,
                    _ => LogicOperator.Iff,
                };
                return new LogicExpression(op, Condition(binary.Left), Condition(binary.Right));
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                var equal = binary.Operator == BinaryOperator.Equal;
                return (binary.Left, binary.Right) switch
                {
                    (ModuleReference module, StringLiteral option) => OptionTest(module.Module, [option.Value], !equal),
                    (StringLiteral option, ModuleReference module) => OptionTest(module.Module, [option.Value], !equal),
                    var (left, _) when IsText(left) => new TextComparison(equal, Text(binary.Left), Text(binary.Right)),
                    var (left, _) when IsCondition(left) => new BoolComparison(equal, Condition(binary.Left), Condition(binary.Right)),
                    _ => Compare(equal ? CompareOperator.Equal : CompareOperator.NotEqual, binary.Left, binary.Right),
                };
            default:
                var compare = binary.Operator switch
                {
                    BinaryOperator.Less => CompareOperator.Less,
                    BinaryOperator.LessOrEqual => CompareOperator.LessOrEqual,
                    BinaryOperator.Greater => CompareOperator.Greater,
                    _ => CompareOperator.GreaterOrEqual,
                };
                return Compare(compare, binary.Left, binary.Right);
        }
    }

    /// <summary>
    /// A comparison of two numbers with its divisors cleared: each side becomes a division-free
    /// numerator over a positive constant denominator, and each numerator is multiplied by the
    /// other side's denominator, so <c>count(extras) / 3 * 3 == count(extras)</c> holds exactly
    /// where decimal division leaves an error in the last digit. A comparison without a division,
    /// or whose denominators decimal cannot hold exactly, compares the sides as they read.
    /// </summary>
    private NumberComparison Compare(CompareOperator op, RuleNode left, RuleNode right)
    {
        if ((Divides(left) || Divides(right)) && Fraction(left) is { } l && Fraction(right) is { } r)
        {
            return l.Denominator == r.Denominator
                ? new NumberComparison(op, l.Numerator, r.Numerator)
                : new NumberComparison(op, Scaled(l.Numerator, r.Denominator), Scaled(r.Numerator, l.Denominator));
        }

        return new NumberComparison(op, Number(left), Number(right));
    }

    /// <summary>A number's membership in a list, with the number's divisors cleared as in <see cref="Compare"/>: its numerator against each item times its denominator.</summary>
    private NumberIn In(InExpression @in)
    {
        var items = @in.Items.Select(i => Number(i).Evaluate([]));
        return Divides(@in.Subject) && Fraction(@in.Subject) is { } subject
            ? new NumberIn(subject.Numerator, [.. items.Select(i => Internal.Saturating.Multiply(i, subject.Denominator))])
            : new NumberIn(Number(@in.Subject), [.. items]);
    }

    /// <summary>
    /// A number as a division-free numerator over a positive constant denominator; null when a
    /// denominator (a product of divisors) is beyond what decimal holds exactly.
    /// </summary>
    private (NumberExpression Numerator, decimal Denominator)? Fraction(RuleNode node)
    {
        switch (node)
        {
            case UnaryExpression { Operator: UnaryOperator.Negate } negate:
                return Fraction(negate.Operand) is { } operand ? (new NegateExpression(operand.Numerator), operand.Denominator) : null;
            case BinaryExpression { Operator: BinaryOperator.Divide } divide:
                var divisor = Number(divide.Right).Evaluate([]);
                return Fraction(divide.Left) is { } dividend && ExactProduct(dividend.Denominator, Math.Abs(divisor)) is { } denominator
                    ? (divisor < 0 ? new NegateExpression(dividend.Numerator) : dividend.Numerator, denominator)
                    : null;
            case BinaryExpression { Operator: BinaryOperator.Multiply } multiply:
                return Fraction(multiply.Left) is { } a && Fraction(multiply.Right) is { } b && ExactProduct(a.Denominator, b.Denominator) is { } product
                    ? (new ArithmeticExpression(ArithmeticOperator.Multiply, a.Numerator, b.Numerator), product)
                    : null;
            case BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum:
                if (Fraction(sum.Left) is not { } x || Fraction(sum.Right) is not { } y)
                {
                    return null;
                }

                var op = sum.Operator == BinaryOperator.Add ? ArithmeticOperator.Add : ArithmeticOperator.Subtract;
                if (x.Denominator == y.Denominator)
                {
                    return (new ArithmeticExpression(op, x.Numerator, y.Numerator), x.Denominator);
                }

                return ExactProduct(x.Denominator, y.Denominator) is { } common
                    ? (new ArithmeticExpression(op, Scaled(x.Numerator, y.Denominator), Scaled(y.Numerator, x.Denominator)), common)
                    : null;
            default:
                return (Number(node), 1m);
        }
    }

    /// <summary>The product of two positive denominators, or null when decimal would round it or cannot hold it.</summary>
    private static decimal? ExactProduct(decimal a, decimal b)
    {
        try
        {
            var product = a * b;
            return product.Scale == a.Scale + b.Scale ? product : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static NumberExpression Scaled(NumberExpression expression, decimal factor) =>
        factor == 1 ? expression : new ArithmeticExpression(ArithmeticOperator.Multiply, expression, new ConstantNumber(factor));

    private static bool Divides(RuleNode node) => node switch
    {
        BinaryExpression { Operator: BinaryOperator.Divide } => true,
        BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply } binary => Divides(binary.Left) || Divides(binary.Right),
        UnaryExpression { Operator: UnaryOperator.Negate } negate => Divides(negate.Operand),
        _ => false,
    };

    /// <summary>
    /// True for the values that select exactly one of the named options (<c>frame == 'rect'</c>, <c>frame in (...)</c>),
    /// inverted when <paramref name="negate"/>. Imported feature models have tens of thousands of these (automotive2_4:
    /// about 60,000), so the values come straight from the domain's value per option, with no set of ids or closure.
    /// </summary>
    private ValueFlag OptionTest(string module, IEnumerable<string> optionIds, bool negate)
    {
        var domain = domains[moduleIndex[module]];
        var flags = new bool[domain.ValueCount];
        if (negate)
        {
            Array.Fill(flags, true);
        }

        foreach (var id in optionIds)
        {
            // A value matches when it selects that option alone.
            if (domain.OptionIndex(id) is { } option && domain.SingleOptionValue[option] is var value and >= 0)
            {
                flags[value] = !negate;
            }
        }

        return new ValueFlag(domain.Index, flags);
    }

    private ValueFlag Flag(string moduleId, Func<ModuleDomain, int, bool> fact)
    {
        var domain = domains[moduleIndex[moduleId]];
        var flags = new bool[domain.ValueCount];
        for (var value = 0; value < flags.Length; value++)
        {
            flags[value] = fact(domain, value);
        }

        return new ValueFlag(domain.Index, flags);
    }

    private ValueNumber PerValue(string moduleId, Func<ModuleDomain, int, decimal> number)
    {
        var domain = domains[moduleIndex[moduleId]];
        var numbers = new decimal[domain.ValueCount];
        for (var value = 0; value < numbers.Length; value++)
        {
            numbers[value] = number(domain, value);
        }

        return new ValueNumber(domain.Index, numbers);
    }

    private ValueText TextPerValue(string moduleId, string property)
    {
        var domain = domains[moduleIndex[moduleId]];
        return new ValueText(domain.Index, [.. Enumerable.Range(0, domain.ValueCount).Select(v =>
            domain.Values[v] is [var option] && domain.Module.Options[option].Properties.TryGetValue(property, out var text) ? text.Text ?? "" : "")]);
    }

    private bool IsText(RuleNode node) => node switch
    {
        StringLiteral => true,
        PropertyReference property => domains[moduleIndex[property.Module]].Module.Options
            .Any(o => o.Properties.TryGetValue(property.Property, out var value) && value.Kind == PropertyKind.Text),
        _ => false,
    };

    private static bool IsCondition(RuleNode node) => node is BoolLiteral or HasCall or InExpression
        or UnaryExpression { Operator: UnaryOperator.Not }
        or BinaryExpression { Operator: not (BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide) };
}
