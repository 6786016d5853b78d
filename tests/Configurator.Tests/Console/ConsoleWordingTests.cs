using System.Globalization;
using Configurator.Console;

namespace Configurator.Tests.Console;

/// <summary>Grammar and formatting: singular and plural, one price for a range with equal ends, the tool's name, what a quantity means.</summary>
public class ConsoleWordingTests
{
    private static readonly string Window = RepositoryPaths.SampleModel("window-rules.json");
    private static readonly string[] Complete = ["-s", "frame=rect", "-s", "glass=clear", "-s", "strength=1", "-s", "size=m", "-s", "colour=white", "-s", "extras="];

    [Fact]
    public void Help_NamesTheCommandAsItIsInstalled()
    {
        var (exitCode, output, _) = CliRunner.Run("--help");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("configurator [command] [options]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Configurator.Console", output, StringComparison.Ordinal);
        Assert.Contains("configurator count <model>", CliRunner.Run("count", "--help").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Domains_OneConfigurationLeft_IsSingular()
    {
        var (_, output, _) = CliRunner.Run(["domains", Window, .. Complete]);
        Assert.EndsWith("\n1 valid configuration", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Count_NotKnownWithinTheBudget_SaysAtLeastOne()
    {
        // A session's count beyond the model's decision budget (the Linux kernel's) is null, not zero.
        Assert.Equal("an uncounted number of valid configurations (at least one)", Wording.Count((System.Numerics.BigInteger?)null, "valid configuration"));
        Assert.Equal("1,800 valid configurations", Wording.Count((System.Numerics.BigInteger?)1800, "valid configuration"));
    }

    [Fact]
    public void Glance_LongCountsAsTheirMagnitude()
    {
        // automotive2_4's 1,535 digits filled thirteen lines of every configure step.
        var huge = System.Numerics.BigInteger.Parse("16505" + new string('7', 1530), CultureInfo.InvariantCulture);
        Assert.Equal("1.65 × 10^1534 valid configurations", Wording.Glance(huge, "valid configuration"));
        Assert.Equal("1,65 × 10^1534", Wording.Glance(huge, CultureInfo.GetCultureInfo("de-DE")));
        var limit = System.Numerics.BigInteger.Pow(10, Wording.GlanceDigits);
        Assert.Equal((limit - 1).ToString("N0", CultureInfo.InvariantCulture) + " valid configurations", Wording.Glance(limit - 1, "valid configuration"));
        Assert.Equal("1.00 × 10^24 valid configurations", Wording.Glance(limit, "valid configuration"));
        Assert.Equal("an uncounted number of valid configurations (at least one)", Wording.Glance((System.Numerics.BigInteger?)null, "valid configuration"));
    }

    [Fact]
    public void Attribute_WithoutARange_SaysSoUntilComplete()
    {
        // A sum on a model too wide for an exact range (no circuit within the budgets) has none.
        Assert.Equal("not bounded yet", Wording.Attribute(new Configurator.Sessions.AttributeState("weight", "Weight", "kg", null, null, null)));
        Assert.Equal("24 kg", Wording.Attribute(new Configurator.Sessions.AttributeState("weight", "Weight", "kg", null, null, 24)));
        Assert.Equal("19 to 29 kg", Wording.Attribute(new Configurator.Sessions.AttributeState("weight", "Weight", "kg", 19, 29, null)));
        Assert.Equal("24 kg (19 to 29 kg with other choices)", Wording.Attribute(new Configurator.Sessions.AttributeState("weight", "Weight", "kg", 19, 29, 24)));
    }

    [Fact]
    public void Stats_CountsWithSeparatorsAndABarPerOption()
    {
        var (_, output, _) = CliRunner.Run("stats", Window);
        Assert.StartsWith("6 modules, 21 options, 936 valid configurations", output, StringComparison.Ordinal);
        Assert.Contains("frame=rect                    576   61.5 %  ████████████▎", output, StringComparison.Ordinal);
        Assert.Matches(@"frame=round\s+48\s+5\.1 %  █\s*$", output.Split('\n').Single(l => l.Contains("frame=round", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0.0, "")]
    [InlineData(1.0, "████████████████████")]
    [InlineData(0.5, "██████████")]
    [InlineData(0.0125, "▎")]
    public void Bar_FillsToTheShareInEighths(double share, string expected) =>
        Assert.Equal(expected.PadRight(20), Wording.Bar(share));

    [Fact]
    public void Price_Quantity_IsTheTotalForEveryUnitAndSaysSo()
    {
        var unit = Total(CliRunner.Run(["price", Window, .. Complete]).Output);
        var (exitCode, output, _) = CliRunner.Run(["price", Window, .. Complete, "--quantity", "3"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"2 more units at {unit:F2} EUR"), output, StringComparison.Ordinal);
        Assert.Equal(unit * 3, Total(output));
        Assert.Contains("1 more unit at ", CliRunner.Run(["price", Window, .. Complete, "--quantity", "2"]).Output, StringComparison.Ordinal);
        Assert.Contains("Total for 3 units", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_QuantityTier_DiscountsTheOrder()
    {
        var unit = Total(CliRunner.Run(["price", Window, .. Complete]).Output);
        var (_, output, _) = CliRunner.Run(["price", Window, .. Complete, "--quantity", "12", "--tier", "10:5", "--tier", "50:8"]);
        Assert.Contains("Quantity discount from 10 units (-5%)", output, StringComparison.Ordinal);
        Assert.Equal(Math.Round(unit * 12 * 0.95m, 2), Total(output));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("0:5")]
    [InlineData("10:105")]
    [InlineData("ten:5")]
    public void Price_MalformedTier_SaysHowToWriteIt(string tier)
    {
        var (exitCode, _, error) = CliRunner.Run(["price", Window, .. Complete, "--tier", tier]);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("--tier takes MIN:PERCENT", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_RangeWithEqualEnds_IsOnePrice()
    {
        var (_, output, _) = CliRunner.Run("price", Window, "-s", "frame=rect", "-s", "glass=clear", "-s", "strength=1", "-s", "size=m", "-s", "colour=white", "-s", "extras+=lock", "-s", "extras-=screen", "-s", "extras-=blind");
        Assert.StartsWith("137.40 EUR, whichever way it is completed", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" to ", output.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Price_Range_NamesTheCurrencyOnce()
    {
        var (_, output, _) = CliRunner.Run("price", Window, "-s", "frame=arched");
        Assert.StartsWith("219.40 to 474.00 EUR\n", output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Price_UnknownPersonalizationField_IsOneLineWithoutParameterNames()
    {
        var (exitCode, _, error) = CliRunner.Run(["price", Window, .. Complete, "-p", "foo=bar"]);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("configurator: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error, StringComparison.Ordinal);
    }

    private static decimal Total(string output) =>
        decimal.Parse(output.Split('\n').Single(l => l.StartsWith("Total", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2], CultureInfo.InvariantCulture);
}
