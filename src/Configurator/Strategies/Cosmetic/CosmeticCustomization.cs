using System.Collections.Immutable;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Solving;
using Configurator.Validation;

namespace Configurator.Strategies.Cosmetic;

/// <summary>One customer personalizing a fixed product. Mutable; one caller at a time.</summary>
public sealed class CosmeticCustomization
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    internal CosmeticCustomization(CompiledModel model, Selection configuration)
    {
        Model = model;
        Configuration = configuration;
    }

    /// <summary>The compiled model.</summary>
    public CompiledModel Model { get; }

    /// <summary>The product's options, fixed.</summary>
    public Selection Configuration { get; }

    /// <summary>The fields filled so far.</summary>
    public EquatableDictionary<string> Personalization => _values.ToEquatableDictionary();

    /// <summary>Whether every required field is filled.</summary>
    public bool IsComplete => Model.Model.Personalization.Where(f => f.Required).All(f => _values.ContainsKey(f.Id));

    /// <summary>Sets a field; an invalid value is refused with every reason and leaves the field as it was.</summary>
    /// <param name="fieldId">The field.</param>
    /// <param name="value">The value; empty or null clears the field.</param>
    /// <returns>The reasons the value was refused; empty when it was accepted.</returns>
    /// <exception cref="ConfiguratorException">The model has no such field (<see cref="ConfiguratorErrorCodes.InvalidPersonalization"/>).</exception>
    public ImmutableArray<string> Set(string fieldId, string? value)
    {
        var field = Model.Model.Personalization.FirstOrDefault(f => f.Id == fieldId)
            ?? throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidPersonalization, $"There is no personalization field '{fieldId}'. Fields: {string.Join(", ", Model.Model.Personalization.Select(f => f.Id))}.");
        var result = new PersonalizationValueValidator(field).Validate(value);
        if (!result.IsValid)
        {
            return [.. result.Errors.Select(e => e.ErrorMessage)];
        }

        if (string.IsNullOrEmpty(value))
        {
            _values.Remove(fieldId);
        }
        else
        {
            _values[fieldId] = value;
        }

        return [];
    }

    /// <summary>The price with the personalization.</summary>
    /// <param name="pricing">The pipeline; the model's pricing when null.</param>
    /// <param name="request">Quantity and customer; its personalization is replaced by this customization's.</param>
    public PriceBreakdown Price(PricingPipeline? pricing = null, PricingRequest? request = null) =>
        (pricing ?? PricingPipeline.Default).Price(Model, Configuration, (request ?? PricingRequest.Default) with { Personalization = Personalization });
}
