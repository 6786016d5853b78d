using System.Collections.Immutable;
using Configurator.Modeling;
using Configurator.Rules;

namespace Configurator.Tests.Generators;

/// <summary>
/// Random small product models that pass validation: optional and multi-select modules, numeric
/// and text properties, random tables, well-typed random rules, price rules, presets and
/// personalization fields. Deterministic for a seed.
/// </summary>
internal static class RandomModels
{
    private static readonly string[] ModuleIds = ["frame", "glass", "size", "extras", "_m", "Colour", "m2", "x_1"];

    private static readonly string[] OptionIds = ["a", "b", "c", "rect", "6' frame", "say \"hi\"", "ü", "😀 emoji", "with space", "1", "2.5", "long-option-id-with-dashes", "中文"];

    public static ProductModel Create(Random random)
    {
        var moduleCount = random.Next(1, 6);
        var modules = ModuleIds.OrderBy(_ => random.Next()).Take(moduleCount).Select(id => CreateModule(random, id)).ToImmutableArray();
        var model = new ProductModel("random-" + random.Next(1000), modules)
        {
            Name = random.Next(2) == 0 ? null : "Random model",
            Version = random.Next(2) == 0 ? null : "1." + random.Next(10),
            Currency = RandomRules.Pick(random, ["EUR", "USD", "JPY", "KWD"]),
            BasePrice = random.Next(3) == 0 ? 0 : random.Next(-100, 10_000) / 100m,
            Labels = random.Next(3) == 0 ? [new("de", "Zufall"), new("zh-CN", "随机")] : default,
        };

        var constraints = Enumerable.Range(0, random.Next(0, 4))
            .Select(i => random.Next(3) == 0 && Table(random, model, "t" + i) is { } table ? table : Rule(random, model, "r" + i))
            .ToImmutableArray();
        var priceRules = Enumerable.Range(0, random.Next(0, 4)).Select(i => PriceRule(random, model, "p" + i)).ToImmutableArray();
        var presets = Enumerable.Range(0, random.Next(0, 3)).Select(i => Preset(random, model, "preset" + i)).ToImmutableArray();
        var fields = Enumerable.Range(0, random.Next(0, 3)).Select(i => Field(random, "field" + i)).ToImmutableArray();
        // Drawn last, so that everything above is what it was before models had attributes.
        var attributes = modules.Any(m => m.Options.Any(o => o.Properties.ContainsKey("w"))) && random.Next(2) == 0
            ? [new AttributeDefinition("weight", "w") { Name = random.Next(2) == 0 ? null : "Weight", Unit = "kg", Aggregation = random.Next(3) == 0 ? Configurator.Solving.AttributeAggregation.Max : Configurator.Solving.AttributeAggregation.Sum }]
            : ImmutableArray<AttributeDefinition>.Empty;
        model = model with { Constraints = constraints, PriceRules = priceRules, Presets = presets, Personalization = fields, Attributes = [.. attributes] };
        return random.Next(2) == 0 ? model : WithParts(random, model);
    }

    /// <summary>A parts catalogue, parts on some options, and BOM rules with conditions and fixed or computed quantities.</summary>
    private static ProductModel WithParts(Random random, ProductModel model)
    {
        string[] parts = ["P1", "P2", "P3"];
        var modules = model.Modules.Select(module => module with
        {
            Options = [.. module.Options.Select(option => random.Next(3) > 0 ? option : option with
            {
                Parts = parts.Where(_ => random.Next(2) == 0).Select(p => new KeyValuePair<string, decimal>(p, random.Next(1, 50) / 2m)).ToEquatableDictionary(),
            })],
        }).ToImmutableArray();
        model = model with { Modules = [.. modules], Parts = [new Part("P1") { Name = "Pane", Unit = "m2" }, new Part("P2"), new Part("P3") { Unit = "m" }] };
        var rules = Enumerable.Range(0, random.Next(0, 3)).Select(i => new BomRule("b" + i)
        {
            When = random.Next(4) == 0 ? null : RulePrinter.Print(RandomRules.Condition(random, model, random.Next(0, 3))),
            Parts = new[] { parts[random.Next(parts.Length)] }.Select(p => new KeyValuePair<string, PropertyValue>(p, random.Next(2) == 0
                ? PropertyValue.FromNumber(random.Next(1, 9))
                : PropertyValue.FromText(RulePrinter.Print(RandomRules.Number(random, model, random.Next(0, 3)))))).ToEquatableDictionary(),
        });
        return model with { BomRules = [.. rules] };
    }

