using Configurator.Benchmarks.Utils;
using Configurator.Modeling;
using Configurator.Solving;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>Exact ranges of a numeric property against the brute-force oracle, on every engine.</summary>
public class AttributeRangePropertyTests
{
    [Fact]
    public void AttributeRange_RandomModelsAndPartialSelections_IsTheOraclesMinAndMax() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = WithWeights(random, SmallModels.Create(seed));
            var oracle = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, (SolverEngineKind)random.Next(3));
            var partial = random.Next(3) == 0 ? Selection.Empty : SmallModels.RandomPartial(random, model, oracle);
            var aggregation = random.Next(2) == 0 ? AttributeAggregation.Sum : AttributeAggregation.Max;

            var values = oracle.ValidConfigurations(c => SmallModels.Extends(c, partial)).Select(c => Value(model, c, aggregation)).ToList();
            var range = compiled.AttributeRange("load", aggregation, partial);
            if (values.Count == 0)
            {
                Assert.Null(range);
                return;
            }

            Assert.NotNull(range);
            Assert.Equal((values.Min(), values.Max()), (range.Min, range.Max));
            foreach (var (end, value) in new[] { (range.Lowest, range.Min), (range.Highest, range.Max) })
            {
                var configuration = model.Modules.ToDictionary(m => m.Id, m => end.Choices[m.Id].ToArray());
                Assert.True(compiled.Validate(end).IsValid);
                Assert.True(SmallModels.Extends(configuration, partial));
                Assert.Equal(value, Value(model, configuration, aggregation));
            }
        }, iter: 800, threads: 1);

    [Fact]
    public void AttributeRange_UnknownOrTextProperty_SaysWhichPropertiesThereAre()
    {
        var model = new ProductModelBuilder("lamp")
            .AddModule("shade", m => m.AddOption("linen", properties: [new("weightKg", 0.4m), new("colour", "white")]).AddOption("glass", properties: [new("weightKg", 1.2m)]))
            .Build();
        var compiled = ModelCompiler.Compile(model).GetModelOrThrow();

        var unknown = Assert.Throws<ConfiguratorException>(() => compiled.AttributeRange("weight"));
        Assert.Equal(ConfiguratorErrorCodes.UnknownProperty, unknown.Code);
        Assert.Contains("Numeric properties: weightKg.", unknown.Message, StringComparison.Ordinal);
        var text = Assert.Throws<ConfiguratorException>(() => compiled.AttributeRange("colour"));
        Assert.Equal(ConfiguratorErrorCodes.UnknownProperty, text.Code);
        Assert.Contains("text on option 'linen'", text.Message, StringComparison.Ordinal);
        Assert.Equal((0.4m, 1.2m), compiled.AttributeRange("weightKg") is { } r ? (r.Min, r.Max) : default);
    }

    [Fact]
    public void AttributeRange_TheRing_MatchesAPathAroundIt()
    {
        var compiled = ModelCompiler.Compile(GeneratedModels.Ring(60, 8, seed: 1)).GetModelOrThrow();

        var weight = compiled.AttributeRange("weightKg", cancellationToken: TestContext.Current.CancellationToken)!;
        var leadTime = compiled.AttributeRange("weightKg", AttributeAggregation.Max, cancellationToken: TestContext.Current.CancellationToken)!;

        Assert.True(weight.Min < weight.Max);
        Assert.True(compiled.Validate(weight.Lowest).IsValid && compiled.Validate(weight.Highest).IsValid);
        Assert.Equal(weight.Min, Sum(compiled.Model, weight.Lowest));
        Assert.Equal(weight.Max, Sum(compiled.Model, weight.Highest));
        Assert.True(leadTime.Min <= leadTime.Max && leadTime.Max <= weight.Max);
    }

    private static decimal Sum(ProductModel model, Selection configuration) =>
        model.Modules.Sum(m => configuration.Choices[m.Id].Sum(o => m.FindOption(o)!.Properties["weightKg"].Number));

    /// <summary>The property's value for a configuration, straight from the definition: options without it count 0.</summary>
    private static decimal Value(ProductModel model, Dictionary<string, string[]> configuration, AttributeAggregation aggregation)
    {
        decimal Weight(Module module, string option) => module.FindOption(option)!.Properties.TryGetValue("load", out var w) ? w.Number : 0;
        return aggregation == AttributeAggregation.Sum
            ? model.Modules.Sum(m => configuration[m.Id].Sum(o => Weight(m, o)))
            : model.Modules.Max(m => configuration[m.Id].Length == 0 ? 0 : configuration[m.Id].Max(o => Weight(m, o)));
    }

    /// <summary>Gives options a property "load" from -50 to 50 (negative too), some none, the first always one.</summary>
    private static ProductModel WithWeights(Random random, ProductModel model) =>
        model with
        {
            Modules = [.. model.Modules.Select((module, m) => module with
            {
                Options = [.. module.Options.Select((option, o) => option with
                {
                    Properties = new EquatableDictionary<PropertyValue>(
                        option.Properties.Concat(
                            (m == 0 && o == 0) || random.Next(4) > 0 ? [new KeyValuePair<string, PropertyValue>("load", random.Next(-500, 501) / 10m)] : [])),
                })],
            })],
        };
}
