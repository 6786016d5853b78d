using System.Collections.Frozen;
using System.Text.Json;
using Configurator.Pricing;
using Configurator.Sessions;

namespace Configurator.WebShop.Api;

/// <summary>
/// Amounts and the library's enums as its JSON writes them (amounts in the currency's minor unit,
/// invariant culture; enums in camelCase): the names are read once from the library's own
/// converters rather than written a second way.
/// </summary>
internal static class Amounts
{
    private static readonly FrozenDictionary<PriceLineKind, string> Kinds = Names<PriceLineKind>();
    private static readonly FrozenDictionary<SelectionSource, string> Sources = Names<SelectionSource>();

    public static string Format(Money money) => money.FormatAmount();

    public static string Format(decimal amount, string currency) => new Money(amount, currency).FormatAmount();

    /// <summary>The kind as the library's JSON names it (<c>base</c>, <c>option</c>, …).</summary>
    public static string Format(PriceLineKind kind) => Kinds.TryGetValue(kind, out var name) ? name : kind.ToString();

    /// <summary>The source as the library's JSON names it (<c>customer</c>, <c>default</c>, …).</summary>
    public static string Format(SelectionSource source) => Sources.TryGetValue(source, out var name) ? name : source.ToString();

    /// <summary>A price difference as the API sends it, null when there is none.</summary>
    public static MoneyView? View(Money? money) => money is { } m ? new MoneyView(m.FormatAmount(), m.Currency) : null;

    private static FrozenDictionary<T, string> Names<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonSerializer.SerializeToElement(v).GetString() ?? v.ToString());
}
