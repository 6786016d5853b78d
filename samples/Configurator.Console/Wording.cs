using System.Globalization;
using System.Numerics;
using Configurator.Pricing;

namespace Configurator.Console;

/// <summary>How the console words numbers, counts and prices, in one place so that every command reads the same.</summary>
internal static class Wording
{
    /// <summary>Options taken by fewer of the valid configurations than this share are called rare.</summary>
    public const double RareShare = 0.05;

    /// <summary>"1 valid configuration", "1,800 valid configurations" (the digits grouped as the culture groups them).</summary>
    public static string Count(BigInteger count, string singular, string? plural = null, CultureInfo? culture = null) =>
        $"{count.ToString("N0", culture ?? CultureInfo.InvariantCulture)} {(count.IsOne ? singular : plural ?? singular + "s")}";

    /// <summary>As <see cref="Count(BigInteger, string, string?, CultureInfo?)"/>; a count not known within the model's budget reads "an uncounted number of valid configurations (at least one)".</summary>
    public static string Count(BigInteger? count, string singular, string? plural = null, CultureInfo? culture = null) =>
        count is { } known ? Count(known, singular, plural, culture) : $"an uncounted number of {plural ?? singular + "s"} (at least one)";

    /// <summary>
    /// Models with more modules than this (feature models: BusyBox's 854, automotive2_4's 18,616)
    /// are not shown as one table with a row or column per module: <c>configure</c> shows what a
    /// step changed (the whole table was 900 lines a step on BusyBox) and <c>enumerate</c> each
    /// configuration's selections (BusyBox's header alone was 854 columns).
    /// </summary>
    public const int WideModelModules = 40;

    /// <summary>The most digits a count shows in full where it is read at a glance; a longer one is written as its magnitude.</summary>
    public const int GlanceDigits = 24;

    /// <summary>
    /// A count read at a glance (a session's line, a summary): as <see cref="Count(BigInteger?, string, string?, CultureInfo?)"/>
    /// up to <see cref="GlanceDigits"/> digits, then "1.65 × 10^1534 valid configurations": automotive2_4's 1,535
    /// digits filled thirteen lines of every step. <c>count</c> prints every digit.
    /// </summary>
    public static string Glance(BigInteger? count, string singular, string? plural = null, CultureInfo? culture = null) =>
        count is { } known && known >= BigInteger.Pow(10, GlanceDigits) ? $"{Glance(known, culture)} {plural ?? singular + "s"}" : Count(count, singular, plural, culture);

    /// <summary>The number alone, as <see cref="Glance(BigInteger?, string, string?, CultureInfo?)"/> writes it.</summary>
    public static string Glance(BigInteger count, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        if (count < BigInteger.Pow(10, GlanceDigits))
        {
            return count.ToString("N0", culture);
        }

        // Cut, not rounded: the leading digits as they are.
        var digits = count.ToString(CultureInfo.InvariantCulture);
        return $"{digits[0]}{culture.NumberFormat.NumberDecimalSeparator}{digits[1..3]} × 10^{digits.Length - 1}";
    }

    /// <inheritdoc cref="Count(BigInteger, string, string?, CultureInfo?)"/>
    public static string Count(long count, string singular, string? plural = null, CultureInfo? culture = null) => Count(new BigInteger(count), singular, plural, culture);

    /// <summary>A price range, one price when both ends are equal: "429.00 EUR", "310.00 to 580.00 EUR"; "1.310,00 to 1.580,00 EUR" in de-DE.</summary>
    public static string Range(Money min, Money max, CultureInfo? culture = null) =>
        min == max ? min.ToString(culture) : $"{Amount(min, culture)} to {max.ToString(culture)}";

    /// <summary>The amount in the currency's minor unit without the currency: "429.00" (plain without a culture, "1,429.00" in en-US).</summary>
    public static string Amount(Money money, CultureInfo? culture = null)
    {
        var text = money.ToString(culture);
        return text[..^(money.Currency.Length + 1)];
    }

    /// <summary>A price difference with its sign, empty for none: "+25.00", "-10.00".</summary>
    public static string Difference(Money? difference, CultureInfo? culture = null) =>
        difference is not { } d || d.Amount == 0 ? "" : (d.Amount > 0 ? "+" : "-") + Amount(d with { Amount = Math.Abs(d.Amount) }, culture);

    /// <summary>A price line's amount without the currency: "1234.50" plain, "1,234.50" in en-US, down to the hundredth of a minor unit.</summary>
    public static string LineAmount(decimal amount, CultureInfo? culture = null) =>
        amount.ToString(culture is null ? "0.00##" : "#,0.00##", culture ?? CultureInfo.InvariantCulture);

    /// <summary>A number in text output: plain without a culture, else as the culture writes it ("1,234.5", "1.234,5").</summary>
    public static string Number(decimal value, CultureInfo? culture = null) =>
        value.ToString(culture is null ? "0.###" : "#,0.###", culture ?? CultureInfo.InvariantCulture);

    /// <summary>Pads to a width in terminal cells, where a Chinese character takes two.</summary>
    public static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Cells(text)));

    /// <summary>How many terminal cells the text takes: two for each East Asian wide or full-width character (Unicode's East Asian Width W and F), one for the rest.</summary>
    public static int Cells(string text)
    {
        var cells = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            cells += IsWide(rune.Value) ? 2 : 1;
        }

        return cells;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);

    /// <summary>A part's share of a whole, 0 to 1 (0 for an empty whole), exact to a millionth however big the counts.</summary>
    public static double Share(BigInteger part, BigInteger whole) =>
        whole.IsZero ? 0 : (double)(part * 1_000_000 / whole) / 1_000_000;

    /// <summary>
    /// An attribute as the session shows it: "24 kg" for the configuration the customer gets now,
    /// with "(19 to 29 kg with other choices)" while choices remain open; "19 to 29 kg" before; "not
    /// bounded yet" on a model too wide for an exact range, until the configuration is complete.
    /// </summary>
    public static string Attribute(Sessions.AttributeState attribute, CultureInfo? culture = null)
    {
        string Number(decimal value) => Wording.Number(value, culture);
        var unit = attribute.Unit is null ? "" : " " + attribute.Unit;
        if (attribute is not { Min: { } min, Max: { } max })
        {
            // A model too wide for an exact range: only a complete configuration's value is known.
            return attribute.Value is { } known ? $"{Number(known)}{unit}" : "not bounded yet";
        }

        var range = min == max ? null : $"{Number(min)} to {Number(max)}{unit}";
        return attribute.Value is { } value
            ? $"{Number(value)}{unit}{(range is null ? "" : $" ({range} with other choices)")}"
            : range ?? Number(min) + unit;
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
