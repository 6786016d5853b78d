using System.Globalization;
using System.Numerics;
using Configurator.Pricing;

namespace Configurator.Console;

/// <summary>How the console words numbers, counts and prices, in one place so that every command reads the same.</summary>
internal static class Wording
{
    /// <summary>Options taken by fewer of the valid configurations than this share are called rare.</summary>
    public const double RareShare = 0.05;

    /// <summary>"1 valid configuration", "1,800 valid configurations".</summary>
    public static string Count(BigInteger count, string singular, string? plural = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count.IsOne ? singular : plural ?? singular + "s")}";

    /// <inheritdoc cref="Count(BigInteger, string, string?)"/>
    public static string Count(long count, string singular, string? plural = null) => Count(new BigInteger(count), singular, plural);

    /// <summary>A price range, one price when both ends are equal: "429.00 EUR", "310.00 to 580.00 EUR".</summary>
    public static string Range(Money min, Money max) =>
        min == max ? min.ToString() : $"{Amount(min)} to {max}";

    /// <summary>The amount in the currency's minor unit without the currency: "429.00".</summary>
    public static string Amount(Money money) => money.ToString().Split(' ')[0];

    /// <summary>A price difference with its sign, empty for none: "+25.00", "-10.00".</summary>
    public static string Difference(Money? difference) =>
        difference is not { } d || d.Amount == 0 ? "" : (d.Amount > 0 ? "+" : "-") + Amount(d with { Amount = Math.Abs(d.Amount) });

    /// <summary>A part's share of a whole, 0 to 1 (0 for an empty whole), exact to a millionth however big the counts.</summary>
    public static double Share(BigInteger part, BigInteger whole) =>
        whole.IsZero ? 0 : (double)(part * 1_000_000 / whole) / 1_000_000;

    /// <summary>
    /// An attribute as the session shows it: "24 kg" for the configuration the customer gets now,
    /// with "(19 to 29 kg with other choices)" while choices remain open; "19 to 29 kg" before.
    /// </summary>
    public static string Attribute(Sessions.AttributeState attribute)
    {
        string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
        var unit = attribute.Unit is null ? "" : " " + attribute.Unit;
        var range = attribute.Min == attribute.Max ? null : $"{Number(attribute.Min)} to {Number(attribute.Max)}{unit}";
        return attribute.Value is { } value
            ? $"{Number(value)}{unit}{(range is null ? "" : $" ({range} with other choices)")}"
            : range ?? Number(attribute.Min) + unit;
    }

    /// <summary>A bar of <paramref name="width"/> characters filled to <paramref name="share"/> (0 to 1), to eighths of a character.</summary>
    public static string Bar(double share, int width = 20)
    {
        const string Eighths = " ▏▎▍▌▋▊▉";
        var eighths = (int)Math.Round(Math.Clamp(share, 0, 1) * width * 8);
        var bar = new string('█', eighths / 8) + (eighths % 8 == 0 ? "" : Eighths[eighths % 8].ToString());
        return bar.PadRight(width);
    }
}
