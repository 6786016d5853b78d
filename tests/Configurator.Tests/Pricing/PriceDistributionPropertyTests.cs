using System.Numerics;
using Configurator.Benchmarks.Utils;
using Configurator.Pricing;
using Configurator.Solving;
using Configurator.Tests.Solving;
using CsCheck;

namespace Configurator.Tests.Pricing;

/// <summary>The exact price distribution against the prices of every enumerated configuration.</summary>
public class PriceDistributionPropertyTests
{
    [Fact]
    public void Distribution_RandomModelsAndPartialSelections_IsEveryValidConfigurationsPrice() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.MaybeUnpriced(random, SmallModels.Create(seed));
            var oracle = new PricingOracle(model);
            var brute = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, SmallModels.AnyEngine(random));
            var partial = random.Next(3) == 0 ? Selection.Empty : SmallModels.RandomPartial(random, model, brute);

            var expected = oracle.Valid(c => SmallModels.Extends(c, partial))
                .GroupBy(c => oracle.Total(c))
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, new BigInteger(g.Count())))
                .ToList();
            var distribution = PricingPipeline.Default.Distribution(compiled, partial);
            if (expected.Count == 0)
            {
                Assert.Null(distribution);
                return;
            }

            Assert.NotNull(distribution);
            Assert.Equal(expected, distribution.Points.Select(p => (p.Price.Amount, p.Count)));
            Assert.Equal(compiled.Count(partial), distribution.Count);
            var range = PricingPipeline.Default.Range(compiled, partial)!;
            Assert.Equal((range.Min, range.Max), (distribution.Min, distribution.Max));

            var bins = random.Next(1, 12);
            var histogram = distribution.Histogram(bins);
            Assert.Equal(distribution.Min == distribution.Max ? 1 : bins, histogram.Count);
            Assert.Equal(distribution.Count, histogram.Aggregate(BigInteger.Zero, (sum, bin) => sum + bin.Count));
            Assert.All(distribution.Points, p => Assert.Single(histogram, b => b.From.Amount <= p.Price.Amount && (p.Price.Amount < b.To.Amount || (b == histogram[^1] && p.Price.Amount <= b.To.Amount))));
        }, iter: 1000, threads: 1);

    [Fact]
    public void Distribution_TheRingOf10To47Configurations_AddsUpToItsCountAndMatchesTheRange()
    {
        var compiled = SmallModels.Compile(GeneratedModels.Ring(60, 8, seed: 1), SolverEngineKind.Diagram);
        var distribution = PricingPipeline.Default.Distribution(compiled, cancellationToken: TestContext.Current.CancellationToken)!;

        Assert.Equal(compiled.Count(), distribution.Count);
        Assert.True(distribution.Count > BigInteger.Pow(10, 46));
        var range = PricingPipeline.Default.Range(compiled)!;
        Assert.Equal((range.Min, range.Max), (distribution.Min, distribution.Max));
        Assert.True(distribution.Points.Count > 1000, $"{distribution.Points.Count} distinct prices");
    }

    [Fact]
    public void Distribution_BeyondTheBudget_IsALimitErrorAndTheModelStaysUsable()
    {
        var model = GeneratedModels.Ring(60, 8, seed: 1);
        var compiled = ModelCompiler.Compile(model, new CompilerOptions { PriceRangeStateBudget = 100 }).GetModelOrThrow();

        var error = Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Distribution(compiled));

        Assert.Equal(ConfiguratorErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("PriceRangeStateBudget", error.Message, StringComparison.Ordinal);
        Assert.NotNull(PricingPipeline.Default.Range(compiled));
    }

    [Fact]
    public void Distribution_Cancelled_Throws()
    {
        var compiled = SmallModels.Compile(GeneratedModels.Ring(60, 8, seed: 1), SolverEngineKind.Diagram);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PricingPipeline.Default.Distribution(compiled, cancellationToken: cancelled.Token));
    }
}
