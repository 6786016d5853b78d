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
    public override string ToString() => ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The amount alone as the library's JSON writes it: invariant culture, with the currency's
    /// minor unit (<c>474.00</c>; more digits only when the amount has them, so none is lost). For
    /// an API of one's own that sends amounts as strings, as <c>{"amount":"474.00","currency":"EUR"}</c> does.
    /// </summary>
    public string FormatAmount() => Internal.Json.JsonText.FormatAmount(Amount, Currency);

    /// <summary>
    /// Formats for a culture, with the currency's minor unit and its ISO code after the amount:
    /// <c>1,234.50 EUR</c> in en-US, <c>1.234,50 EUR</c> in de-DE. The invariant culture (or null)
    /// gives the plain form of <see cref="ToString()"/>, <c>1234.50 EUR</c>, which programs read back.
    /// </summary>
    /// <param name="provider">The culture; null for the invariant culture.</param>
    public string ToString(IFormatProvider? provider)
    {
        var digits = Internal.Iso4217.MinorUnits(Currency).ToString(CultureInfo.InvariantCulture);
        var plain = provider is null or CultureInfo { Name.Length: 0 } || ReferenceEquals(provider, NumberFormatInfo.InvariantInfo);
        return Amount.ToString((plain ? "F" : "N") + digits, provider ?? CultureInfo.InvariantCulture) + " " + Currency;
    }
}
