using System.Text.Json.Nodes;
using Configurator.Console;

namespace Configurator.Tests.Console;

/// <summary>
/// What lint says about a model a person is writing: the checks compiling makes, one error for one
/// mistake (not the errors that only follow from it), and the likely fix for a rule's syntax.
/// </summary>
public sealed class LintFollowUpTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("lint-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void PresetThatBreaksARule_IsAnErrorInLintAsEverywhereElse()
    {
        // The heritage preset with glass=clear breaks "shaped frames take only laminated or triple glazing".
        var file = Model(model => model["presets"]![1]!["selections"]!["glass"] = "clear");
        var (exitCode, _, error) = CliRunner.Run("lint", file);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("[PresetViolatesConstraints]", error, StringComparison.Ordinal);
        Assert.Equal(CliRunner.Run("count", file).ExitCode, exitCode);
    }

    [Fact]
    public void MaxWrittenAsText_IsOneErrorNotAlsoThePresetsThatSelectSeveral()
    {
        // Read as the default max of 1, "max": "4" would make a preset with two extras look wrong too.
        var file = Model(model =>
        {
            Module(model, "extras")["max"] = "4";
            var preset = model["presets"]![0]!.DeepClone();
            preset["id"] = "two-extras";
            preset["selections"]!["extras"] = new JsonArray("screen", "lock");
            model["presets"]!.AsArray().Add(preset);
        });

        var (exitCode, _, error) = CliRunner.Run("lint", file);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains(": 1 error\n", error.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("$.modules[5].max: Expected a whole number, found the text \"4\". [WrongType]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsWrittenAsText_IsOneErrorNotAlsoEveryRuleTableDefaultAndPresetNamingThem()
    {
        var file = Model(model => Module(model, "frame")["options"] = "x");
        var (_, _, error) = CliRunner.Run("lint", file);
        Assert.Contains(": 1 error\n", error.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("$.modules[0].options: Expected a list in [ ], found the text \"x\".", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMistakeInOneModule_DoesNotHideAnotherModulesErrors()
    {
        var file = Model(model =>
        {
            Module(model, "extras")["max"] = "4";
            model["presets"]![0]!["selections"]!["glass"] = "frosted";
        });
        var (_, _, error) = CliRunner.Run("lint", file);
        Assert.Contains(": 2 errors", error, StringComparison.Ordinal);
        Assert.Contains("Module 'glass' has no option 'frosted'. [PresetUnknownOption]", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frame = 'arched'", "(column 7): Unexpected character '=' (U+003D). Did you mean '==' (a comparison)?")]
    [InlineData("frame == 'arched' & glass == 'clear'", "(column 19): Unexpected character '&' (U+0026). Did you mean 'and'?")]
    [InlineData("frame == 'arched' | glass == 'clear'", "Did you mean 'or'?")]
    [InlineData("frame == 'arched", "(column 10): This text has no closing '; end it with ', as in 'arched'.")]
    [InlineData("(frame == 'arched' or glass == 'clear'", "found the end of the rule. Add ')' at the end, or remove the '('.")]
    [InlineData("frame != 'arched')", "found ')'. It closes no '('; remove it, or add the '(' it belongs to.")]
    [InlineData("frame == ‘arched’", "Use straight quotes ' or \" around texts.")]
    public void RuleSyntaxErrors_SuggestTheLikelyFix(string rule, string expected)
    {
        var file = Model(model => model["constraints"]!.AsArray().Add(new JsonObject { ["id"] = "typo", ["rule"] = rule }));
        var (exitCode, _, error) = CliRunner.Run("lint", file);
        Assert.Equal(ExitCodes.BadInput, exitCode);
        var line = error.Split('\n').Single(l => l.Contains("$.constraints[6].rule", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    private string Model(Action<JsonNode> change)
    {
        var model = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SampleModel("window-rules.json")))!;
        change(model);
        var path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, model.ToJsonString());
        return path;
    }

    private static JsonNode Module(JsonNode model, string id) => model["modules"]!.AsArray().Single(m => (string?)m!["id"] == id)!;
}