    private static Module CreateModule(Random random, string id)
    {
        var optionCount = random.Next(1, 6);
        var numeric = random.Next(3) > 0;
        var text = random.Next(3) == 0;
        var options = OptionIds.OrderBy(_ => random.Next()).Take(optionCount).Select(optionId => new Option(optionId)
        {
            Price = random.Next(4) == 0 ? 0 : random.Next(-500, 50_000) / 100m,
            Name = random.Next(2) == 0 ? null : optionId.ToUpperInvariant(),
            Properties = Properties(random, numeric, text),
        }).ToImmutableArray();

        var max = random.Next(4) == 0 ? random.Next(1, optionCount + 1) : 1;
        var min = random.Next(4) == 0 ? 0 : random.Next(0, max + 1) == 0 ? 0 : Math.Min(1, max);
        var defaults = random.Next(3) == 0 ? options.Take(Math.Min(max, random.Next(1, 3))).Select(o => o.Id).ToImmutableArray() : [];
        return new Module(id, options) { Min = min, Max = max, Defaults = defaults, Adjustable = random.Next(2) == 0, Name = random.Next(2) == 0 ? null : id + " name" };
    }

    private static EquatableDictionary<PropertyValue> Properties(Random random, bool numeric, bool text)
    {
        var properties = new List<KeyValuePair<string, PropertyValue>>();
        if (numeric)
        {
            properties.Add(new("w", random.Next(0, 10_000) / 10m));
        }

        if (text)
        {
            properties.Add(new("colour", RandomRules.Pick(random, ["red", "blue", "pvc", ""])));
        }

        return properties.ToEquatableDictionary();
    }

    private static Constraint Rule(Random random, ProductModel model, string id) => new(id)
    {
        // Half the rules are implications, as most configuration rules are; they rarely empty the model.
        Rule = RulePrinter.Print(random.Next(2) == 0
            ? new BinaryExpression(BinaryOperator.Implies, RandomRules.Condition(random, model, 1), RandomRules.Condition(random, model, random.Next(0, 3)))
            : RandomRules.Condition(random, model, random.Next(0, 4))),
        Message = random.Next(2) == 0 ? null : "Because " + id,
    };

    private static Constraint? Table(Random random, ProductModel model, string id)
    {
        var columns = model.Modules.Where(m => !m.IsMultiSelect).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
        if (columns.Count == 0)
        {
            return null;
        }

        var rows = Enumerable.Range(0, random.Next(0, 6))
            .Select(_ => new EquatableArray<string?>([.. columns.Select(c => random.Next(5) switch
            {
                0 => TableConstraint.Any,
                1 when c.IsOptional => null,
                _ => RandomRules.Pick(random, c.Options.AsImmutableArray()).Id,
            })]))
            .ToImmutableArray();
        var table = new TableConstraint([.. columns.Select(c => c.Id)], random.Next(2) == 0 ? TableKind.Allowed : TableKind.Forbidden, rows);
        return new Constraint(id) { Table = table };
    }

    private static PriceRule PriceRule(Random random, ProductModel model, string id)
    {
        var rule = new PriceRule(id) { When = random.Next(4) == 0 ? null : RulePrinter.Print(RandomRules.Condition(random, model, random.Next(0, 3))) };
        return random.Next(3) switch
        {
            0 => rule with { Add = random.Next(-1000, 1000) / 10m },
            1 => rule with { AddExpression = RulePrinter.Print(RandomRules.Number(random, model, random.Next(0, 3))) },
            _ => rule with { Percent = random.Next(-50, 50) },
        };
    }

    private static Preset Preset(Random random, ProductModel model, string id)
    {
        var selections = model.Modules.Select(m =>
        {
            var count = random.Next(m.Min, m.Max + 1);
            return new KeyValuePair<string, EquatableArray<string>>(m.Id, [.. m.Options.OrderBy(_ => random.Next()).Take(count).Select(o => o.Id)]);
        });
        return new Preset(id, selections.ToEquatableDictionary()) { Name = random.Next(2) == 0 ? null : "Preset " + id };
    }

    private static PersonalizationField Field(Random random, string id) => random.Next(2) == 0
        ? new PersonalizationField(id, PersonalizationType.Text) { MaxLength = random.Next(2) == 0 ? null : random.Next(1, 40), Pattern = random.Next(2) == 0 ? null : "^[A-Z]*$", Required = random.Next(2) == 0, Price = random.Next(0, 1000) / 100m }
        : new PersonalizationField(id, PersonalizationType.Choice) { Choices = ["gift box", "plain", "礼盒"], Price = random.Next(0, 500) / 100m };
}
