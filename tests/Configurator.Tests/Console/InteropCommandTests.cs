using System.Text.Json;

namespace Configurator.Tests.Console;

/// <summary><c>configurator export</c>, <c>configurator sample</c> and UVL files on the command line.</summary>
public sealed class InteropCommandTests : IDisposable
{
    private static readonly string Window = RepositoryPaths.SampleModel("window-rules.json");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("interop-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("uvl", "model.uvl")]
    [InlineData("dimacs", "model.cnf")]
    [InlineData("xcsp", "model.xml")]
    public void Export_WrittenFileCountsTheSame(string format, string name)
    {
        var target = Path.Combine(_folder.FullName, name);
        var (exitCode, output, _) = CliRunner.Run("export", Window, "--to", format, "-o", target);
        Assert.Equal(0, exitCode);
        Assert.Contains("->", output, StringComparison.Ordinal);
        Assert.Equal(CliRunner.Run("count", Window).Output, CliRunner.Run("count", target).Output);
    }

    [Fact]
    public void Export_ToStandardOutput_AndBadFormatIsRefused()
    {
        var (exitCode, output, _) = CliRunner.Run("export", Window, "--to", "uvl");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("features\n", output, StringComparison.Ordinal);

        var (badCode, _, error) = CliRunner.Run("export", Window, "--to", "sat");
        Assert.Equal(2, badCode);
        Assert.Contains("sat", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Uvl_BrokenFileNamesLineAndColumn()
    {
        var file = Path.Combine(_folder.FullName, "broken.uvl");
        File.WriteAllText(file, "features\n    Bike\n        optional\n            Bell\nconstraints\n    Bell & Horn\n");
        var (exitCode, _, error) = CliRunner.Run("count", file);
        Assert.Equal(2, exitCode);
        Assert.Contains("line 6, column 12: \"Horn\" names no feature", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_PairwiseLinesAreValidAndTheSummaryGoesToStandardError()
    {
        var (exitCode, output, error) = CliRunner.Run("sample", Window, "--t", "2");
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^[\d,]+ configurations cover ([\d,]+) of \1 valid pairs of option choices \(100\.0 %\)\.", error);
        Assert.Equal(lines.Length, int.Parse(error.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var selections = document.RootElement.EnumerateObject().Select(p => p.Value.ValueKind switch
            {
                JsonValueKind.Array => $"{p.Name}={string.Join('+', p.Value.EnumerateArray().Select(e => e.GetString()))}",
                JsonValueKind.Null => $"{p.Name}=",
                _ => $"{p.Name}={p.Value.GetString()}",
            });
            Assert.Equal(0, CliRunner.Run(["validate", Window, .. selections.SelectMany(s => new[] { "-s", s })]).ExitCode);
        }

        // Read back, the sample covers everything; half of it does not.
        var file = Path.Combine(_folder.FullName, "sample.jsonl");
        File.WriteAllText(file, output);
        Assert.Contains("(100.0 %)", CliRunner.Run("sample", Window, "--coverage", file).Error, StringComparison.Ordinal);
        File.WriteAllLines(file, lines.Take(lines.Length / 2));
        Assert.DoesNotContain("(100.0 %)", CliRunner.Run("sample", Window, "--coverage", file).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_UniformJsonAndBadInput()
    {
        var (exitCode, output, _) = CliRunner.Run("sample", Window, "--uniform", "5", "--seed", "3", "--json");
        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(5, document.RootElement.GetProperty("configurations").GetArrayLength());
        Assert.InRange(document.RootElement.GetProperty("coverage").GetDouble(), 0.01, 0.99);

        var file = Path.Combine(_folder.FullName, "bad.jsonl");
        File.WriteAllText(file, "{\"frame\":\"rect\"}\n{\"nope\":\"x\"}\n");
        var (badCode, _, error) = CliRunner.Run("sample", Window, "--coverage", file);
        Assert.Equal(2, badCode);
        Assert.Contains("line 2: the model has no module 'nope'", error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("sample", Window, "--t", "5").ExitCode);
        Assert.Equal(2, CliRunner.Run("sample", Window, "--uniform", "0").ExitCode);
    }

    [Fact]
    public void Sample_UniformOnAModelTooLargeToMeasurePairwise_StillWritesTheSamples()
    {
        // 5,001 free yes/no features: 10,002 option choices, past the 50,000,000 candidate pairs a coverage measures.
        var file = Path.Combine(_folder.FullName, "wide.cnf");
        File.WriteAllText(file, "p cnf 5001 0\n");

        var (exitCode, output, error) = CliRunner.Run("sample", file, "--uniform", "3");
        Assert.Equal(0, exitCode);
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("3 configurations; their 2-wise coverage was not measured: ", error, StringComparison.Ordinal);
        Assert.Contains("measure a lower strength", error, StringComparison.Ordinal);
        Assert.DoesNotContain("uniform samples", error, StringComparison.Ordinal);

        var (jsonCode, json, _) = CliRunner.Run("sample", file, "--uniform", "2", "--json");
        Assert.Equal(0, jsonCode);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(2, document.RootElement.GetProperty("configurations").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("coverage").ValueKind);

        // A covering sample of that size is refused, pointing at what works instead.
        var (coverCode, _, refusal) = CliRunner.Run("sample", file);
        Assert.Equal(2, coverCode);
        Assert.Contains("use a lower strength or uniform samples", refusal, StringComparison.Ordinal);
        Assert.Contains("of 10,002 valid option choices", CliRunner.Run("sample", file, "--uniform", "2", "--t", "1").Error, StringComparison.Ordinal);
    }
}
