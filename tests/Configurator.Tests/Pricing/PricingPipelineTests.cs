using System.Globalization;
using System.Numerics;
using Configurator.Benchmarks.Utils;
using Configurator.DependencyInjection;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Pricing.QuantityTiers;
using Configurator.Pricing.RepeatPurchase;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;
using Microsoft.Extensions.DependencyInjection;

namespace Configurator.Tests.Pricing;

public class PricingPipelineTests
{
    private static readonly CompiledModel Windows =
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow()).GetModelOrThrow();

    private static readonly Selection Heritage = new(Windows.Model.Presets[1].Selections);

    [Fact]
    public void Price_Heritage_IsItemisedAndAddsUp()
    {
        var breakdown = PricingPipeline.Default.Price(Windows, Heritage);

        // base 80 + arched 40 + laminated 35 + grade 3 50 + medium 0 + white 0 + lock 25 + area 1.08 * 30
        Assert.Equal(new Money(262.40m, "EUR"), breakdown.Total);
        Assert.Equal(["base", "frame=arched", "glass=laminated", "strength=3", "size=m", "colour=white", "extras=lock", "area"], breakdown.Lines.Select(l => l.Id));
        Assert.Equal(32.4m, breakdown.Lines.Single(l => l.Id == "area").Amount);
        Assert.Equal("262.40 EUR", breakdown.Total.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Price_PercentAndPersonalizationAndRounding_FollowTheFormat()
    {
        var configuration = Heritage.With("size", "l").With("extras", "screen", "blind");
        var request = new PricingRequest { Personalization = [new("engraving", "ANNA"), new("packaging", "")] };
        var breakdown = PricingPipeline.Default.Price(Windows, configuration, request);

        // subtotal 80 + 40 + 35 + 50 + 30 + 120 + 1.8 * 30 = 409; -10% = 368.10; + engraving 5
        Assert.Equal(373.10m, breakdown.Total.Amount);
        Assert.Equal(-40.9m, breakdown.Lines.Single(l => l.Kind == PriceLineKind.Percentage).Amount);
        Assert.Single(breakdown.Lines, l => l.Kind == PriceLineKind.Personalization);
        Assert.Equal(breakdown.Total.Amount, breakdown.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void Price_RoundsHalfAwayFromZeroOnceAtTheEnd()
    {
        var model = new ProductModelBuilder("r").WithCurrency("EUR").WithBasePrice(0.125m)
            .AddModule("a", m => m.AddOption("x", 0.0025m)).Build();
        var compiled = ModelCompiler.Compile(model).GetModelOrThrow();
        var breakdown = PricingPipeline.Default.Price(compiled, Selection.Parse("a=x"));
        Assert.Equal(0.13m, breakdown.Total.Amount);
        Assert.Equal([0.13m, 0m], breakdown.Lines.Select(l => l.Amount));

        // Each line is shown in cents; the rounding line makes them add up to the total rounded once.
        var twice = ModelCompiler.Compile(model with { Modules = [model.Modules[0] with { Options = [model.Modules[0].Options[0] with { Price = 0.125m }] }] }).GetModelOrThrow();
        var both = PricingPipeline.Default.Price(twice, Selection.Parse("a=x"));
        Assert.Equal(0.25m, both.Total.Amount);
        Assert.Equal([0.13m, 0.13m, -0.01m], both.Lines.Select(l => l.Amount));
        Assert.Equal(PriceLineKind.Rounding, both.Lines[^1].Kind);
    }

    [Fact]
    public void Price_ExactMidpointThroughADivision_RoundsAwayFromZero()
    {
        // (1 - 1/6) * 1.41 is exactly 1.175; in decimals 1/6 ends in ...67, and the total came to 1.17499…9 and 1.17.
        var model = new ProductModelBuilder("m").WithCurrency("EUR").WithBasePrice(1)
            .AddModule("a", m => m.AddOption("x"))
            .AddSurcharge("sixth", "true", "-count(a) / 6")
            .AddPercentage("vat", "true", 41)
            .Build();
        var compiled = ModelCompiler.Compile(model).GetModelOrThrow();
        Assert.Equal(1.18m, PricingPipeline.Default.Price(compiled, Selection.Parse("a=x")).Total.Amount);
        Assert.Equal(1.18m, PricingPipeline.Default.Range(compiled, Selection.Empty)!.Min.Amount);
    }

    [Fact]
    public void Range_Partial_GivesCheapestAndDearestCompletions()
    {
        var range = PricingPipeline.Default.Range(Windows, Selection.Parse("frame=arched"))!;
        Assert.Equal(Windows.Configurations(Selection.Parse("frame=arched")).Min(c => PricingPipeline.Default.Price(Windows, c).Total.Amount), range.Min.Amount);
        Assert.Equal(Windows.Configurations(Selection.Parse("frame=arched")).Max(c => PricingPipeline.Default.Price(Windows, c).Total.Amount), range.Max.Amount);
        Assert.Equal(["arched"], range.Cheapest.Choices["frame"]);
        Assert.Null(PricingPipeline.Default.Range(Windows, Selection.Parse("frame=arched", "strength=1")));
    }

    [Fact]
    public void Policies_QuantityTiersThenRepeatPurchase_ComposeInOrder()
    {
        var pipeline = new PricingPipelineBuilder()
            .AddQuantityTiers(new QuantityTierPricingOptions { Tiers = [new(10, 5), new(50, 12)] })
            .AddRepeatPurchaseDiscount(new RepeatPurchasePricingOptions { MinPastOrders = 2, DiscountPercent = 3 })
            .Build();
        var request = new PricingRequest { Quantity = 12, PastOrders = 4 };
        var breakdown = pipeline.Price(Windows, Heritage, request);

        // 262.40 * 12 = 3148.80; -5% = 2991.36; -3% = 2901.6192 -> 2901.62
        Assert.Equal(2901.62m, breakdown.Total.Amount);
        Assert.Equal(["quantity", "quantity-tier", "repeat-purchase"], breakdown.Lines.Where(l => l.Kind is PriceLineKind.Policy or PriceLineKind.Rounding).Select(l => l.Id));
        Assert.All(breakdown.Lines, l => Assert.Equal(Math.Round(l.Amount, 2), l.Amount));
        Assert.Equal(breakdown.Total.Amount, breakdown.Lines.Sum(l => l.Amount));

        var range = pipeline.Range(Windows, Selection.Parse("frame=arched"), request)!;
        Assert.Equal(pipeline.Price(Windows, range.Cheapest, request).Total, range.Min);
        Assert.Equal(pipeline.Price(Windows, range.Dearest, request).Total, range.Max);
    }

    [Fact]
    public void Options_Invalid_AreRefusedWhenAddedWithEveryReason()
    {
        var builder = new PricingPipelineBuilder();
        var tiers = Assert.Throws<ArgumentException>(() => builder.AddQuantityTiers(new QuantityTierPricingOptions { Tiers = [new(0, 120), new(0, 5)] }));
        Assert.Contains("at least 1", tiers.Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 100", tiers.Message, StringComparison.Ordinal);
        Assert.Contains("same quantity", tiers.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => builder.AddRepeatPurchaseDiscount(new RepeatPurchasePricingOptions { MinPastOrders = 0 }));
        Assert.Throws<ArgumentNullException>(() => builder.AddQuantityTiers(null!));
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        Assert.Empty(new QuantityTierPricingOptions().Tiers);
        Assert.Equal(3, new RepeatPurchasePricingOptions().MinPastOrders);
        Assert.Equal(5m, new RepeatPurchasePricingOptions().DiscountPercent);
        Assert.Equal(1, PricingRequest.Default.Quantity);
    }

    [Fact]
    public void Price_UnknownFieldOrIncompleteConfiguration_IsRefused()
    {
        var unknown = Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Price(Windows, Heritage, new PricingRequest { Personalization = [new("monogram", "AB")] }));
        Assert.Equal(ConfiguratorErrorCodes.InvalidPersonalization, unknown.Code);
        Assert.Throws<InvalidSelectionException>(() => PricingPipeline.Default.Price(Windows, Selection.Parse("frame=arched")));
    }

    [Theory]
    [InlineData("ada lovelace", "does not have the required form")]
    [InlineData("ADA AUGUSTA KING COUNTESS OF LOVELACE", "takes at most 26 characters")]
    public void Price_PersonalizationBreakingItsField_IsRefusedNotCharged(string name, string reason)
    {
        var cards = ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel("credit-card.json")).GetModelOrThrow()).GetModelOrThrow();
        var card = new Selection(cards.Model.Presets[0].Selections);
        var request = new PricingRequest { Personalization = [new("cardholderName", name)] };
        var refused = Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Price(cards, card, request));
        Assert.Equal(ConfiguratorErrorCodes.InvalidPersonalization, refused.Code);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(ConfiguratorErrorCodes.InvalidPersonalization, Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Range(cards, null, request)).Code);
        var fieldPrice = cards.Model.Personalization.Single(f => f.Id == "cardholderName").Price;
        Assert.Equal(PricingPipeline.Default.Price(cards, card).Total.Amount + fieldPrice, PricingPipeline.Default.Price(cards, card, new PricingRequest { Personalization = [new("cardholderName", "ADA LOVELACE")] }).Total.Amount);
    }

    [Fact]
    public void DependencyInjection_RegistersDefaultAndNamedPipelines()
    {
        var services = new ServiceCollection()
            .AddConfiguratorPricing(p => p.AddRepeatPurchaseDiscount(new RepeatPurchasePricingOptions()))
            .AddConfiguratorPricing() // a second call does not replace the first
            .AddConfiguratorPricing("wholesale", p => p.AddQuantityTiers(new QuantityTierPricingOptions { Tiers = [new(100, 20)] }));
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetRequiredService<PricingPipeline>().Policies);
        Assert.Single(provider.GetRequiredKeyedService<PricingPipeline>("wholesale").Policies);
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddConfiguratorPricing(p => p.AddRepeatPurchaseDiscount(new RepeatPurchasePricingOptions { DiscountPercent = 200 })));
    }

    [Fact]
    public void Session_WithPricing_ReportsTheRangeAndPriceDifferences()
    {
        var session = ConfigurationSession.Start(Windows, new SessionOptions { Pricing = PricingPipeline.Default });
        session.Select("frame", "arched");
        var range = session.State.Price!;
        Assert.Equal(PricingPipeline.Default.Range(Windows, Selection.Parse("frame=arched")), range);

        var triple = session.State["glass"].Options.Single(o => o.OptionId == "triple");
        var withTriple = PricingPipeline.Default.Range(Windows, Selection.Parse("frame=arched", "glass=triple"))!;
        Assert.Equal(new Money(withTriple.Min.Amount - range.Min.Amount, "EUR"), triple.PriceDifference);
        Assert.Null(session.State["glass"].Options.Single(o => o.OptionId == "clear").PriceDifference);
        Assert.Null(ConfigurationSession.Start(Windows).State.Price);
    }

    [Fact]
    public void Range_Ring60x8_IsExact()
    {
        var model = GeneratedModels.Ring(60, 8, seed: 3);
        var compiled = ModelCompiler.Compile(model).GetModelOrThrow();
        var range = PricingPipeline.Default.Range(compiled)!;
        var (min, max) = MinMaxAroundTheRing(model);
        Assert.Equal(min, range.Min.Amount);
        Assert.Equal(max, range.Max.Amount);
        Assert.True(compiled.Count() > BigInteger.Pow(10, 40));
    }

    /// <summary>An independent answer: for each first option, a min-plus (max-plus) walk around the ring.</summary>
    private static (decimal Min, decimal Max) MinMaxAroundTheRing(ProductModel model)
    {
        var n = model.Modules.Count;
        var k = model.Modules[0].Options.Count;
        var allowed = model.Constraints.Select(c => c.Table!.Rows.Select(r => (int.Parse(r[0]![1..], System.Globalization.CultureInfo.InvariantCulture), int.Parse(r[1]![1..], System.Globalization.CultureInfo.InvariantCulture))).ToHashSet()).ToList();
        decimal Price(int module, int option) => model.Modules[module].Options[option].Price;
        var (best, worst) = (decimal.MaxValue, decimal.MinValue);
        for (var first = 0; first < k; first++)
        {
            var low = new decimal?[k];
            var high = new decimal?[k];
            low[first] = high[first] = Price(0, first);
            for (var m = 1; m < n; m++)
            {
                var nextLow = new decimal?[k];
                var nextHigh = new decimal?[k];
                for (var a = 0; a < k; a++)
                {
                    for (var b = 0; b < k; b++)
                    {
                        if (low[a] is { } l && high[a] is { } h && allowed[m - 1].Contains((a, b)))
                        {
                            nextLow[b] = Math.Min(nextLow[b] ?? decimal.MaxValue, l + Price(m, b));
                            nextHigh[b] = Math.Max(nextHigh[b] ?? decimal.MinValue, h + Price(m, b));
                        }
                    }
                }

                (low, high) = (nextLow, nextHigh);
            }

            for (var last = 0; last < k; last++)
            {
                if (low[last] is { } l && high[last] is { } h && allowed[n - 1].Contains((last, first)))
                {
                    best = Math.Min(best, l);
                    worst = Math.Max(worst, h);
                }
            }
        }

        return (best, worst);
    }
}
