using System.Text.Json;

namespace Configurator.Tests.Console;

/// <summary><c>configurator demand</c> on the sample order history of the car and on bad input.</summary>
public sealed class DemandCommandTests : IDisposable
{
    private static readonly string Car = RepositoryPaths.SampleModel("car.json");
    private static readonly string CarOrders = Path.Combine(RepositoryPaths.Root, "samples", "orders", "car-orders.jsonl");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("demand-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Demand_Summer_ShowsTheConvertibleRisingAgainstSpringAndMinesPresets()
    {
        var (exitCode, output, error) = CliRunner.Run("demand", Car, "--orders", CarOrders, "--period", "2026-06-01..2026-08-31", "--presets", "3");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Matches(@"car: [\d,]+ orders, [\d,]+ units from 2026-06-01 to 2026-08-31", output);
        Assert.Contains("order share now minus in 2026-03-01..2026-05-31", output, StringComparison.Ordinal);
        Assert.Matches(@"body=convertible\s+[\d,]+\s+[\d.]+ %\s+8\.9 %\s+[\d.]+\s+\+\d", output);
        Assert.Matches(@" 1\.\s+[\d.]+ % \(\+[\d,]+ units, [\d,]+ exactly\)  body=", output);
        Assert.Contains("The model's own presets cover", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demand_Json_SharesAddUpAndTheDroppedDieselIsUnordered()
    {
        var (exitCode, output, _) = CliRunner.Run("demand", Car, "--orders", CarOrders, "--period", "2026-01-01..2026-12-31", "--presets", "4", "--distance", "0", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("2025-01-01", root.GetProperty("comparedWith").GetProperty("from").GetString());
        var options = root.GetProperty("options").EnumerateArray().ToList();
        var bodies = options.Where(o => o.GetProperty("module").GetString() == "body").ToList();
        Assert.Equal(1.0, bodies.Sum(o => o.GetProperty("orderShare").GetDouble()), 9);
        Assert.Equal(1.0, bodies.Sum(o => o.GetProperty("spaceShare").GetDouble()), 9);
        Assert.Equal(root.GetProperty("units").GetInt64(), bodies.Sum(o => o.GetProperty("units").GetInt64()));
        Assert.Equal(["engine=diesel-115"], root.GetProperty("unordered").EnumerateArray().Select(u => u.GetString()));
        var coverage = root.GetProperty("presets").GetProperty("mined").EnumerateArray().Select(p => p.GetProperty("coverage").GetDouble()).ToList();
        Assert.Equal(4, coverage.Count);
        Assert.Equal(coverage.Order(), coverage);
    }

    [Theory]
    [InlineData("--period", "summer", "is not a period; write FROM..TO")]
    [InlineData("--period", "2026-08-31..2026-06-01", "ends before it starts")]
    [InlineData("--compare", "2026-01-01..yesterday", "is not a day written yyyy-MM-dd")]
    [InlineData("--presets", "-1", "at least 0")]
    public void Demand_BadInput_IsAClearErrorWithoutAStackTrace(string flag, string value, string expected)
    {
        var (exitCode, _, error) = CliRunner.Run("demand", Car, "--orders", CarOrders, flag, value);
        var (missingCode, _, missing) = CliRunner.Run("demand", Car, "--orders", Path.Combine(_folder.FullName, "none.jsonl"));

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(2, missingCode);
        Assert.Contains("there is no such file", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Demand_EmptyHistory_SaysSoWithoutFailing()
    {
        var empty = Path.Combine(_folder.FullName, "empty.jsonl");
        File.WriteAllText(empty, "");

        var (exitCode, output, _) = CliRunner.Run("demand", Car, "--orders", empty, "--presets", "2");

        Assert.Equal(0, exitCode);
        Assert.Contains("car: 0 orders, 0 units", output, StringComparison.Ordinal);
        Assert.Contains("Nobody ordered (30; candidates to drop)", output, StringComparison.Ordinal);
    }
}
