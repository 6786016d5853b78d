using Configurator.Customers;
using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Strategies.Advice;

namespace Configurator.Tests.Customers;

/// <summary>Order histories and RFM scores with value tiers, on histories small enough to compute by hand.</summary>
public class CustomerSegmentationTests
{
    private static readonly CompiledModel Model = ModelCompiler.Compile(new ProductModelBuilder("shop")
        .AddModule("a", m => m.AddOption("x").AddOption("y"))
        .AddModule("b", m => m.AddOption("p").AddOption("q"))
        .AddRule("x-needs-p", "a == 'x' -> b == 'p'")
        .Build()).GetModelOrThrow();

    [Fact]
    public void Score_FiveCustomers_GivesTheHandComputedQuintilesAndTiers()
    {
        // Value 1,000 in all. By value: B 500, A 300, C 150, D 30, E 20; the share before each is
        // 0, 0.5, 0.8, 0.95, 0.98, so each sits exactly on a default threshold and falls past it.
        var history = OrderHistory.From(Model,
        [
            Order("A", "2026-06-30", 100), Order("A", "2026-05-01", 200),
            Order("B", "2026-06-01", 500),
            Order("C", "2026-01-01", 50), Order("C", "2026-02-01", 50), Order("C", "2026-03-01", 50),
            Order("D", "2026-06-20", 30),
            Order("E", "2025-12-01", 20),
        ]);
        Assert.Empty(history.Issues);

        var scores = CustomerSegmentation.Score(history, new SegmentationOptions { AsOf = new DateOnly(2026, 7, 1) });

        Assert.Equal(["B", "A", "C", "D", "E"], scores.Select(s => s.CustomerId));
        Assert.Equal([30, 1, 122, 11, 212], scores.Select(s => s.RecencyDays));
        Assert.Equal([1, 2, 3, 1, 1], scores.Select(s => s.Frequency));
        Assert.Equal([500m, 300m, 150m, 30m, 20m], scores.Select(s => s.Monetary));
        Assert.Equal(["315", "544", "253", "412", "111"], scores.Select(s => s.Code));
        Assert.Equal([ValueTier.Key, ValueTier.Important, ValueTier.Ordinary, ValueTier.Small, ValueTier.Small], scores.Select(s => s.Tier));
        Assert.Equal([CustomerValue.High, CustomerValue.High, CustomerValue.Low, CustomerValue.Low, CustomerValue.Low], scores.Select(s => s.Value));
        Assert.Equal(1.0, scores.Sum(s => s.ValueShare), 12);
    }

    [Fact]
    public void Score_EqualValues_ShareTheirScoreAndTheDayDefaultsToAfterTheLastOrder()
    {
        var history = OrderHistory.From(Model, [Order("A", "2026-03-01", 10), Order("B", "2026-03-01", 10), Order("C", "2026-02-27", 10)]);

        var scores = CustomerSegmentation.Score(history);

        Assert.Equal([1, 1, 3], scores.Select(s => s.RecencyDays));
        Assert.Equal([2, 2, 1], scores.Select(s => s.Recency));
        Assert.All(scores, s => Assert.Equal(1, s.FrequencyScore));
        Assert.All(scores, s => Assert.Equal(1, s.MonetaryScore));
    }

    [Fact]
    public void Score_ThresholdsOutOfOrderOrADayBeforeAnOrder_AreRefusedWithWhatToFix()
    {
        var history = OrderHistory.From(Model, [Order("A", "2026-03-01", 10)]);
        var order = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSegmentation.Score(history, new SegmentationOptions { KeyShare = 0.9, ImportantShare = 0.8 }));
        Assert.Contains("KeyShare <= ImportantShare", order.Message, StringComparison.Ordinal);
        var early = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSegmentation.Score(history, new SegmentationOptions { AsOf = new DateOnly(2026, 1, 1) }));
        Assert.Contains("before an order", early.Message, StringComparison.Ordinal);
        Assert.Empty(CustomerSegmentation.Score(OrderHistory.From(Model, [])));
    }

    [Fact]
    public void Read_JsonLines_SkipsMalformedLinesAndKeepsButReportsConfigurationsTheModelNoLongerAllows()
    {
        var text = string.Join('\n',
            """{"customer": "A", "date": "2026-03-01", "configuration": {"a": "x", "b": "p"}, "quantity": 2, "amount": 20}""",
            "",
            """{"customer": "B", "date": "2026-03-02", "configuration": {"a": "x", "b": "q"}, "amount": 12.5}""",
            """{"customer": "C", "date": "2026-03-02", "configuration": {"a": "z", "b": "p"}, "amount": 5}""",
            """{"customer": "D", "date": "03/02/2026", "configuration": {"a": "y", "b": "p"}, "amount": 5}""",
            """{"customer": "E", "date": "2026-03-02", "configuration": {"a": "y", "b": "p"}, "amount": -5}""",
            """{"customer": "F", "date": "2026-03-02", "configuration": {"a": "y", "b": ["p", 3]}, "amount": 5}""",
            """{"customer": "G", "date": "2026-03-02",""",
            """{"customer": "H", "date": "2026-03-02", "configuration": {"a": "y", "b": "p"}, "quantity": 0, "amount": 5}""");

        var history = OrderHistory.Read(Model, new StringReader(text));

        Assert.Equal(["A", "B", "C"], history.Orders.Select(o => o.CustomerId));
        Assert.Equal(2, history.Orders[0].Quantity);
        Assert.Equal(1, history.Orders[1].Quantity);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], history.Issues.Select(i => i.Line));
        Assert.Contains("no longer allows", history.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("x-needs-p", history.Issues[0].Message, StringComparison.Ordinal);
        Assert.NotNull(history.Issues[0].Order);
        Assert.Contains("'z'", history.Issues[1].Message, StringComparison.Ordinal);
        Assert.NotNull(history.Issues[1].Order);
        Assert.Contains("yyyy-MM-dd", history.Issues[2].Message, StringComparison.Ordinal);
        Assert.Contains("\"amount\"", history.Issues[3].Message, StringComparison.Ordinal);
        Assert.Contains("$.configuration.b", history.Issues[4].Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", history.Issues[5].Message, StringComparison.Ordinal);
        Assert.Contains("\"quantity\"", history.Issues[6].Message, StringComparison.Ordinal);
        Assert.All(history.Issues.Skip(2), issue => Assert.Null(issue.Order));
    }

    private static Order Order(string customer, string date, decimal amount) =>
        new(customer, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Selection.Parse("a=y", "b=p"), 1, amount);
}
