using System.Globalization;
using System.Text.Json.Serialization;

namespace Configurator.Pricing;

/// <summary>An amount in an ISO 4217 currency. Immutable.</summary>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">The currency code, such as EUR.</param>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>Formats as <c>1234.50 EUR</c>, with the currency's minor unit.</summary>
    public override string ToString() =>
        Amount.ToString("F" + Internal.Iso4217.MinorUnits(Currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Currency;
}
