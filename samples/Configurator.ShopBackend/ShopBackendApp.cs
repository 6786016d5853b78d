using System.Globalization;
using Configurator.DependencyInjection;
using Configurator.Pricing;
using Configurator.Pricing.QuantityTiers;
using Configurator.Solving;
using Configurator.Strategies;
using Configurator.Strategies.Adaptive;
using Configurator.Strategies.Advice;
using Configurator.Strategies.Collaborative;
using Configurator.Strategies.Cosmetic;
using Configurator.Strategies.Transparent;
using Microsoft.Extensions.DependencyInjection;

namespace Configurator.ShopBackend;

/// <summary>
/// What a shop's order backend does with the library: register it once, then serve each customer
/// segment with the strategy that fits it. Every step goes through the solver, so every product it
/// prints is valid.
/// </summary>
public static class ShopBackendApp
{
    /// <summary>Runs every strategy on the sample models and writes what a shop would show.</summary>
    /// <param name="modelsFolder">The folder of model files.</param>
    /// <param name="output">Where to write.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string modelsFolder, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var provider = new ServiceCollection()
            .AddConfigurator(c => c
                .AddModelFolder(modelsFolder)
                .AddPricing(p => p.AddQuantityTiers(new QuantityTierPricingOptions { Tiers = [new(10, 5)] })))
            .BuildServiceProvider();

        var catalog = provider.GetRequiredService<IModelCatalog>();
        var pricing = provider.GetRequiredService<PricingPipeline>();
        output.WriteLine($"Catalog: {string.Join(", ", catalog.ModelIds)}");

        Adaptive(provider.GetRequiredKeyedService<ICustomizationStrategy>(AdaptiveStrategy.StrategyName), catalog.Get("window-rules"), pricing, output);
        Cosmetic(provider.GetRequiredService<CosmeticStrategy>(), catalog.Get("credit-card"), pricing, output);
        Collaborative(provider.GetRequiredService<CollaborativeStrategy>(), catalog.Get("window-rules"), pricing, output);
        Transparent(provider.GetRequiredService<TransparentStrategy>(), catalog.Get("shirt"), pricing, output);
        Advice(output);
        return 0;
    }

    private static void Adaptive(ICustomizationStrategy strategy, CompiledModel windows, PricingPipeline pricing, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== {strategy.Name}: the standard window, adapted");
        var customization = ((AdaptiveStrategy)strategy).Begin(windows, "standard", pricing);
        output.WriteLine($"standard: {customization.Configuration}  {pricing.Price(windows, customization.Configuration).Total}");
        output.WriteLine($"change frame: {customization.Change("frame", "arched").Message}");
        var blind = customization.Change("extras", "blind");
        output.WriteLine($"add a blind: {blind.Message}");
        if (blind.Result is { Diagnoses.Count: > 0 } conflict)
        {
            customization.Resolve(blind, conflict.Diagnoses[0]);
        }

        output.WriteLine($"adapted: {customization.Configuration}  {pricing.Price(windows, customization.Configuration).Total}");
    }

    private static void Cosmetic(CosmeticStrategy strategy, CompiledModel cards, PricingPipeline pricing, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== {strategy.Name}: the everyday card with the customer's name");
        var customization = strategy.Begin(cards, "everyday");
        output.WriteLine($"name 'ada': {string.Join(" ", customization.Set("cardholderName", "ada"))}");
        customization.Set("cardholderName", "ADA LOVELACE");
        customization.Set("packaging", "gift box");
        foreach (var line in customization.Price(pricing).Lines)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {line.Label,-28} {line.Amount,10:0.00}"));
        }

        output.WriteLine($"total: {customization.Price(pricing).Total}  (complete: {customization.IsComplete})");
    }

    private static void Collaborative(CollaborativeStrategy strategy, CompiledModel windows, PricingPipeline pricing, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== {strategy.Name}: a dialogue, one question at a time");
        var dialogue = strategy.Begin(windows, pricing);
        while (dialogue.Current is { } question)
        {
            var offers = string.Join(", ", question.Offers.Select(o => string.Create(CultureInfo.InvariantCulture,
                $"{(o.OptionIds.IsEmpty ? "none" : string.Join("+", o.OptionIds))} ({(o.ConfigurationsKept is { } kept ? kept.ToString(CultureInfo.InvariantCulture) + " left" : "uncounted")}{(o.PriceDifference is { } d ? $", {d:+0.00;-0.00;+0.00}" : "")})")));
            var answer = question.Offers[0];
            output.WriteLine($"{question.ModuleId}? {offers}");
            output.WriteLine($"  -> {(answer.OptionIds.IsEmpty ? "none" : string.Join("+", answer.OptionIds))}");
            dialogue.Answer([.. answer.OptionIds]);
        }

        output.WriteLine($"result: {dialogue.Configuration}  {pricing.Price(windows, dialogue.Configuration!).Total}");
    }

    private static void Transparent(TransparentStrategy strategy, CompiledModel shirts, PricingPipeline pricing, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== {strategy.Name}: a shirt inferred from the customer's profile");
        var profile = new CustomerProfile
        {
            Measurements = [new("neckCm", 41, 10)],
            Preferences = [new("collar", "button-down", 5), new("fit", "slim", 2)],
            PastConfigurations = [Selection.Parse("fabric=oxford", "cuff=barrel")],
        };
        var inference = strategy.Infer(shirts, profile, pricing)!;
        output.WriteLine($"inferred: {inference.Configuration}  {inference.Price.Total}");
        foreach (var note in inference.Notes)
        {
            output.WriteLine($"  {note.ModuleId}={string.Join("+", note.OptionIds)}: {note.Reason}");
        }
    }

    private static void Advice(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("== strategy advice");
        foreach (var value in Enum.GetValues<CustomerValue>())
        {
            foreach (var needs in Enum.GetValues<NeedsDiversity>())
            {
                output.WriteLine($"value {value}, needs {needs}: {StrategyAdvisor.Marketing(value, needs)}");
            }
        }
    }
}
