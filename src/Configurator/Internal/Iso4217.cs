namespace Configurator.Internal;

/// <summary>Active ISO 4217 currency codes and their minor units (the number of decimals prices round to).</summary>
internal static class Iso4217
{
    private const string Codes =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL " +
        "GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD " +
        "KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO " +
        "NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD " +
        "SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV " +
        "WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

    private static readonly HashSet<string> ZeroDecimals = new(StringComparer.Ordinal)
    {
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> ThreeDecimals = new(StringComparer.Ordinal) { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

    private static readonly HashSet<string> FourDecimals = new(StringComparer.Ordinal) { "CLF", "UYW" };

    private static readonly HashSet<string> Known = new(Codes.Split(' '), StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);

    /// <summary>The number of decimals of the currency's minor unit (2 for EUR, 0 for JPY).</summary>
    public static int MinorUnits(string code) =>
        ZeroDecimals.Contains(code) ? 0 : ThreeDecimals.Contains(code) ? 3 : FourDecimals.Contains(code) ? 4 : 2;
}
