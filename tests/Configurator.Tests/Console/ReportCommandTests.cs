using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Configurator.Benchmarks.Utils;
using Configurator.Console;
using Configurator.Modeling;
using Configurator.Serialization;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Tests.Console;

/// <summary><c>configurator report</c>: the HTML page's numbers against the library's, on the sample and on 10^47 configurations.</summary>
public partial class ReportCommandTests
{
    private static readonly string Window = RepositoryPaths.SampleModel("window-rules.json");

    [Fact]
    public void Report_WindowRules_HistogramAddsUpToTheCountAndOptionsMatchTheirCounts()
    {
        var (exitCode, html, error) = CliRunner.Run("report", Window);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        var compiled = ModelCompiler.Compile(ProductModelJson.Load(File.ReadAllText(Window)).GetModelOrThrow()).GetModelOrThrow();
        Assert.Equal(compiled.Count(), Bars(html).Aggregate(BigInteger.Zero, (sum, bar) => sum + bar));
        var options = OptionRows().Matches(html).ToDictionary(m => m.Groups[1].Value, m => BigInteger.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(compiled.CountPerOption().ToDictionary(c => $"{c.ModuleId}={c.OptionId}", c => c.Count), options);
        var distribution = PricingPipeline.Default.Distribution(compiled)!;
        Assert.Contains($"from {distribution.Min} to {distribution.Max}", html, StringComparison.Ordinal);
        foreach (var preset in compiled.Model.Presets)
        {
            Assert.Contains($"{PricingPipeline.Default.Price(compiled, new Selection(preset.Selections)).Total}</td></tr>", html, StringComparison.Ordinal);
        }

        // The attributes the model declares, as their exact ends.
        Assert.Contains("<tr data-attribute=\"weight\"><td>Weight <span class=\"id\">weight</span></td><td class=\"num\">14 kg</td><td class=\"num\">29 kg</td></tr>", html, StringComparison.Ordinal);

        // Rare options are marked: frame=round is taken by 48 of 936 (5.1 %), so the rarer ones are.
        Assert.Contains("<span class=\"rare\">rare</span>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A model too large to count within the decision budget (the Linux kernel's) made the report
    /// run for hours; it now shows each option's availability, which must match the counted
    /// report's: an option is available exactly where some valid configuration takes it.
    /// </summary>
    [Fact]
    public void Report_BeyondTheDecisionBudget_ShowsAvailabilityInsteadOfShares()
    {
        var model = ProductModelJson.Load(File.ReadAllText(Window)).GetModelOrThrow();
        var counted = ModelCompiler.Compile(model).GetModelOrThrow();
        var uncounted = ModelCompiler.Compile(model, new CompilerOptions { ForceBooleanEngine = true, NodeBudget = 1, CircuitDecisionBudget = 0 }).GetModelOrThrow();
        var within = Selection.Empty.With("frame", "round");

        foreach (var selection in new[] { Selection.Empty, within })
        {
            var (html, count) = HtmlReport.Render(uncounted, selection, null, TestContext.Current.CancellationToken);

            Assert.Null(count);
            Assert.Contains("<div class=\"value\">uncounted</div>", html, StringComparison.Ordinal);
            var shown = AvailableRows().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value == "true");
            var expected = counted.CountPerOption(selection).Where(c => !selection.Choices.ContainsKey(c.ModuleId)).ToDictionary(c => $"{c.ModuleId}={c.OptionId}", c => !c.Count.IsZero);
            Assert.Equal(expected, shown.Where(row => expected.ContainsKey(row.Key)).ToDictionary());
            Assert.Contains($"data-option=\"frame=round\" data-available=\"true\"><td>Round <span class=\"id\">round</span></td><td class=\"num\">55.00 EUR</td><td>{(selection == within ? "selected" : "available")}", html, StringComparison.Ordinal);
            Assert.Contains("<tr data-attribute=\"weight\"><td>Weight <span class=\"id\">weight</span></td><td class=\"num\" colspan=\"2\">not computed", html, StringComparison.Ordinal);
            var insulation = counted.AttributeRange("uValue", AttributeAggregation.Max, selection)!;
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<tr data-attribute=\"insulation\"><td>U-value <span class=\"id\">insulation</span></td><td class=\"num\">{insulation.Min:0.###} W/m&#178;K</td><td class=\"num\">{insulation.Max:0.###} W/m&#178;K</td>"), html, StringComparison.Ordinal);
        }

        // Selections that conflict leave nothing valid, which needs no count.
        var conflicting = Selection.Empty.With("frame", "round").With("glass", "clear");
        Assert.Equal(BigInteger.Zero, counted.Count(conflicting));
        Assert.Equal(BigInteger.Zero, HtmlReport.Render(uncounted, conflicting, null, TestContext.Current.CancellationToken).Count);
    }

