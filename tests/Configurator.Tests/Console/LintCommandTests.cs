using System.Text.Json;
using Configurator.Console;

namespace Configurator.Tests.Console;

public class LintCommandTests
{
    [Fact]
    public void Lint_AllSamples_ExitsZero()
    {
        var samples = RepositoryPaths.AllSampleModels().ToArray();
        var (exitCode, output, error) = CliRunner.Run(["lint", .. samples]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Equal(samples.Length, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => line.EndsWith(": ok", StringComparison.Ordinal)));
    }

    [Fact]
    public void Lint_BrokenModel_ExitsTwoAndPrintsEveryErrorWithPathAndColumn()
    {
        var (exitCode, output, error) = CliRunner.Run("lint", CliRunner.TestData("broken-window.json"));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal("", output);
        Assert.Contains("28 errors", error, StringComparison.Ordinal);
        Assert.Contains("$.curency: \"curency\" is not part of the model format here. Did you mean \"currency\"?", error, StringComparison.Ordinal);
        Assert.Contains("$.constraints[0].rule (column 10): Module 'frame' has no option 'arc'.", error, StringComparison.Ordinal);
        Assert.Contains("$.constraints[3].rule (column 18): Unexpected character '💥'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_Json_ListsErrorsAsData()
    {
        var (exitCode, output, _) = CliRunner.Run("lint", "--json", CliRunner.TestData("broken-window.json"), RepositoryPaths.SampleModel("window.json"));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal(28, files[0].GetProperty("errors").GetArrayLength());
        Assert.True(files[1].GetProperty("valid").GetBoolean());
        var ruleError = files[0].GetProperty("errors").EnumerateArray().First(e => e.GetProperty("code").GetString() == "RuleUnknownOption");
        Assert.Equal("$.constraints[0].rule", ruleError.GetProperty("path").GetString());
        Assert.Equal(10, ruleError.GetProperty("column").GetInt32());
    }

    [Fact]
    public void Lint_MalformedJson_PrintsLineAndByte()
    {
        var file = Path.Combine(Path.GetTempPath(), $"configurator-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\n  \"formatVersion\": 1,\n  \"id\": \"x\",,\n}");
        try
        {
            var (exitCode, _, error) = CliRunner.Run("lint", file);
            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.Contains("$ (line 3, byte 13): The file is not valid JSON", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("lint", "no-such-file.json")]
    [InlineData("lint", ".")]
    public void Lint_MissingFileOrFolder_ExitsTwoWithOneMessage(string command, string file)
    {
        var (exitCode, _, error) = CliRunner.Run(command, file);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal(2, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("[FileNotFound]", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("lint")]
    [InlineData("lnit", "model.json")]
    public void Run_BadArguments_ExitsTwoWithoutAStackTrace(params string[] args)
    {
        var (exitCode, output, error) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("configurator: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ExitsZeroAndNamesTheCommands()
    {
        var (exitCode, output, _) = CliRunner.Run("--help");
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("lint", output, StringComparison.Ordinal);
    }
}
