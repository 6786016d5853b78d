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
        InExpression @in => new NumberIn(Number(@in.Subject), [.. @in.Items.Select(i => Number(i).Evaluate([]))]),
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
                    _ => new NumberComparison(equal ? CompareOperator.Equal : CompareOperator.NotEqual, Number(binary.Left), Number(binary.Right)),
                };
            default:
                var compare = binary.Operator switch
                {
                    BinaryOperator.Less => CompareOperator.Less,
                    BinaryOperator.LessOrEqual => CompareOperator.LessOrEqual,
                    BinaryOperator.Greater => CompareOperator.Greater,
                    _ => CompareOperator.GreaterOrEqual,
                };
                return new NumberComparison(compare, Number(binary.Left), Number(binary.Right));
        }
    }

    /// <summary>True when the module's single selected option is one of <paramref name="optionIds"/>.</summary>
    private ValueFlag OptionTest(string module, IEnumerable<string> optionIds, bool negate)
    {
        var ids = optionIds.ToHashSet(StringComparer.Ordinal);
        return Flag(module, (domain, value) =>
            (domain.Values[value].Length == 1 && ids.Contains(domain.Module.Options[domain.Values[value][0]].Id)) != negate);
    }

    private ValueFlag Flag(string moduleId, Func<ModuleDomain, int, bool> fact)
    {
        var domain = domains[moduleIndex[moduleId]];
        return new ValueFlag(domain.Index, [.. Enumerable.Range(0, domain.ValueCount).Select(v => fact(domain, v))]);
    }

    private ValueNumber PerValue(string moduleId, Func<ModuleDomain, int, decimal> number)
    {
        var domain = domains[moduleIndex[moduleId]];
        return new ValueNumber(domain.Index, [.. Enumerable.Range(0, domain.ValueCount).Select(v => number(domain, v))]);
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
