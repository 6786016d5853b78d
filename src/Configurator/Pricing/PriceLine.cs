using System.Text.Json.Serialization;
using Configurator.Internal.Json;

namespace Configurator.Pricing;

/// <summary>What a price line is for.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<PriceLineKind>))]
public enum PriceLineKind
{
    /// <summary>The model's base price.</summary>
    Base,

    /// <summary>A selected option's price.</summary>
    Option,

    /// <summary>A matching <c>add</c> price rule.</summary>
    Surcharge,

    /// <summary>A matching <c>percent</c> price rule: that percentage of the subtotal.</summary>
    Percentage,

    /// <summary>A filled personalization field.</summary>
    Personalization,

    /// <summary>A pricing policy's adjustment (quantity, customer).</summary>
    Policy,

    /// <summary>Rounding the total to the currency's minor unit, half away from zero.</summary>
    Rounding,
}

/// <summary>One line of a price breakdown. Immutable.</summary>
/// <param name="Kind">What the line is for.</param>
/// <param name="Id">The option (<c>module=option</c>), rule, field or policy it comes from.</param>
/// <param name="Label">Display text.</param>
/// <param name="Amount">The amount in the currency's minor unit, rounded half away from zero (the rounding line makes the lines add up exactly to the total).</param>
public sealed record PriceLine(PriceLineKind Kind, string Id, string Label, decimal Amount);
