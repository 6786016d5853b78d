using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Tests.Pricing;

/// <summary>Prices at decimal's limits, from the hardening issue: exact, or a clear refusal naming where.</summary>
public class PricingHardeningTests
{
    private static CompiledModel TenModules(decimal price, Func<ProductModelBuilder, ProductModelBuilder>? rules = null)
    {
        var builder = new ProductModelBuilder("big").WithCurrency("EUR");
        for (var i = 0; i < 10; i++)
        {
            builder.AddModule($"m{i}", m => m.AddOption("a", price).AddOption("b", 1));
        }

        return ModelCompiler.Compile((rules?.Invoke(builder) ?? builder).Build()).GetModelOrThrow();
    }

    private static Selection AllA => Enumerable.Range(0, 10).Aggregate(Selection.Empty, (s, i) => s.With($"m{i}", "a"));

    [Fact]
    public void Range_OptionsCosting7Point9E28_IsAPriceOverflowNotASaturatedMaximum()
    {
        var model = TenModules(79_000_000_000_000_000_000_000_000_000m);
        var error = Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Range(model));
        Assert.Equal(ConfiguratorErrorCodes.PriceOverflow, error.Code);
        Assert.Contains("=a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_EveryModuleSelected_IsAPriceOverflowNotAnOverflowException()
    {
        var model = TenModules(79_000_000_000_000_000_000_000_000_000m);
        var error = Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Price(model, AllA));
        Assert.Equal(ConfiguratorErrorCodes.PriceOverflow, error.Code);
        Assert.Contains("(m1=a)", error.Message, StringComparison.Ordinal);
        Assert.Equal(10 * 1m, PricingPipeline.Default.Price(model, Enumerable.Range(0, 10).Aggregate(Selection.Empty, (s, i) => s.With($"m{i}", "b"))).Total.Amount);
    }

    [Fact]
    public void Price_TwoOptionsOfOneSelectionBeyondDecimal_IsAPriceOverflowNamingThemNotAnOverflowException()
    {
        var model = ModelCompiler.Compile(Configurator.Serialization.ProductModelJson.Load("""
            {
              "formatVersion": 1, "id": "gift", "currency": "EUR",
              "modules": [ { "id": "packs", "min": 0, "max": 2, "options": [ { "id": "card", "price": 50000000000000000000000000000 }, { "id": "ribbon", "price": 50000000000000000000000000000 } ] } ]
            }
            """).GetModelOrThrow()).GetModelOrThrow();
        var error = Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Range(model));
        Assert.Equal(ConfiguratorErrorCodes.PriceOverflow, error.Code);
        Assert.Contains("packs=card+ribbon", error.Message, StringComparison.Ordinal);
        Assert.Equal(ConfiguratorErrorCodes.PriceOverflow, Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Price(model, Selection.Parse("packs=card"))).Code);
    }

    [Fact]
    public void Range_FivePlus1000PercentRulesOn1E27_IsRefusedNotSaturated()
    {
        var model = TenModules(1_000_000_000_000_000_000_000_000_000m, b =>
        {
            for (var r = 0; r < 5; r++)
            {
                b.AddPercentage($"up{r}", "true", 1000);
            }

            return b;
        });
        Assert.Equal(ConfiguratorErrorCodes.PriceOverflow, Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Range(model)).Code);
        Assert.Equal(ConfiguratorErrorCodes.PriceOverflow, Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Price(model, AllA)).Code);
    }

    [Fact]
    public void Range_LargeButRepresentable_StaysExact()
    {
        var model = TenModules(7_000_000_000_000_000_000_000_000_000m);
        var range = PricingPipeline.Default.Range(model)!;
        Assert.Equal(70_000_000_000_000_000_000_000_000_000m, range.Max.Amount);
        Assert.Equal(range.Max, PricingPipeline.Default.Price(model, range.Dearest).Total);
    }

    [Fact]
    public void Range_PercentRulesReadingEveryModule_EndWithLimitExceededNotGigabytes()
    {
        // Hardening item 4: 16 modules x 6 options, six percentage rules per module each reading all
        // 16, reached 7 GB in 90 s. The same shape, smaller, against a small budget.
        var random = new Random(4);
        var builder = new ProductModelBuilder("percent").WithCurrency("EUR");
        for (var i = 0; i < 8; i++)
        {
            builder.AddModule($"m{i}", m =>
            {
                for (var o = 0; o < 6; o++)
                {
                    m.AddOption($"o{o}", random.Next(1, 100));
                }
            });
        }

        for (var r = 0; r < 24; r++)
        {
            builder.AddPercentage($"p{r}", string.Join(" or ", Enumerable.Range(0, 8).Select(i => $"m{i} == 'o{random.Next(6)}'")), random.Next(1, 20));
        }

        var model = builder.Build();
        var small = ModelCompiler.Compile(model, new CompilerOptions { PriceRangeStateBudget = 500 }).GetModelOrThrow();
        var error = Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Range(small));
        Assert.Equal(ConfiguratorErrorCodes.LimitExceeded, error.Code);
        Assert.Contains("more than 500 states", error.Message, StringComparison.Ordinal);
        Assert.Contains("CompilerOptions.PriceRangeStateBudget", error.Message, StringComparison.Ordinal);

        // The model stays usable: complete configurations still price, and with the default budget the range is exact.
        var cheapest = Enumerable.Range(0, 8).Aggregate(Selection.Empty, (s, i) => s.With($"m{i}", "o0"));
        Assert.True(PricingPipeline.Default.Price(small, cheapest).Total.Amount > 0);
        var range = PricingPipeline.Default.Range(ModelCompiler.Compile(model).GetModelOrThrow());
        Assert.NotNull(range);
        Assert.True(range.Min.Amount <= range.Max.Amount);
    }
}
