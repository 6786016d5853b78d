using Configurator.Pricing;
using Configurator.Solving;
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
            var model = SmallModels.Create(seed);
            var oracle = new PricingOracle(model);
            var brute = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, random.Next(3) == 0 ? SolverEngineKind.Search : SolverEngineKind.Diagram);
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
}
