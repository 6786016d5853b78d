using System.Collections.Immutable;
using Configurator.Modeling;
using Configurator.Rules;

namespace Configurator.Tests.Generators;

/// <summary>Random rule trees: well-typed against a model, or arbitrary (for printer tests).</summary>
internal static class RandomRules
{
    /// <summary>A condition that type-checks against <paramref name="model"/>.</summary>
    public static RuleNode Condition(Random random, ProductModel model, int depth)
    {
        if (depth <= 0 || random.Next(3) == 0)
        {
            return ConditionLeaf(random, model);
        }

        return random.Next(6) switch
        {
            0 => new UnaryExpression(UnaryOperator.Not, Condition(random, model, depth - 1)),
            1 => new BinaryExpression(BinaryOperator.And, Condition(random, model, depth - 1), Condition(random, model, depth - 1)),
            2 => new BinaryExpression(BinaryOperator.Or, Condition(random, model, depth - 1), Condition(random, model, depth - 1)),
            3 => new BinaryExpression(BinaryOperator.Implies, Condition(random, model, depth - 1), Condition(random, model, depth - 1)),
            4 => new BinaryExpression(BinaryOperator.Iff, Condition(random, model, depth - 1), Condition(random, model, depth - 1)),
            _ => new BinaryExpression(Pick(random, [BinaryOperator.Less, BinaryOperator.LessOrEqual, BinaryOperator.Greater, BinaryOperator.GreaterOrEqual, BinaryOperator.Equal, BinaryOperator.NotEqual]),
                Number(random, model, depth - 1), Number(random, model, depth - 1)),
        };
    }

    /// <summary>A numeric expression that type-checks against <paramref name="model"/>.</summary>
    public static RuleNode Number(Random random, ProductModel model, int depth)
    {
        if (depth <= 0 || random.Next(3) == 0)
        {
            var numeric = NumericProperties(model).ToList();
            return random.Next(3) switch
            {
                0 when numeric.Count > 0 => PropertyOf(Pick(random, numeric)),
                1 => new CountCall(Pick(random, model.Modules.AsImmutableArray()).Id),
                _ => Literal(random),
            };
        }

        return random.Next(5) switch
        {
            0 => new UnaryExpression(UnaryOperator.Negate, Number(random, model, depth - 1)),
            1 => new BinaryExpression(BinaryOperator.Divide, Number(random, model, depth - 1), new NumberLiteral(random.Next(1, 20))),
            _ => new BinaryExpression(Pick(random, [BinaryOperator.Add, BinaryOperator.Subtract, BinaryOperator.Multiply]), Number(random, model, depth - 1), Number(random, model, depth - 1)),
        };
    }

    /// <summary>Any tree the parser can produce, ignoring types: exercises precedence and associativity.</summary>
    public static RuleNode Any(Random random, int depth)
    {
        if (depth <= 0 || random.Next(4) == 0)
        {
            return random.Next(7) switch
            {
                0 => Literal(random),
                1 => new StringLiteral(Pick(random, ["a", "b c", "6' frame", "say \"hi\"", "ü", "😀", ""])),
                2 => new BoolLiteral(random.Next(2) == 0),
                3 => new ModuleReference(Pick(random, ["frame", "glass", "_x", "m1", "count", "has"])),
                4 => new PropertyReference(Pick(random, ["frame", "glass"]), Pick(random, ["w", "colour"])),
                5 => new CountCall(Pick(random, ["frame", "extras"])),
                _ => new HasCall(Pick(random, ["frame", "extras"]), Pick(random, ["a", "x y", "it's"])),
            };
        }

        var kind = random.Next(4);
        if (kind == 0)
        {
            return new UnaryExpression(random.Next(2) == 0 ? UnaryOperator.Not : UnaryOperator.Negate, Any(random, depth - 1));
        }

        if (kind == 1)
        {
            var items = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => random.Next(3) switch
                {
                    0 => (RuleNode)new StringLiteral(Pick(random, ["a", "b", "it's"])),
                    1 => Literal(random),
                    _ => new UnaryExpression(UnaryOperator.Negate, Literal(random)),
                })
                .ToImmutableArray();
            return InExpression.Create(Any(random, depth - 1), items);
        }

