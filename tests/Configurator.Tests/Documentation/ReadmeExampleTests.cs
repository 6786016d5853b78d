using System.Globalization;
using System.Numerics;
using Configurator.DependencyInjection;
using Configurator.Modeling;
using Configurator.Strategies;
using Configurator.Strategies.Transparent;
using Microsoft.Extensions.DependencyInjection;
using Configurator.Pricing;
using Configurator.Pricing.QuantityTiers;
using Configurator.Pricing.RepeatPurchase;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Validation;

namespace Configurator.Tests.Documentation;

/// <summary>The README's quick start, as written there, so that it keeps compiling and telling the truth.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void QuickStart_RunsAsWritten()
    {
        using var output = new StringWriter();

        ProductModel window = new ProductModelBuilder("window")
            .WithCurrency("EUR").WithBasePrice(80)
            .AddModule("frame", m => m
                .AddOption("rect", properties: [new("weightKg", 4)])
                .AddOption("arched", price: 40, properties: [new("weightKg", 5)]))
            .AddModule("glass", m => m
                .AddOption("clear", properties: [new("weightKg", 10)])
                .AddOption("triple", price: 60, properties: [new("weightKg", 24)]))
            .AddModule("extras", m => m.Selecting(0, 2).AddOption("handle", 15).AddOption("lock", 25))
            .AddRule("arched-triple", "frame == 'arched' -> glass == 'triple'", "Arched frames need triple glazing.")
            .AddRule("max-weight", "frame.weightKg + glass.weightKg <= 30")
            .AddPercentage("bundle", "has(extras, 'handle') and has(extras, 'lock')", -10)
            .Build();

        ModelValidationResult check = window.Validate();
        Assert.True(check.IsValid);

        ModelLoadResult loaded = ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json"));
        ProductModel model = loaded.GetModelOrThrow();
        Assert.Equal(model, ProductModelJson.Load(ProductModelJson.Save(model)).Model);

        CompiledModel windows = ModelCompiler.Compile(model).GetModelOrThrow();
        BigInteger all = windows.Count();
        BigInteger arched = windows.Count(Selection.Parse("frame=arched"));
        Assert.True(all > arched && arched > 0);

        var printed = 0;
        windows.Enumerate(view => { output.WriteLine(string.Join(" ", view.GetOptionIds("frame"))); printed++; },
            within: Selection.Parse("glass=triple"),
            options: new EnumerateOptions { Limit = 100, ShardIndex = 2, ShardCount = 8 });
        Assert.InRange(printed, 1, 100);

        Assert.Equal(5, windows.Configurations().Take(5).Count());
        Assert.NotNull(windows.Sample(new Random(42)));

        ValidationReport report = windows.Validate(Selection.Parse("frame=arched", "glass=clear", "strength=1", "size=m", "colour=white", "extras=handle"));
        Assert.Equal(["arched-needs-strongest", "frame-glass"], report.Violations.Select(v => v.ConstraintId));
        Assert.StartsWith("frame=rect glass=clear", windows.Configurations().First().ToString(), StringComparison.Ordinal);

        var session = ConfigurationSession.Start(windows);
        session.Select("frame", "arched");
        ModuleState glass = session.State["glass"];
        Assert.Equal("laminated, triple", string.Join(", ", glass.AvailableOptionIds));
        Assert.Equal("Grade 1 (Strength grade) is not available with Frame: Arched. Arched and round frames need the strongest grade.", session.Explain("strength", "1")!.ToString());
        session.Select("colour", "white");
        ChoiceResult result = session.Select("colour", "natural");
        Assert.True(result.IsConflict);
        session.Resolve(result, 0);
        Assert.Equal(["frame=arched"], result.Diagnoses[0].Selections);
        Assert.Equal(["colour+=natural"], session.Choices.Select(c => c.ToString()));
        session.Undo();
        SessionState view = session.View();
        string json = ConfiguratorJson.Serialize(view);
        Assert.Contains("\"completions\":\"", json, StringComparison.Ordinal);
        string saved = session.Save();
        ResumedSession resumed = ConfigurationSession.Resume(windows, saved);
        Assert.Empty(resumed.Dropped);

        var configuration = new Selection(model.Presets[1].Selections);
        PriceBreakdown price = PricingPipeline.Default.Price(windows, configuration);
        Assert.Equal(price.Total.Amount, price.Lines.Sum(l => l.Amount));
        Assert.Equal("262.40 EUR", price.Total.ToString(CultureInfo.InvariantCulture));
        PriceRange? range = PricingPipeline.Default.Range(windows, Selection.Parse("frame=arched"));
        output.WriteLine($"from {range!.Min} to {range.Max}");
        Assert.Equal("from 219.40 EUR to 474.00 EUR", $"from {range.Min} to {range.Max}");
        PriceDistribution? spread = PricingPipeline.Default.Distribution(windows);
        Assert.Equal(all, spread!.Count);
        Assert.Equal(all, spread.Histogram(20).Aggregate(BigInteger.Zero, (sum, bar) => sum + bar.Count));
        AttributeRange? weight = windows.AttributeRange("weightKg", within: Selection.Parse("frame=arched"));
        Assert.Equal((19m, 29m), (weight!.Min, weight.Max));
        Assert.Equal((0.6m, 1.0m), windows.AttributeRange("uValue", AttributeAggregation.Max, Selection.Parse("frame=arched")) is { } u ? (u.Min, u.Max) : default);
        PricingPipeline wholesale = new PricingPipelineBuilder()
            .AddQuantityTiers(new QuantityTierPricingOptions { Tiers = [new(10, 5), new(50, 12)] })
            .AddRepeatPurchaseDiscount(new RepeatPurchasePricingOptions { MinPastOrders = 3, DiscountPercent = 5 })
            .Build();
        Assert.True(wholesale.Price(windows, configuration, new PricingRequest { Quantity = 12, PastOrders = 4 }).Total.Amount > price.Total.Amount);
        Assert.NotNull(ConfigurationSession.Start(windows, new SessionOptions { Pricing = wholesale }).State.Price);

        var services = new ServiceCollection().AddConfigurator(c => c
            .AddModelFolder(RepositoryPaths.SampleModels)
            .AddPricing(p => p.AddQuantityTiers(new() { Tiers = [new(10, 5)] })));
        using var provider = services.BuildServiceProvider();
        CompiledModel shirts = provider.GetRequiredService<IModelCatalog>().Get("shirt");
        var transparent = provider.GetRequiredKeyedService<ICustomizationStrategy>("transparent");
        Inference? shirt = ((TransparentStrategy)transparent).Infer(shirts, new CustomerProfile { Measurements = [new("neckCm", 41, 10)] });
        Assert.Equal(["41"], shirt!.Configuration.Choices["size"]);
    }
}
