namespace Configurator.WebShop.Pages;

/// <summary>
/// A count as a page shows it: the digits in full up to 24 of them, then its magnitude
/// ("1.65 × 10^1534"): automotive2_4's 1,535 digits filled the catalogue's row and the
/// configurator's side panel. The API keeps every digit.
/// </summary>
internal static class Counts
{
    /// <summary>The most digits shown in full.</summary>
    public const int FullDigits = 24;

    /// <summary>The count's digits (as the API writes them) for a page.</summary>
    public static string Show(string digits) =>
        digits.Length <= FullDigits ? digits : $"{digits[0]}.{digits[1..3]} × 10^{digits.Length - 1}";

    /// <summary>"1 valid configuration left", "936 valid configurations left", "1.65 × 10^1534 valid configurations left".</summary>
    public static string Left(string? digits) =>
        digits is null ? "At least one valid configuration left (too many to count)"
        : $"{Show(digits)} valid {(digits == "1" ? "configuration" : "configurations")} left";
}