        return new BinaryExpression(Enum.GetValues<BinaryOperator>()[random.Next(Enum.GetValues<BinaryOperator>().Length)], Any(random, depth - 1), Any(random, depth - 1));
    }

    /// <summary>
    /// Sums and differences in any shape (balanced, left or right leaning, mixed), with the odd
    /// product or negation: the runs the parser builds in two ways, balanced with additions only
    /// and left to right once a minus appears.
    /// </summary>
    public static RuleNode Sum(Random random, int depth)
    {
        if (depth <= 0 || random.Next(6) == 0)
        {
            return random.Next(8) == 0 ? Literal(random) : new ModuleReference(Pick(random, ["a", "b", "c", "d", "e", "f"]));
        }

        return random.Next(10) switch
        {
            0 => new UnaryExpression(UnaryOperator.Negate, Sum(random, depth - 1)),
            1 => new BinaryExpression(BinaryOperator.Multiply, Sum(random, depth - 1), Sum(random, depth - 1)),
            < 6 => new BinaryExpression(BinaryOperator.Add, Sum(random, depth - 1), Sum(random, depth - 1)),
            _ => new BinaryExpression(BinaryOperator.Subtract, Sum(random, depth - 1), Sum(random, depth - 1)),
        };
    }

    private static RuleNode ConditionLeaf(Random random, ProductModel model)
    {
        var module = Pick(random, model.Modules.AsImmutableArray());
        var option = Pick(random, module.Options.AsImmutableArray()).Id;
        var single = model.Modules.Where(m => !m.IsMultiSelect).ToList();
        var texts = TextProperties(model).ToList();
        switch (random.Next(6))
        {
            case 0:
                // Mostly true: a model whose every rule is false teaches little.
                return new BoolLiteral(random.Next(4) > 0);
            case 1 when single.Count > 0:
                var target = Pick(random, single);
                return new BinaryExpression(random.Next(2) == 0 ? BinaryOperator.Equal : BinaryOperator.NotEqual,
                    new ModuleReference(target.Id), new StringLiteral(Pick(random, target.Options.AsImmutableArray()).Id));
            case 2 when single.Count > 0:
                var subject = Pick(random, single);
                var items = subject.Options.Where(_ => random.Next(2) == 0).Select(o => (RuleNode)new StringLiteral(o.Id)).ToImmutableArray();
                return InExpression.Create(new ModuleReference(subject.Id), items.IsEmpty ? [new StringLiteral(subject.Options[0].Id)] : items);
            case 3 when texts.Count > 0:
                var (leftModule, leftProperty) = Pick(random, texts);
                var (rightModule, rightProperty) = Pick(random, texts);
                return new BinaryExpression(BinaryOperator.Equal, new PropertyReference(leftModule, leftProperty), random.Next(2) == 0
                    ? new PropertyReference(rightModule, rightProperty)
                    : new StringLiteral(Pick(random, ["red", "blue", "pvc"])));
            default:
                return new HasCall(module.Id, option);
        }
    }

    private static PropertyReference PropertyOf((string Module, string Property) reference) => new(reference.Module, reference.Property);

    private static NumberLiteral Literal(Random random) => new(Math.Round((decimal)random.Next(0, 100_000) / Pick(random, [1m, 10m, 100m]), 2));

    private static IEnumerable<(string Module, string Property)> NumericProperties(ProductModel model) =>
        model.Modules.SelectMany(m => m.Options.SelectMany(o => o.Properties.Keys).Distinct()
            .Where(p => m.Options.All(o => o.Properties.TryGetValue(p, out var v) && v.Kind == PropertyKind.Number))
            .Select(p => (m.Id, p)));

    private static IEnumerable<(string Module, string Property)> TextProperties(ProductModel model) =>
        model.Modules.Where(m => !m.IsMultiSelect).SelectMany(m => m.Options.SelectMany(o => o.Properties.Keys).Distinct()
            .Where(p => m.Options.All(o => !o.Properties.TryGetValue(p, out var v) || v.Kind == PropertyKind.Text))
            .Select(p => (m.Id, p)));

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
