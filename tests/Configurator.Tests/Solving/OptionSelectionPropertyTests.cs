using System.Numerics;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Solving;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>
/// Partial selections that require or rule out single options (<c>module+=option</c>,
/// <c>module-=option</c>) against the brute-force oracle, on every engine.
/// </summary>
public class OptionSelectionPropertyTests
{
    [Fact]
    public void CountPerOptionEnumerateSampleAndPriceRange_WithIncludedAndExcludedOptions_MatchTheOracle() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            var oracle = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, (SolverEngineKind)random.Next(3));
            var partial = SmallModels.RandomPartial(random, model, oracle);
            var included = new List<(string Module, string Option)>();
            var excluded = new List<(string Module, string Option)>();
            foreach (var module in model.Modules.Where(_ => random.Next(2) == 0))
            {
                var option = module.Options[random.Next(module.Options.Count)].Id;
                (random.Next(2) == 0 ? included : excluded).Add((module.Id, option));
            }

            foreach (var (module, option) in included)
            {
                partial = partial.Including(module, option);
            }

            foreach (var (module, option) in excluded)
            {
                partial = partial.Excluding(module, option);
            }

            bool Within(Dictionary<string, string[]> c) =>
                SmallModels.Extends(c, partial)
                && included.All(i => c[i.Module].Contains(i.Option))
                && excluded.All(e => !c[e.Module].Contains(e.Option));

            var expected = oracle.ValidConfigurations(Within).Select(c => BruteForceOracle.Key(c, model)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(new BigInteger(expected.Count), compiled.Count(partial));

            // Each option's count (on the clause engine's circuit, the unrestricted modules' from one pass).
            var valid = oracle.ValidConfigurations(Within).ToList();
            var perOption = compiled.CountPerOption(partial);
            Assert.Equal(model.Modules.Sum(m => m.Options.Count), perOption.Count);
            Assert.All(perOption, c => Assert.Equal(new BigInteger(valid.Count(x => x[c.ModuleId].Contains(c.OptionId))), c.Count));
            Assert.Equal(expected, compiled.Configurations(partial).Select(s => SmallModels.Key(s, model)).Order(StringComparer.Ordinal));

            // The JSON form carries the same selection (the text form cannot: option ids may hold spaces).
            Assert.Equal(partial, System.Text.Json.JsonSerializer.Deserialize<Selection>(System.Text.Json.JsonSerializer.Serialize(partial)));

            if (compiled.Sample(random, partial) is { } sampled)
            {
                Assert.Contains(SmallModels.Key(sampled, model), expected);
            }
            else
            {
                Assert.Empty(expected);
            }

            var parts = compiled.Split(4, partial);
            Assert.Equal(new BigInteger(expected.Count), parts.Aggregate(BigInteger.Zero, (sum, part) => sum + compiled.Count(part)));

            var range = PricingPipeline.Default.Range(compiled, partial);
            if (expected.Count == 0)
            {
                Assert.Null(range);
                return;
            }

            var prices = oracle.ValidConfigurations(Within).Select(c => PricingPipeline.Default.Price(compiled, ToSelection(c)).Total.Amount).ToList();
            Assert.Equal(prices.Min(), range!.Min.Amount);
            Assert.Equal(prices.Max(), range.Max.Amount);
        }, iter: 800, threads: 1);

    [Fact]
    public void With_KeepsWhatOtherModulesIncludeAndExclude()
    {
        var selection = Selection.Parse("extras+=handle", "extras-=lock").With("frame", "arched");

        Assert.Equal("frame=arched extras+=handle extras-=lock", selection.ToString());
        Assert.Equal(Selection.Parse("frame=arched", "extras+=handle", "extras-=lock"), selection);
    }

    [Theory]
    [InlineData("extras+=", "require")]
    [InlineData("extras-=", "rule out")]
    [InlineData("+=handle", "require")]
    public void Parse_IncludeOrExcludeWithoutAnOption_SaysHowToWriteIt(string item, string verb)
    {
        var error = Assert.Throws<FormatException>(() => Selection.Parse(item));
        Assert.Contains(verb, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IncludeAndExclude_KeepTheModuleFreeOtherwise()
    {
        var selection = Selection.Parse("frame=arched", "extras+=handle", "extras+=lock", "extras-=vent");
        Assert.Equal(["handle", "lock"], selection.Included["extras"]);
        Assert.Equal(["vent"], selection.Excluded["extras"]);
        Assert.False(selection.Choices.ContainsKey("extras"));
        Assert.False(selection.IsExact);
        Assert.True(Selection.Parse("frame=arched").IsExact);
        Assert.Equal("frame=arched extras+=handle+lock extras-=vent", selection.ToString());
    }

    private static Selection ToSelection(Dictionary<string, string[]> configuration) =>
        configuration.Aggregate(Selection.Empty, (s, c) => s.With(c.Key, c.Value));
}
