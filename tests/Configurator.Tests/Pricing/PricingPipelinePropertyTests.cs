using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Rules;
using Configurator.Solving;
using Configurator.Tests.Generators;
using Configurator.Tests.Solving;
using CsCheck;

namespace Configurator.Tests.Pricing;

/// <summary>Prices, breakdowns and exact ranges against brute force on random small models.</summary>
public class PricingPipelinePropertyTests
{
    [Fact]
    public void Price_RandomConfigurations_MatchesTheOracleAndLinesAddUp() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = SmallModels.Create(seed);
            var oracle = new PricingOracle(model);
            var compiled = SmallModels.Compile(model, SolverEngineKind.Diagram);
            foreach (var configuration in oracle.Valid().Take(20))
            {
                var selection = model.Modules.Aggregate(Selection.Empty, (s, m) => s.With(m.Id, configuration[m.Id]));
                var breakdown = PricingPipeline.Default.Price(compiled, selection);
                Assert.Equal(oracle.Total(configuration), breakdown.Total.Amount);
                Assert.Equal(breakdown.Total.Amount, breakdown.Lines.Sum(l => l.Amount));
                Assert.Equal(model.Currency, breakdown.Total.Currency);
            }
        }, iter: 1000, threads: 1);

    [Fact]
    public void Range_RandomPartialSelections_IsTheExactMinAndMax() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.MaybeUnpriced(random, SmallModels.Create(seed));
            var oracle = new PricingOracle(model);
            var brute = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, SmallModels.AnyEngine(random));
            var partial = random.Next(3) == 0 ? Selection.Empty : SmallModels.RandomPartial(random, model, brute);

            var totals = oracle.Valid(c => SmallModels.Extends(c, partial)).Select(c => oracle.Total(c)).ToList();
            var range = PricingPipeline.Default.Range(compiled, partial);
            if (totals.Count == 0)
            {
                Assert.Null(range);
                return;
            }

            Assert.NotNull(range);
            Assert.Equal(totals.Min(), range.Min.Amount);
            Assert.Equal(totals.Max(), range.Max.Amount);
            Assert.True(compiled.Validate(range.Cheapest).IsValid);
            Assert.True(compiled.Validate(range.Dearest).IsValid);
            Assert.Equal(range.Min, PricingPipeline.Default.Price(compiled, range.Cheapest).Total);
            Assert.Equal(range.Max, PricingPipeline.Default.Price(compiled, range.Dearest).Total);
            Assert.All(partial.Choices, c => Assert.Equal(c.Value.Order(), range.Cheapest.Choices[c.Key].Order()));
        }, iter: 1000, threads: 1);

    /// <summary>
    /// A session's price differences come from one table: per module and value, the cheapest valid
    /// configuration taking the value with that module's own choice lifted and the others kept. Some
    /// models get two percentage rules of -70 % each, so a total factor goes below zero and the
    /// cheapest end comes from the highest subtotal.
    /// </summary>
    [Fact]
    public void CheapestPerValue_RandomPartialSelections_IsTheCheapestConfigurationTakingEachValue() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.MaybeUnpriced(random, SmallModels.Create(seed));
            if (random.Next(3) == 0)
            {
                var condition = RulePrinter.Print(RandomRules.Condition(random, model, 1));
                model = model with { PriceRules = [.. model.PriceRules, new PriceRule("cut1") { Percent = -70 }, new PriceRule("cut2") { When = condition, Percent = -70 }] };
            }

            var oracle = new PricingOracle(model);
            var brute = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, SmallModels.AnyEngine(random));
            var partial = random.Next(4) == 0 ? Selection.Empty : SmallModels.RandomPartial(random, model, brute);

            var table = PricingPipeline.Default.CheapestPerValue(compiled, compiled.ToRestriction(partial), PricingRequest.Default);
            var valid = oracle.Valid().ToList();
            for (var m = 0; m < model.Modules.Count; m++)
            {
                var module = model.Modules[m];
                var others = Selection.Empty;
                foreach (var (id, options) in partial.Choices.Where(c => c.Key != module.Id))
                {
                    others = others.With(id, [.. options]);
                }

                for (var value = 0; value < table[m].Length; value++)
                {
                    var options = compiled.OptionIdsOf(m, value);
                    var totals = valid.Where(c => SmallModels.Extends(c, others) && c[module.Id].Order().SequenceEqual(options.Order())).Select(c => oracle.Total(c)).ToList();
                    Assert.Equal(totals.Count == 0 ? null : totals.Min(), table[m][value]);
                }
            }
        }, iter: 600, threads: 1);

    /// <summary>
    /// A priced session step takes the range and the table from one forward pass: its range is the
    /// range query's to the configurations at its ends (ties between equal prices fall the same
    /// way), its table the table query's. Partial selections lift a module's restriction for the
    /// table, so the pass also makes states outside the restriction, which must not change the range.
    /// </summary>
    [Fact]
    public void RangeAndCheapestPerValue_RandomPartialSelections_EqualTheRangeAndTheTableAskedApart() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Always a percentage rule (the frontier program prices the model then), and often prices
            // of 0 or 1 only, so many configurations tie and the order of the states decides.
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            if (random.Next(2) == 0)
            {
                model = model with { Modules = [.. model.Modules.Select(m => m with { Options = [.. m.Options.Select(o => o with { Price = random.Next(2) })] })] };
            }

            var condition = RulePrinter.Print(RandomRules.Condition(random, model, 1));
            model = model with { PriceRules = [.. model.PriceRules, new PriceRule("cut") { When = condition, Percent = random.Next(2) == 0 ? -70 : 10 }] };
            var brute = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, SmallModels.AnyEngine(random));
            var partial = random.Next(4) == 0 ? Selection.Empty : SmallModels.RandomPartial(random, model, brute);
            var restriction = compiled.ToRestriction(partial);

            var both = PricingPipeline.Default.RangeAndCheapestPerValue(compiled, restriction, PricingRequest.Default);
            var range = PricingPipeline.Default.Range(compiled, partial);
            Assert.Equal(range is null, both is null);
            if (both is var (bothRange, table))
            {
                Assert.Equal(range, bothRange);
                var apart = PricingPipeline.Default.CheapestPerValue(compiled, restriction, PricingRequest.Default);
                Assert.Equal(apart.Length, table.Length);
                Assert.All(Enumerable.Range(0, apart.Length), m => Assert.Equal(apart[m], table[m]));
            }
        }, iter: 1000, threads: 1);

    /// <summary>
    /// The case the random models rarely reach. a0 costs 11, a1 costs 10 and adds 10 %; b0 adds
    /// 10 % and is ruled out, so a0 + b1 and a1 + b1 both total 11 and the range keeps the first,
    /// a0. The table's pass also follows a0 + b0 (ruled out) to the state of 10 % that a1 + b1 then
    /// reaches within: taken in the order met, that state would come first and the cheapest end
    /// would be a1 + b1.
    /// </summary>
    [Fact]
    public void RangeAndCheapestPerValue_ATieWithAStateFirstMetOutsideTheRestriction_EndsAsTheRangeQuerys()
    {
        var model = new ProductModelBuilder("tie").WithCurrency("EUR")
            .AddModule("a", m => m.AddOption("a0", 11).AddOption("a1", 10))
            .AddModule("b", m => m.AddOption("b0").AddOption("b1"))
            .AddPercentage("a1-up", "a == 'a1'", 10)
            .AddPercentage("b0-up", "b == 'b0'", 10)
            .Build();
        var compiled = ModelCompiler.Compile(model).GetModelOrThrow();
        var within = Selection.Parse("b=b1");

        var range = PricingPipeline.Default.Range(compiled, within);
        var both = PricingPipeline.Default.RangeAndCheapestPerValue(compiled, compiled.ToRestriction(within), PricingRequest.Default);

        Assert.NotNull(range);
        Assert.Equal((11m, "a0"), (range.Min.Amount, range.Cheapest.Choices["a"].Single()));
        Assert.Equal(range, both?.Range);
    }

    /// <summary>
    /// A priced step's range and table are remembered per restriction and shared by every session
    /// of the model: asked again, in another order, they are what a pipeline that never saw the
    /// restriction answers, with a policy that changes every total applied once (not once per call
    /// on the shared table), and a caller that overwrites the table it got changes nothing for the next.
    /// </summary>
    [Fact]
    public void RangeAndCheapestPerValue_AskedAgain_IsAFreshPipelinesAnswer_AndNoCallerChangesIt() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            var condition = RulePrinter.Print(RandomRules.Condition(random, model, 1));
            model = model with { PriceRules = [.. model.PriceRules, new PriceRule("cut") { When = condition, Percent = random.Next(2) == 0 ? -30 : 10 }] };
            var brute = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, SmallModels.AnyEngine(random));
            var shared = new PricingPipelineBuilder().AddPolicy(new Surcharge()).Build();
            var restrictions = Enumerable.Range(0, 5).Select(_ => random.Next(4) == 0 ? Selection.Empty : SmallModels.RandomPartial(random, model, brute)).ToList();
            for (var round = 0; round < 3; round++)
            {
                foreach (var partial in restrictions.OrderBy(_ => random.Next()))
                {
                    var remembered = shared.RangeAndCheapestPerValue(compiled, compiled.ToRestriction(partial), PricingRequest.Default);
                    var fresh = new PricingPipelineBuilder().AddPolicy(new Surcharge()).Build().RangeAndCheapestPerValue(compiled, compiled.ToRestriction(partial), PricingRequest.Default);
                    Assert.Equal(fresh is null, remembered is null);
                    if (remembered is var (range, table) && fresh is var (freshRange, freshTable))
                    {
                        Assert.Equal(freshRange, range);
                        Assert.All(Enumerable.Range(0, table.Length), m => Assert.Equal(freshTable[m], table[m]));
                        foreach (var values in table)
                        {
                            Array.Fill(values, -1m);
                        }
                    }
                }
            }
        }, iter: 300, threads: 1);

    /// <summary>Adds a tenth of the running total: non-decreasing, and applied twice it shows.</summary>
    private sealed class Surcharge : IPricingPolicy
    {
        public void Apply(PricingContext context) => context.AddLine("surcharge", "Surcharge", context.Total / 10);
    }
}
