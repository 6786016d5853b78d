using System.Text.Json;
using Configurator.Pricing;

namespace Configurator.WebShop.Api;

/// <summary>Amounts as the library writes them in JSON (the currency's minor units, invariant culture).</summary>
internal static class Amounts
{
    public static string Format(Money money) => JsonSerializer.SerializeToElement(money).GetProperty("amount").GetString() ?? "";

    public static string Format(decimal amount, string currency) => Format(new Money(amount, currency));
}