    [GeneratedRegex("<tr data-option=\"([^\"]+)\" data-available=\"(true|false)\">")]
    private static partial Regex AvailableRows();

    [Fact]
    public void Report_IsSelfContained()
    {
        var html = CliRunner.Run("report", Window).Output;

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(src|href)\s*=|url\(|@import|https?:", html);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_InACulture_NamesFromTheLabelsAndPricesInItsFormat()
    {
        var chinese = CliRunner.Run("report", Window, "--culture", "zh-CN").Output;
        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        Assert.Contains("<h1>带规则的窗户</h1>", chinese, StringComparison.Ordinal);
        Assert.Contains("<h3>框架 <span class=\"id\">frame · ", chinese, StringComparison.Ordinal);
        Assert.Contains("<td>橡木矩形 <span class=\"id\">oak</span></td>", chinese, StringComparison.Ordinal);

        // The same histogram, its prices written the German way.
        var german = CliRunner.Run("report", Window, "--culture", "de-DE").Output;
        var plain = CliRunner.Run("report", Window).Output;
        Assert.Matches(@"median \d+,\d\d EUR", german);
        Assert.Equal(System.Text.RegularExpressions.Regex.Matches(plain, "data-count=\"(\\d+)\"").Select(m => m.Value), System.Text.RegularExpressions.Regex.Matches(german, "data-count=\"(\\d+)\"").Select(m => m.Value));
    }

    [Fact]
    public void Report_TheRing_CountsTheHistogramOn10To47ConfigurationsWithoutEnumerating()
    {
        var folder = Directory.CreateTempSubdirectory("configurator-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "ring.json");
            var model = GeneratedModels.Ring(60, 8, seed: 1);
            File.WriteAllText(path, ProductModelJson.Save(model));
            var target = Path.Combine(folder.FullName, "ring.html");

            var (exitCode, output, error) = CliRunner.Run("report", path, "-o", target);

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Empty(error);
            var count = ModelCompiler.Compile(model).GetModelOrThrow().Count();
            Assert.True(count > BigInteger.Pow(10, 46));
            var digits = count.ToString(CultureInfo.InvariantCulture);
            Assert.Contains($"-> {target} ({digits[0]}.{digits[1..3]} × 10^{digits.Length - 1} valid configurations; open it in a browser)", output, StringComparison.Ordinal);
            var html = File.ReadAllText(target);
            var bars = Bars(html);
            Assert.Equal(40, bars.Count);
            Assert.Equal(count, bars.Aggregate(BigInteger.Zero, (sum, bar) => sum + bar));
            Assert.Contains($"{count.ToString(CultureInfo.InvariantCulture)[0]}.{count.ToString(CultureInfo.InvariantCulture)[1..3]} × 10<sup>47</sup>", html, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Report_WithinASelection_CountsOnlyItsCompletions()
    {
        var (exitCode, html, _) = CliRunner.Run("report", Window, "-s", "frame=arched", "-s", "extras+=handle");

        Assert.Equal(ExitCodes.Success, exitCode);
        var compiled = ModelCompiler.Compile(ProductModelJson.Load(File.ReadAllText(Window)).GetModelOrThrow()).GetModelOrThrow();
        var within = Selection.Parse(["frame=arched", "extras+=handle"]);
        Assert.Equal(compiled.Count(within), Bars(html).Aggregate(BigInteger.Zero, (sum, bar) => sum + bar));
        Assert.Contains("within <code>frame=arched extras+=handle</code>", html, StringComparison.Ordinal);
        Assert.Contains("data-option=\"frame=rect\" data-count=\"0\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"never\">never</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NothingValidOrUnknownOption_SaysSoWithoutAStackTrace()
    {
        var (unknownExit, _, unknown) = CliRunner.Run("report", Window, "-s", "frame=oval");
        Assert.NotEqual(ExitCodes.Success, unknownExit);
        Assert.Contains("oval", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", unknown, StringComparison.Ordinal);

        var (exitCode, html, _) = CliRunner.Run("report", Window, "-s", "frame=round", "-s", "glass=clear");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(Bars(html));
        Assert.Contains("No configuration is valid", html, StringComparison.Ordinal);
    }

    private static List<BigInteger> Bars(string html) =>
        [.. BinCounts().Matches(html).Select(m => BigInteger.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex("<rect class=\"bin\" data-count=\"(\\d+)\"")]
    private static partial Regex BinCounts();

    [GeneratedRegex("<tr data-option=\"([^\"]+)\" data-count=\"(\\d+)\">")]
    private static partial Regex OptionRows();
}
