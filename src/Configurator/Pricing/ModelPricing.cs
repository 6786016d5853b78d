using System.Collections.Immutable;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Solving.Domains;
using Configurator.Validation;

namespace Configurator.Pricing;

/// <summary>
/// The pricing the model format defines, compiled once per model: base price, option prices,
/// <c>add</c> and <c>percent</c> rules, personalization prices. Immutable; shared by every call.
/// </summary>
internal sealed class ModelPricing
{
    public ModelPricing(CompiledModel model)
    {
        Model = model;
        Rules = [.. model.Model.PriceRules.Select(r => CompiledPriceRule.Compile(r, model.Domains, model.ModuleIndex))];
        ValuePrices = [.. model.Domains.Select(d => d.Values.Select(v => v.Sum(o => d.Module.Options[o].Price)).ToImmutableArray())];
        HasValuePrices = ValuePrices.Any(values => values.Any(price => price != 0));
    }

    /// <summary>Whether some module value has a price: without, every configuration costs the base price plus the rules.</summary>
    public bool HasValuePrices { get; }

    public CompiledModel Model { get; }

    public ImmutableArray<CompiledPriceRule> Rules { get; }

    /// <summary>[module][value]: the summed price of the value's options.</summary>
    public ImmutableArray<ImmutableArray<decimal>> ValuePrices { get; }

    public string Currency => Model.Model.Currency;

    /// <summary>The model's lines for a complete configuration: base, options, surcharges, percentages, personalization.</summary>
    public void AddLines(int[] values, PricingRequest request, PricingContext context)
    {
        var model = Model.Model;
        context.Add(new PriceLine(PriceLineKind.Base, "base", "Base price", model.BasePrice));
        for (var m = 0; m < values.Length; m++)
        {
            var domain = Model.Domains[m];
            foreach (var option in domain.Values[values[m]])
            {
                var o = domain.Module.Options[option];
                context.Add(new PriceLine(PriceLineKind.Option, $"{domain.Module.Id}={o.Id}", o.Name ?? o.Id, o.Price));
            }
        }

        // The ! below is safe: rules without a percent have an amount.
        foreach (var rule in Rules.Where(r => !r.IsPercentage && r.When.Evaluate(values)))
        {
            context.Add(new PriceLine(PriceLineKind.Surcharge, rule.Source.Id, rule.Source.Name ?? rule.Source.Id, rule.Amount!.Evaluate(values)));
        }

        var subtotal = context.Total;
        foreach (var rule in Rules.Where(r => r.IsPercentage && r.When.Evaluate(values)))
        {
            // The ! is safe: percentage rules have a percent.
            var percent = rule.Source.Percent!.Value;
            context.Add(new PriceLine(PriceLineKind.Percentage, rule.Source.Id, $"{rule.Source.Name ?? rule.Source.Id} ({percent:+0.##;-0.##}%)", subtotal * percent / 100));
        }

        foreach (var (id, price, label) in Personalization(request))
        {
            context.Add(new PriceLine(PriceLineKind.Personalization, id, label, price));
        }
    }

    /// <summary>
    /// The filled personalization fields and their prices. Each value is checked as the cosmetic
    /// strategy checks it (length, pattern, choices), so an invalid value is never charged.
    /// </summary>
    /// <exception cref="ConfiguratorException">An unknown field or an invalid value (<see cref="ConfiguratorErrorCodes.InvalidPersonalization"/>).</exception>
    public IEnumerable<(string Id, decimal Price, string Label)> Personalization(PricingRequest request)
    {
        if (request.Personalization.IsEmpty)
        {
            return [];
        }

        var filled = new List<(string, decimal, string)>();
        foreach (var (id, value) in request.Personalization)
        {
            var field = Model.Model.Personalization.FirstOrDefault(f => f.Id == id)
                ?? throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidPersonalization,
                    $"The model has no personalization field '{id}'. Fields: {string.Join(", ", Model.Model.Personalization.Select(f => f.Id))}.");
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var check = new PersonalizationValueValidator(field).Validate(value);
            if (!check.IsValid)
            {
                throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidPersonalization, string.Join(" ", check.Errors.Select(e => e.ErrorMessage)));
            }

            filled.Add((id, field.Price, field.Name ?? id));
        }

        return filled;
    }

    public decimal Round(decimal amount) => Math.Round(amount, Iso4217.MinorUnits(Currency), MidpointRounding.AwayFromZero);
}
