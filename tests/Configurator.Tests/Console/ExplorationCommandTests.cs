using System.Text.Json;
using Configurator.Console;

namespace Configurator.Tests.Console;

public class ExplorationCommandTests
{
    private static string Model(string name) => RepositoryPaths.SampleModel(name);

    private static (int ExitCode, string Output, string Error) Interactive(string answers, params string[] args)
    {
        using var input = new StringReader(answers);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(args, input, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Domains_Json_ListsAvailableAndExplainsTheOthers()
    {
        var (exitCode, output, _) = CliRunner.Run("domains", Model("window-rules.json"), "-s", "frame=arched", "--json");
        Assert.Equal(ExitCodes.Success, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(["laminated", "triple"], root.GetProperty("available").GetProperty("glass").EnumerateArray().Select(e => e.GetString()));
        var clear = root.GetProperty("unavailable").GetProperty("glass").GetProperty("clear");
        Assert.Equal(["frame-glass"], clear.GetProperty("constraints").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["frame=arched"], clear.GetProperty("selections").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Domains_ConflictingSelections_ExitOne()
    {
        var (exitCode, _, error) = CliRunner.Run("domains", Model("window-rules.json"), "-s", "frame=arched", "-s", "strength=1");
        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains("arched", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_Complete_GivesTheBreakdownAsJson()
    {
        string[] args = ["price", Model("window-rules.json"), "-s", "frame=arched", "-s", "glass=laminated", "-s", "strength=3", "-s", "size=m", "-s", "colour=white", "-s", "extras=lock", "-p", "engraving=ANNA", "--json"];
        var (exitCode, output, _) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Success, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal("267.40", document.RootElement.GetProperty("total").GetString());
        Assert.Equal("EUR", document.RootElement.GetProperty("currency").GetString());
        var sum = document.RootElement.GetProperty("lines").EnumerateArray().Sum(l => decimal.Parse(l.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(267.40m, sum);
    }

    [Fact]
    public void Price_Partial_GivesTheRangeAsJson()
    {
        var (exitCode, output, _) = CliRunner.Run("price", Model("window-rules.json"), "-s", "frame=arched", "--json");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("""{"min":"219.40","max":"474.00","currency":"EUR","quantity":1,"cheapest":"frame=arched glass=laminated strength=3 size=s colour=white extras=","dearest":"frame=arched glass=triple strength=3 size=l colour=anthracite extras=lock+blind"}""", output.Trim());
    }

    [Theory]
    [InlineData("--quantity", "0")]
    [InlineData("-p", "engraving")]
    [InlineData("-p", "monogram=AB")]
    public void Price_BadArguments_ExitTwo(string option, string value)
    {
        var (exitCode, _, error) = CliRunner.Run("price", Model("window-rules.json"), "-s", "frame=arched", option, value);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("configurator: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_CountsEveryOptionAndFlagsRareOnes()
    {
        var (exitCode, output, _) = CliRunner.Run("stats", Model("car.json"), "--json");
        Assert.Equal(ExitCodes.Success, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(7, root.GetProperty("modules").GetInt32());
        var counts = root.GetProperty("optionCounts").EnumerateArray().ToList();
        Assert.Equal(30, counts.Count);
        var total = System.Numerics.BigInteger.Parse(root.GetProperty("count").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(total, counts.Where(c => c.GetProperty("module").GetString() == "body").Aggregate(System.Numerics.BigInteger.Zero, (s, c) => s + System.Numerics.BigInteger.Parse(c.GetProperty("count").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(counts, c => Assert.Equal(c.GetProperty("share").GetDouble() < 0.05, c.GetProperty("rare").GetBoolean()));
    }

    [Fact]
    public void Configure_Free_PipedChoicesUndoAndExplanations()
    {
        var (exitCode, output, _) = Interactive("frame=arched\nexplain glass=clear\nglass=triple\nsize=l\nextras=blind\ncolour=natural\n1\nundo\ndone\n", "configure", Model("window-rules.json"));
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Clear (Glass) is not available with Frame: Arched.", output, StringComparison.Ordinal);
        Assert.Contains("Applied by giving up frame=arched", output, StringComparison.Ordinal);
        Assert.Contains("Configuration: frame=arched glass=triple strength=3 size=l colour=white extras=blind", output, StringComparison.Ordinal);
        Assert.Contains("Price: 429.00 EUR", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_ManyModules_ShowsWhatAStepChangedAndTheRestOnShow()
    {
        // 60 features; x1 implies x2 (a step choosing x1 changes two modules), x3 excludes x4, the rest are free.
        var file = Path.Combine(Path.GetTempPath(), $"wide-{Guid.NewGuid():N}.cnf");
        File.WriteAllText(file, "p cnf 60 2\n-1 2 0\n-3 -4 0\n");
        var (exitCode, output, _) = Interactive("x1=yes\nshow x5\nshow\nx3=yes\ndone\n", "configure", file);
        File.Delete(file);

        Assert.Equal(ExitCodes.Success, exitCode); // a feature left open is not chosen
        var steps = output.Split("\n> ");
        Assert.Contains("60 modules (0 decided); 'show' lists every module", steps[0], StringComparison.Ordinal);
        Assert.DoesNotContain("│ x1 ", steps[0], StringComparison.Ordinal);

        // The step's table holds the two modules it changed.
        Assert.Contains("2 shown of 60 modules (2 decided)", steps[1], StringComparison.Ordinal);
        Assert.Equal(["x1", "x2"], Rows(steps[1]));
        Assert.Equal(["x5", "x50", "x51", "x52", "x53", "x54", "x55", "x56", "x57", "x58", "x59"], Rows(steps[2]));
        Assert.Equal(60, Rows(steps[3]).Length);

        // A step explains what it made unavailable in the modules it shows, and only there.
        Assert.Equal(["x3", "x4"], Rows(steps[4]));
        Assert.Single(steps[4].Split('\n'), l => l.StartsWith("✗ ", StringComparison.Ordinal));
        Assert.Contains("✗ x4=yes: ", steps[4], StringComparison.Ordinal);

        static string[] Rows(string text) =>
            [.. text.Split('\n').Where(l => l.StartsWith("│ x", StringComparison.Ordinal)).Select(l => l.Split('│', StringSplitOptions.TrimEntries)[1])];
    }

    [Fact]
    public void Configure_EndedIncomplete_ExitsOne()
    {
        // Without defaults, ending at once leaves a required module open; a typo does not end the session.
        var file = Path.Combine(Path.GetTempPath(), $"no-defaults-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "formatVersion": 1, "id": "lamp", "modules": [ { "id": "frame", "options": [ { "id": "rect" }, { "id": "round" } ] } ] }""");
        var (exitCode, output, _) = Interactive("frme=rect\ndone\n", "configure", file);
        File.Delete(file);
        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        Assert.Contains("There is no module 'frme'", output, StringComparison.Ordinal);
        Assert.Contains("The configuration is not complete.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_Adaptive_RefusesFixedModules()
    {
        var (exitCode, output, _) = Interactive("frame=arched\nsize=l\ndone\n", "configure", Model("window-rules.json"), "--strategy", "adaptive", "--preset", "standard");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("'Frame' is part of the standard product", output, StringComparison.Ordinal);
        Assert.Contains("size=l", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_Adaptive_SaysWhatAChangeFilledToKeepTheProductComplete()
    {
        // The standard product leaves the packs empty; without the blind a pack is needed.
        var file = Path.Combine(Path.GetTempPath(), $"gift-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {
              "formatVersion": 1, "id": "gift", "currency": "EUR", "basePrice": 10,
              "modules": [
                { "id": "packs", "min": 0, "max": 2, "adjustable": true, "options": [ { "id": "card", "price": 2 }, { "id": "ribbon", "price": 1 } ] },
                { "id": "extras", "min": 0, "adjustable": true, "options": [ { "id": "blind", "price": 30 } ] }
              ],
              "constraints": [ { "rule": "count(extras) == 0 -> count(packs) > 0" } ],
              "presets": [ { "id": "standard", "selections": { "packs": null, "extras": "blind" } } ]
            }
            """);
        var (exitCode, output, _) = Interactive("extras=\ndone\n", "configure", file, "--strategy", "adaptive", "--preset", "standard");
        File.Delete(file);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("To keep the product complete: packs=ribbon.", output, StringComparison.Ordinal);
        Assert.Contains("ribbon (to complete)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_Cosmetic_ValidatesFields()
    {
        var (exitCode, output, _) = Interactive("cardholderName=ada\ncardholderName=ADA LOVELACE\npackaging=gift box\ndone\n", "configure", Model("credit-card.json"), "--strategy", "cosmetic", "--preset", "everyday");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("does not have the required form", output, StringComparison.Ordinal);
        Assert.Contains("Total 4.50 USD", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_Collaborative_AnswersByNumberToTheEnd()
    {
        var (exitCode, output, _) = Interactive(string.Concat(Enumerable.Repeat("1\n", 10)), "configure", Model("window-rules.json"), "--strategy", "collaborative");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("extras?", output, StringComparison.Ordinal);
        Assert.Contains("Configuration: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_Transparent_ReadsAProfile()
    {
        var profile = Path.Combine(Path.GetTempPath(), $"profile-{Guid.NewGuid():N}.json");
        File.WriteAllText(profile, """{"measurements":[{"property":"neckCm","value":41,"weight":10}],"preferences":[{"module":"collar","option":"button-down","weight":5}],"pastConfigurations":[{"fabric":"oxford"}]}""");
        try
        {
            var (exitCode, output, _) = Interactive("", "configure", Model("shirt.json"), "--strategy", "transparent", "--profile", profile);
            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Contains("size=41: neckCm 41 for the measured 41", output, StringComparison.Ordinal);
            Assert.Contains("Configuration: fabric=oxford collar=button-down", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(profile);
        }
    }

    [Theory]
    [InlineData("--strategy", "adaptive")]
    [InlineData("--strategy", "transparent")]
    [InlineData("--answers", "no-such-file.txt")]
    [InlineData("--strategy", "magic")]
    public void Configure_MissingOrBadArguments_ExitTwo(string option, string value)
    {
        var (exitCode, _, error) = Interactive("", "configure", Model("window-rules.json"), option, value);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("configurator: ", error, StringComparison.Ordinal);
    }
}
