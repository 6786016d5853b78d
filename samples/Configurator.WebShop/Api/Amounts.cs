using System.Collections.Frozen;
using System.Text.Json;
using Configurator.Pricing;

namespace Configurator.WebShop.Api;

/// <summary>
/// Amounts and price-line kinds as the library writes them in JSON (amounts in the currency's minor
/// unit, invariant culture; kinds in camelCase): the kinds' names are read once from the library's
/// own converter rather than written a second way.
/// </summary>
internal static class Amounts
{
    private static readonly FrozenDictionary<PriceLineKind, string> Kinds =
        Enum.GetValues<PriceLineKind>().ToFrozenDictionary(k => k, k => JsonSerializer.SerializeToElement(k).GetString() ?? k.ToString());

    public static string Format(Money money) => money.FormatAmount();

    public static string Format(decimal amount, string currency) => new Money(amount, currency).FormatAmount();

    /// <summary>A price difference as a page shows it: "+125.00 EUR", "-10.00 EUR"; empty when there is none.</summary>
    public static string Difference(Money? money) => money is { } m ? (m.Amount >= 0 ? "+" : "") + m.FormatAmount() + " " + m.Currency : "";

    /// <summary>The kind as the library's JSON names it (<c>base</c>, <c>option</c>, …).</summary>
    public static string Format(PriceLineKind kind) => Kinds.TryGetValue(kind, out var name) ? name : kind.ToString();
}
