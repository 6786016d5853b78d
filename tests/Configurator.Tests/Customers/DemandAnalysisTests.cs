using Configurator.Customers;
using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Tests.Solving;

namespace Configurator.Tests.Customers;

/// <summary>Demand analytics and preset mining against a brute-force oracle on random small models, and on histories computed by hand.</summary>
public class DemandAnalysisTests
{
    private static readonly DemandPeriod FirstHalf = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
    private static readonly DemandPeriod SecondHalf = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31));

    private static readonly CompiledModel Small = ModelCompiler.Compile(new ProductModelBuilder("shop")
        .AddModule("a", m => m.AddOption("x").AddOption("y").AddOption("z"))
        .AddModule("b", m => m.AddOption("p").AddOption("q"))
        .AddModule("extras", m => m.AddOption("e1").AddOption("e2").Selecting(0, 2))
        .AddRule("x-needs-p", "a == 'x' -> b == 'p'")
        .Build()).GetModelOrThrow();

    /// <summary>Random orders of a random small model: mostly valid configurations, some the model does not allow, over a year.</summary>
    private static (ProductModel Model, CompiledModel Compiled, BruteForceOracle Oracle, List<Dictionary<string, string[]>> Valid, List<(Dictionary<string, string[]> Configuration, Order Order)> Orders)? RandomHistory(int seed)
    {
        var model = SmallModels.Create(seed);
        var oracle = new BruteForceOracle(model);
        var valid = oracle.ValidConfigurations().ToList();
        if (valid.Count == 0)
        {
            return null;
        }

        // The model's own presets: none, one or two valid configurations.
        var random = new Random(seed);
        model = model with { Presets = [.. Enumerable.Range(0, random.Next(3)).Select(i => new Preset($"p{i}", Selection(model, valid[random.Next(valid.Count)]).Choices))] };
        var all = oracle.AllCombinations().ToList();
        var orders = Enumerable.Range(0, 40).Select(i =>
        {
            // A few favourites ordered often, so that presets have something to cover.
            var configuration = random.Next(5) == 0 ? all[random.Next(all.Count)] : valid[Math.Min(valid.Count - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * valid.Count))];
            var selection = new Selection(model.Modules.Select(m => KeyValuePair.Create(m.Id, (EquatableArray<string>)[.. configuration[m.Id]])).ToEquatableDictionary());
            var order = new Order($"c{random.Next(6)}", new DateOnly(2026, 1, 1).AddDays(random.Next(365)), selection, random.Next(1, 4), random.Next(1, 100));
            return (configuration, order);
        }).ToList();
        return (model, ModelCompiler.Compile(model).GetModelOrThrow(), oracle, valid, orders);
    }

    [Fact]
    public void Analyze_RandomSmallModels_SharesAreTheOraclesAndAddUpPerModule()
    {
        var checkedModels = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            if (RandomHistory(seed) is not var (model, compiled, oracle, valid, orders))
            {
                continue;
            }

            checkedModels++;
            var history = OrderHistory.From(compiled, orders.Select(o => o.Order));
            var report = DemandAnalysis.Analyze(compiled, history, SecondHalf, FirstHalf);

            var validKeys = valid.Select(v => BruteForceOracle.Key(v, model)).ToHashSet();
            List<(Dictionary<string, string[]> Configuration, Order Order)> In(DemandPeriod period) =>
                [.. orders.Where(o => period.Contains(o.Order.Date) && validKeys.Contains(BruteForceOracle.Key(o.Configuration, model)))];
            var now = In(SecondHalf);
            var before = In(FirstHalf);
            long total = now.Sum(o => o.Order.Quantity);
            long totalBefore = before.Sum(o => o.Order.Quantity);

            Assert.Equal(orders.Count(o => SecondHalf.Contains(o.Order.Date)), report.Orders);
            Assert.Equal(orders.Count(o => SecondHalf.Contains(o.Order.Date)) - now.Count, report.NotAllowedOrders);
            Assert.Equal(total, report.Units);
            Assert.Equal(now.Select(o => BruteForceOracle.Key(o.Configuration, model)).Distinct().Count(), report.DistinctConfigurations);
            Assert.Equal(valid.Count, (int)report.ValidConfigurations);
            Assert.Equal(model.Modules.Sum(m => m.Options.Count), report.Options.Length);
            foreach (var option in report.Options)
            {
                var units = now.Where(o => o.Configuration[option.ModuleId].Contains(option.OptionId)).Sum(o => (long)o.Order.Quantity);
                Assert.Equal(units, option.Units);
                Assert.Equal(total == 0 ? 0 : units / (double)total, option.OrderShare, 12);
                Assert.Equal(valid.Count(v => v[option.ModuleId].Contains(option.OptionId)) / (double)valid.Count, option.SpaceShare, 12);
                if (totalBefore == 0)
                {
                    Assert.Null(option.Trend);
                }
                else
                {
                    var earlier = before.Where(o => o.Configuration[option.ModuleId].Contains(option.OptionId)).Sum(o => (long)o.Order.Quantity) / (double)totalBefore;
                    Assert.Equal(option.OrderShare - earlier, option.Trend!.Value, 12);
                }
            }

            // Shares add up: per module, the options' order shares to the mean number of options
            // selected per unit (1 for a module that takes exactly one), and the space shares to the
            // mean over the valid configurations.
            foreach (var module in model.Modules)
            {
                var options = report.Options.Where(o => o.ModuleId == module.Id).ToList();
                if (total > 0)
                {
                    Assert.Equal(now.Sum(o => (double)o.Order.Quantity * o.Configuration[module.Id].Length) / total, options.Sum(o => o.OrderShare), 9);
                }

                Assert.Equal(valid.Average(v => v[module.Id].Length), options.Sum(o => o.SpaceShare), 9);
                if (module is { Min: 1, Max: 1 } && total > 0)
                {
                    Assert.Equal(1.0, options.Sum(o => o.OrderShare), 9);
                }
            }

            Assert.Equal(report.Options.Where(o => o.Units == 0), report.Unordered);
        }

        Assert.True(checkedModels >= 40, $"Only {checkedModels} random models had a valid configuration.");
    }

    [Fact]
    public void MinePresets_RandomSmallModels_CoverageNeverFallsWithKAndEveryPresetIsValidAndCoversWhatTheOracleCounts()
    {
        for (var seed = 0; seed < 60; seed++)
        {
            if (RandomHistory(seed) is not var (model, compiled, oracle, valid, orders))
            {
                continue;
            }

            var history = OrderHistory.From(compiled, orders.Select(o => o.Order));
            var validKeys = valid.Select(v => BruteForceOracle.Key(v, model)).ToHashSet();
            var allowed = orders.Where(o => validKeys.Contains(BruteForceOracle.Key(o.Configuration, model))).ToList();
            long total = allowed.Sum(o => o.Order.Quantity);
            foreach (var distance in new[] { 0, 1, 2 })
            {
                int Distance(Dictionary<string, string[]> a, Selection b) =>
                    model.Modules.Count(m => !a[m.Id].Order(StringComparer.Ordinal).SequenceEqual(b.Choices[m.Id].Order(StringComparer.Ordinal)));
                long Covered(IEnumerable<Selection> presets) =>
                    allowed.Where(o => presets.Any(p => Distance(o.Configuration, p) <= distance)).Sum(o => (long)o.Order.Quantity);

                MinedPresets? previous = null;
                for (var k = 1; k <= 4; k++)
                {
                    var mined = DemandAnalysis.MinePresets(compiled, history, k, distance);
                    Assert.Equal(total, mined.Units);
                    Assert.True(mined.Presets.Length <= k);
                    for (var i = 0; i < mined.Presets.Length; i++)
                    {
                        var preset = mined.Presets[i];
                        Assert.True(compiled.Validate(preset.Configuration).IsValid);
                        Assert.Contains(SmallModels.Key(preset.Configuration, model), validKeys);
                        Assert.Equal(Covered(mined.Presets.Take(i + 1).Select(p => p.Configuration)) / (double)total, preset.Coverage, 12);
                        Assert.True(preset.NewUnits > 0);
                        Assert.True(i == 0 || preset.Coverage > mined.Presets[i - 1].Coverage);
                    }

                    // Greedy: the first preset covers as much as any ordered configuration would.
                    if (total > 0)
                    {
                        var best = allowed.Max(o => Covered([Selection(model, o.Configuration)]));
                        Assert.Equal(best, mined.Presets[0].NewUnits);
                    }

                    // Asking for one more keeps the first k and never lowers the coverage.
                    if (previous is not null)
                    {
                        Assert.Equal(previous.Presets, mined.Presets.Take(previous.Presets.Length));
                        Assert.True(mined.CoverageCurve.LastOrDefault() >= previous.CoverageCurve.LastOrDefault());
                    }

                    Assert.Equal(mined.CoverageCurve.Order(), mined.CoverageCurve);
                    Assert.Equal(Covered(model.Presets.Select(p => new Selection(p.Selections))) / (double)Math.Max(1, total), mined.ModelPresetsCoverage, 12);
                    previous = mined;
                }
            }
        }
    }

    [Fact]
    public void Analyze_HandComputedHistory_GivesSharesTrendsAndUnorderedOptions()
    {
        var history = OrderHistory.From(Small,
        [
            Order("2026-02-01", "a=x b=p extras=e1", 3),
            Order("2026-03-01", "a=y b=q extras=", 1),
            Order("2026-08-01", "a=y b=p extras=e1+e2", 2),
            Order("2026-09-01", "a=y b=q extras=e1", 1),
            Order("2026-10-01", "a=x b=q extras=", 1), // the model does not allow it
        ]);

        var report = DemandAnalysis.Analyze(Small, history, SecondHalf, SecondHalf.Before());

        Assert.Equal(new DemandPeriod(new DateOnly(2025, 12, 29), new DateOnly(2026, 6, 30)), SecondHalf.Before()); // 184 days each
        Assert.Equal(3, report.Orders);
        Assert.Equal(1, report.NotAllowedOrders);
        Assert.Equal(3, report.Units);
        Assert.Equal(2, report.DistinctConfigurations);
        var y = report.Options.Single(o => o.OptionId == "y");
        Assert.Equal(1.0, y.OrderShare);
        Assert.Equal(1.0 - 1 / 4.0, y.Trend!.Value, 12); // 1 of 4 units in the first half
        var e1 = report.Options.Single(o => o.OptionId == "e1");
        Assert.Equal(1.0, e1.OrderShare);
        Assert.Equal(["x", "z"], report.Unordered.Select(o => o.OptionId));

        // Valid configurations: a=x needs b=p: (1 + 2 + 2) x 4 extras = 20; z in 2 x 4 = 8 of them.
        Assert.Equal(20, (int)report.ValidConfigurations);
        Assert.Equal(8 / 20.0, report.Options.Single(o => o.OptionId == "z").SpaceShare, 12);
        Assert.Equal(0, report.Options.Single(o => o.OptionId == "z").Lift);
    }

    [Fact]
    public void MinePresets_HandComputedHistory_PicksTheConfigurationThatCoversMostWithinOneModule()
    {
        // Exactly: y-q-none is ordered most (4 units), then y-p-e1 (3). Within one module,
        // y-p-none, ordered only twice, covers itself, y-q-none and y-p-e1: 9 units (y-q-e1 also
        // covers 9 but comes later among equals); then y-q-e1's 2 units are left, which y-q-none
        // covers, and z-p-e1+e2 only covers itself.
        var history = OrderHistory.From(Small,
        [
            Order("2026-01-01", "a=y b=q extras=", 4),
            Order("2026-01-02", "a=y b=p extras=e1", 3),
            Order("2026-01-03", "a=y b=p extras=", 2),
            Order("2026-01-04", "a=y b=q extras=e1", 2),
            Order("2026-01-05", "a=z b=p extras=e1+e2", 1),
        ]);

        var exact = DemandAnalysis.MinePresets(Small, history, 2, maxDistance: 0);
        Assert.Equal(["a=y b=q extras=", "a=y b=p extras=e1"], exact.Presets.Select(p => p.Configuration.ToString()));
        Assert.Equal([4 / 12.0, 7 / 12.0], exact.CoverageCurve);

        var near = DemandAnalysis.MinePresets(Small, history, 3, maxDistance: 1);
        Assert.Equal(["a=y b=p extras=", "a=y b=q extras=", "a=z b=p extras=e1+e2"], near.Presets.Select(p => p.Configuration.ToString()));
        Assert.Equal([9L, 2, 1], near.Presets.Select(p => p.NewUnits));
        Assert.Equal(2, near.Presets[0].ExactUnits);
        Assert.Equal([9 / 12.0, 11 / 12.0, 1.0], near.CoverageCurve);
        Assert.Throws<ArgumentOutOfRangeException>(() => DemandAnalysis.MinePresets(Small, history, 0));
    }

    private static Selection Selection(ProductModel model, Dictionary<string, string[]> configuration) =>
        new(model.Modules.Select(m => KeyValuePair.Create(m.Id, (EquatableArray<string>)[.. configuration[m.Id]])).ToEquatableDictionary());

    private static Order Order(string day, string configuration, int quantity) =>
        new("c", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Configurator.Solving.Selection.Parse(configuration.Split(' ')), quantity, 10m * quantity);
}
