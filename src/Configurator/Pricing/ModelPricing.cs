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
    /// <summary>The most cultures whose text is kept; a request in yet another culture builds its own.</summary>
    private const int KeptCultures = 32;

    private readonly ModelText _defaultText;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ModelText> _texts = new(StringComparer.OrdinalIgnoreCase);

    public ModelPricing(CompiledModel model)
    {
        _defaultText = ModelText.For(model.Model);
        Model = model;
        Rules = [.. model.Model.PriceRules.Select(r => CompiledPriceRule.Compile(r, model.Domains, model.ModuleIndex))];
        ValuePrices = [.. model.Domains.Select(d => Enumerable.Range(0, d.ValueCount).Select(value => ValuePrice(model, d, value)).ToImmutableArray())];
        HasValuePrices = ValuePrices.Any(values => values.Any(price => price != 0));
    }

    /// <summary>A module value's summed option prices; beyond decimal, the model's prices are refused with the value named.</summary>
    private static decimal ValuePrice(CompiledModel model, ModuleDomain domain, int value)
    {
        try
        {
            return domain.Values[value].Sum(o => domain.Module.Options[o].Price);
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.AtValue(model, domain.Index, value, e);
        }
    }

    /// <summary>Whether some module value has a price: without, every configuration costs the base price plus the rules.</summary>
    public bool HasValuePrices { get; }

    public CompiledModel Model { get; }

    public ImmutableArray<CompiledPriceRule> Rules { get; }

    /// <summary>[module][value]: the summed price of the value's options.</summary>
    public ImmutableArray<ImmutableArray<decimal>> ValuePrices { get; }

    public string Currency => Model.Model.Currency;

    /// <summary>The model's text in a culture, kept for the first few cultures asked for.</summary>
    public ModelText Text(System.Globalization.CultureInfo? culture)
    {
        if (culture is null)
        {
            return _defaultText;
        }

        if (_texts.TryGetValue(culture.Name, out var text))
        {
            return text;
        }

        text = ModelText.For(Model.Model, culture);
        return _texts.Count < KeptCultures ? _texts.GetOrAdd(culture.Name, text) : text;
    }

    /// <summary>The model's lines for a complete configuration: base, options, surcharges, percentages, personalization.</summary>
    public void AddLines(int[] values, PricingRequest request, PricingContext context)
    {
        var model = Model.Model;
        var text = context.Text;
        context.Add(new PriceLine(PriceLineKind.Base, "base", text.Phrases.BasePrice, model.BasePrice));
        for (var m = 0; m < values.Length; m++)
        {
            var domain = Model.Domains[m];
            foreach (var option in domain.Values[values[m]])
            {
                var o = domain.Module.Options[option];
                context.Add(new PriceLine(PriceLineKind.Option, $"{domain.Module.Id}={o.Id}", text.Name(o), o.Price));
            }
        }

        // The ! below is safe: rules without a percent have an amount.
        foreach (var rule in Rules.Where(r => !r.IsPercentage && r.When.Evaluate(values)))
        {
            context.Add(new PriceLine(PriceLineKind.Surcharge, rule.Source.Id, text.Name(rule.Source), rule.Amount!.Evaluate(values)));
        }

        var subtotal = context.Total;
        foreach (var rule in Rules.Where(r => r.IsPercentage && r.When.Evaluate(values)))
        {
            // The ! is safe: percentage rules have a percent.
            var percent = rule.Source.Percent!.Value;
            var label = text.Format(text.Phrases.Percentage, text.Name(rule.Source), percent.ToString("+0.##;-0.##", text.Culture));
            context.Add(new PriceLine(PriceLineKind.Percentage, rule.Source.Id, label, subtotal * percent / 100));
        }

        foreach (var (field, price) in Personalization(request))
        {
            context.Add(new PriceLine(PriceLineKind.Personalization, field.Id, text.Name(field), price));
        }
    }

    /// <summary>
    /// The filled personalization fields and their prices. Each value is checked as the cosmetic
    /// strategy checks it (length, pattern, choices), so an invalid value is never charged.
    /// </summary>
    /// <exception cref="ConfiguratorException">An unknown field or an invalid value (<see cref="ConfiguratorErrorCodes.InvalidPersonalization"/>).</exception>
    public IEnumerable<(PersonalizationField Field, decimal Price)> Personalization(PricingRequest request)
    {
        if (request.Personalization.IsEmpty)
        {
            return [];
        }

        var filled = new List<(PersonalizationField, decimal)>();
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

            filled.Add((field, field.Price));
        }

        return filled;
    }

    /// <summary>
    /// Rounds half away from zero to the currency's minor unit, as the model format says, of the
    /// exact amount. A division in a rule (<c>count(frame) / 15</c>) has no exact decimal, so
    /// the arithmetic leaves an error in the last of its 28 digits, and an exact midpoint
    /// (1,598.95 − 1/15 with 71 % on top is 2,734.0905) can come out a hair below it and round
    /// down. The amount is first rounded to 12 places: far finer than any price, far coarser than that error.
    /// </summary>
    public decimal Round(decimal amount) =>
        Math.Round(Math.Round(amount, ExactPlaces, MidpointRounding.AwayFromZero), Iso4217.MinorUnits(Currency), MidpointRounding.AwayFromZero);

    private const int ExactPlaces = 12;
}
