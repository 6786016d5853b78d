using Configurator.Customers;
using Configurator.Serialization;
using Configurator.Solving;

namespace Configurator.Tests.Customers;

/// <summary>The sample order histories under samples/orders: clean, and with the seasons and trends the README describes.</summary>
public class SampleOrdersTests
{
    private static CompiledModel Compile(string file) =>
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel(file)).GetModelOrThrow()).GetModelOrThrow();

    private static OrderHistory Read(CompiledModel model, string file) =>
        OrderHistory.ReadFile(model, Path.Combine(RepositoryPaths.Root, "samples", "orders", file));

    private static readonly DemandPeriod Summer = new(new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31));
    private static readonly DemandPeriod Winter = new(new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 28));

    [Theory]
    [InlineData("car.json", "car-orders.jsonl", "body", "convertible", "packs", "winter", "engine", "diesel-115")]
    [InlineData("shirt.json", "shirt-orders.jsonl", "fabric", "linen", "fabric", "flannel", "fabric", "sea-island")]
    public void SampleHistory_IsCleanAndHasItsSeasonsAndItsDroppedOption(string modelFile, string ordersFile, string summerModule, string summerOption, string winterModule, string winterOption, string droppedModule, string droppedOption)
    {
        var model = Compile(modelFile);
        var history = Read(model, ordersFile);
        Assert.Empty(history.Issues);
        Assert.True(history.Orders.Length >= 1000);

        double Share(DemandReport report, string module, string option) => report.Options.Single(o => o.ModuleId == module && o.OptionId == option).OrderShare;
        var summer = DemandAnalysis.Analyze(model, history, Summer);
        var winter = DemandAnalysis.Analyze(model, history, Winter);
        Assert.True(Share(summer, summerModule, summerOption) > 2 * Share(winter, summerModule, summerOption));
        Assert.True(Share(winter, winterModule, winterOption) > Share(summer, winterModule, winterOption) + 0.05);

        var lastYear = new DemandPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var dropped = DemandAnalysis.Analyze(model, history, lastYear, lastYear.Before());
        Assert.Contains(dropped.Unordered, o => o.ModuleId == droppedModule && o.OptionId == droppedOption);
        Assert.True(dropped.Options.Single(o => o.ModuleId == droppedModule && o.OptionId == droppedOption).Trend < 0);

        // Some customers buy much more than others: the key customers are fewer than a fifth.
        var scores = CustomerSegmentation.Score(history);
        Assert.InRange(scores.Count(s => s.Tier == ValueTier.Key), 1, scores.Length / 5);
    }
}
