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
}
