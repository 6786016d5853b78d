using System.Collections.Immutable;
using System.Globalization;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Strategies.Transparent;

/// <summary>One thing the engine inferred, for the shop (not the customer). Immutable.</summary>
/// <param name="ModuleId">The module.</param>
/// <param name="OptionIds">What was chosen there.</param>
/// <param name="Reason">What it was inferred from.</param>
public sealed record InferenceNote(string ModuleId, EquatableArray<string> OptionIds, string Reason);

/// <summary>The configuration inferred for a customer, with its score, price and reasons. Immutable.</summary>
/// <param name="Configuration">The best complete valid configuration.</param>
/// <param name="Score">Its preference score, the highest any valid configuration reaches.</param>
/// <param name="Price">Its price; the lowest among configurations with the same score.</param>
/// <param name="Notes">For the shop: what was inferred from what, per module.</param>
public sealed record Inference(Selection Configuration, decimal Score, PriceBreakdown Price, EquatableArray<InferenceNote> Notes);

/// <summary>
/// Transparent customization: the engine infers the configuration from the customer's profile
/// without asking. The score of a configuration is the sum, over its selected options, of the
/// customer's preference weights, the past purchases of that option times their weight, and minus
/// each measurement's weight times the distance between the measurement and the option's property
/// of that name. The result is the exact optimum over all valid configurations, the cheapest among
/// equals.
/// </summary>
public sealed class TransparentStrategy : ICustomizationStrategy
{
    /// <summary>The name under which the strategy is registered.</summary>
    public const string StrategyName = "transparent";

    /// <inheritdoc />
    public string Name => StrategyName;

    /// <inheritdoc />
    public StrategyProfile Profile { get; } = new(StrategyLevel.FairlyHigh, StrategyLevel.FairlyLow, StrategyLevel.High, StrategyLevel.High);

    /// <summary>Infers the best configuration; null when the model has no valid configuration.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="profile">What the shop knows of the customer.</param>
    /// <param name="pricing">The pipeline for the tie-break and the price; the model's pricing when null.</param>
    /// <exception cref="InvalidSelectionException">A preference names an unknown module or option.</exception>
    public Inference? Infer(CompiledModel model, CustomerProfile profile, PricingPipeline? pricing = null)
    {
        Guard.NotNull(model);
        Guard.NotNull(profile);
        pricing ??= PricingPipeline.Default;
        var scores = Scores(model, profile);
        if (pricing.Optimize(model, new Restriction(model.Domains.Length), scores) is not { } best)
        {
            return null;
        }

        return new Inference(best.Configuration, best.Score, pricing.Price(model, best.Configuration), [.. Notes(model, profile, best.Configuration)]);
    }

    /// <summary>[module][value]: the score a value adds.</summary>
    internal static decimal[][] Scores(CompiledModel model, CustomerProfile profile)
    {
        var scores = model.Domains.Select(d => new decimal[d.ValueCount]).ToArray();
        foreach (var preference in profile.Preferences)
        {
            var m = model.ModuleIndexOf(preference.ModuleId);
            var option = model.Domains[m].OptionIndex(preference.OptionId)
                ?? throw new InvalidSelectionException($"Module '{preference.ModuleId}' has no option '{preference.OptionId}'.", preference.ModuleId, preference.OptionId);
            AddPerOption(model, m, option, preference.Weight, scores);
        }

        foreach (var past in profile.PastConfigurations)
        {
            foreach (var (moduleId, optionIds) in past.Choices)
            {
                // Past purchases may name options a newer model dropped; those simply do not count.
                if (model.Model.FindModule(moduleId) is null)
                {
                    continue;
                }

                var m = model.ModuleIndexOf(moduleId);
                foreach (var option in optionIds.Select(id => model.Domains[m].OptionIndex(id)).OfType<int>())
                {
                    AddPerOption(model, m, option, profile.PastPurchaseWeight, scores);
                }
            }
        }

        foreach (var measurement in profile.Measurements)
        {
            for (var m = 0; m < model.Domains.Length; m++)
            {
                var domain = model.Domains[m];
                if (!domain.Module.Options.All(o => o.Properties.TryGetValue(measurement.Property, out var p) && p.Kind == PropertyKind.Number))
                {
                    continue;
                }

                for (var value = 0; value < domain.ValueCount; value++)
                {
                    var property = domain.Values[value].Sum(o => domain.Module.Options[o].Properties[measurement.Property].Number);
                    scores[m][value] -= measurement.Weight * Math.Abs(property - measurement.Value);
                }
            }
        }

        return scores;
    }

    private static void AddPerOption(CompiledModel model, int module, int option, decimal weight, decimal[][] scores)
    {
        for (var value = 0; value < scores[module].Length; value++)
        {
            if (model.Domains[module].Contains(value, option))
            {
                scores[module][value] += weight;
            }
        }
    }

    private static IEnumerable<InferenceNote> Notes(CompiledModel model, CustomerProfile profile, Selection configuration)
    {
        foreach (var module in model.Model.Modules)
        {
            var chosen = configuration.Choices[module.Id];
            var reasons = new List<string>();
            reasons.AddRange(profile.Preferences.Where(p => p.ModuleId == module.Id && chosen.Contains(p.OptionId))
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"preferred {p.OptionId} (weight {p.Weight:0.##})")));
            var bought = profile.PastConfigurations.Count(past => past.Choices.TryGetValue(module.Id, out var o) && o.Any(chosen.Contains));
            if (bought > 0)
            {
                reasons.Add($"bought {bought} of {profile.PastConfigurations.Count} times before");
            }

            foreach (var measurement in profile.Measurements.Where(me => module.Options.All(o => o.Properties.TryGetValue(me.Property, out var p) && p.Kind == PropertyKind.Number)))
            {
                var value = chosen.Sum(id => module.FindOption(id)!.Properties[measurement.Property].Number); // chosen comes from a valid configuration
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{measurement.Property} {value:0.##} for the measured {measurement.Value:0.##}"));
            }

            yield return new InferenceNote(module.Id, chosen, reasons.Count > 0 ? string.Join("; ", reasons) : "no preference: cheapest valid choice");
        }
    }
}
