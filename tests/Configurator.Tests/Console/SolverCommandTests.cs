using System.Text.Json;
using Configurator.Console;
using Configurator.Solving;

namespace Configurator.Tests.Console;

public class SolverCommandTests
{
    private static string Model(string name) => RepositoryPaths.SampleModel(name);

    [Theory]
    [InlineData("window.json", "1800")]
    [InlineData("credit-card.json", "200")]
    public void Count_Samples_PrintsTheCount(string file, string expected)
    {
        var (exitCode, output, _) = CliRunner.Run("count", Model(file));
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(expected, output.Trim());

        var (_, json, _) = CliRunner.Run("count", Model(file), "--json");
        Assert.Equal($"{{\"count\":\"{expected}\"}}", json.Trim());
    }

    [Fact]
    public void Count_WithinSelections_CountsTheExtensions()
    {
        var (exitCode, output, _) = CliRunner.Run("count", Model("window.json"), "-s", "frame=arched", "-s", "glass=triple");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("36", output.Trim());
    }

    [Fact]
    public void Enumerate_Jsonl_WritesOneObjectPerConfiguration()
    {
        var (exitCode, output, _) = CliRunner.Run("enumerate", Model("window-rules.json"), "--format", "jsonl", "-s", "frame=arched", "-s", "size=l");
        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (_, count, _) = CliRunner.Run("count", Model("window-rules.json"), "-s", "frame=arched", "-s", "size=l");
        Assert.Equal(int.Parse(count.Trim(), System.Globalization.CultureInfo.InvariantCulture), lines.Length);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal("arched", document.RootElement.GetProperty("frame").GetString());
            Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("extras").ValueKind);
        }
    }

    [Fact]
    public void Enumerate_TableOfAWideModel_ListsEachConfigurationsSelections()
    {
        // 60 features, x1 implies x2: a table of 60 columns is unreadable, so each line is a configuration's selections.
        var file = Path.Combine(Path.GetTempPath(), $"wide-{Guid.NewGuid():N}.cnf");
        File.WriteAllText(file, "p cnf 60 1\n-1 2 0\n");
        var (exitCode, output, _) = CliRunner.Run("enumerate", file, "--limit", "40");
        var compiled = ModelCompiler.Compile(Configurator.Importers.ModelImporter.ImportFile(file).GetModelOrThrow()).GetModelOrThrow();
        File.Delete(file);

        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(40, lines.Length);
        var expected = compiled.Configurations().Take(40)
            .Select(c => string.Join(' ', compiled.Model.Modules.Where(m => c.Choices[m.Id].Count > 0).Select(m => $"{m.Id}={string.Join('+', c.Choices[m.Id])}")))
            .Select(line => line.Length == 0 ? "-" : line);
        Assert.Equal(expected, lines);
        Assert.All(lines, l => Assert.True(!l.Split(' ').Contains("x1=yes") || l.Split(' ').Contains("x2=yes"), l));
    }

    [Fact]
    public void Enumerate_FormatNoneJson_ReportsTheCountAndTime()
    {
        var (exitCode, output, _) = CliRunner.Run("enumerate", Model("window.json"), "--format", "none", "--json");
        Assert.Equal(ExitCodes.Success, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(1800, document.RootElement.GetProperty("enumerated").GetInt32());
        Assert.True(document.RootElement.GetProperty("seconds").GetDouble() >= 0);
    }

    [Fact]
    public void Enumerate_ShardsAndLimit_SplitTheOutput()
    {
        var whole = CliRunner.Run("enumerate", Model("credit-card.json"), "--format", "csv").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shards = Enumerable.Range(1, 3)
            .SelectMany(i => CliRunner.Run("enumerate", Model("credit-card.json"), "--format", "csv", "--shard", $"{i}/3").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            .ToList();
        Assert.Equal(201, whole.Length);
        Assert.Equal(whole.Skip(1), shards);

        var limited = CliRunner.Run("enumerate", Model("credit-card.json"), "--format", "table", "--limit", "5").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, limited.Length);
        Assert.StartsWith("interestRate", limited[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidConfiguration_ExitsOneWithTheViolations()
    {
        string[] args = ["validate", Model("window-rules.json"), "-s", "frame=arched", "-s", "glass=clear", "-s", "strength=1", "-s", "size=m", "-s", "colour=white", "-s", "extras=handle", "--json"];
        var (exitCode, output, _) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.False(document.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(["arched-needs-strongest", "frame-glass"], document.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("constraint").GetString()));
    }

    [Fact]
    public void Validate_ValidConfiguration_ExitsZero()
    {
        var (exitCode, output, _) = CliRunner.Run("validate", Model("window.json"), "-s", "frame=rect", "-s", "glass=clear", "-s", "strength=1", "-s", "design=classic");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("valid", output.Trim());
    }

    [Theory]
    [InlineData("count", "-s", "frame=oval")]
    [InlineData("count", "-s", "frame")]
    [InlineData("enumerate", "--shard", "0/2")]
    [InlineData("enumerate", "--format", "xml")]
    [InlineData("enumerate", "--limit", "many")]
    [InlineData("validate", "-s", "colour=red")]
    public void SolverCommands_BadArguments_ExitTwoWithOneMessage(string command, string option, string value)
    {
        var (exitCode, _, error) = CliRunner.Run(command, Model("window.json"), option, value);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("configurator: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_InvalidModel_ExitsTwoAndPointsAtLint()
    {
        var (exitCode, _, error) = CliRunner.Run("count", CliRunner.TestData("broken-window.json"));
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("configurator lint", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Enumerate_Cancelled_ExitsWith130()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(["enumerate", Model("window.json"), "--format", "none"], output, error, cancellation.Token);
        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.Equal("configurator: cancelled." + Environment.NewLine, error.ToString());
    }
}
