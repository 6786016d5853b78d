namespace Configurator.Tests.Console;

/// <summary><c>configurator customers</c> on a small order history of the window sample.</summary>
public sealed class CustomersCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("customers-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Customers_ListsEachCustomersScoresTierAndRouteAndReportsBadLines()
    {
        var orders = Write("orders.jsonl",
            """{"customer": "ann", "date": "2026-03-01", "configuration": {"frame": "rect", "glass": "clear", "strength": "1", "design": "classic"}, "amount": 900}""",
            """{"customer": "bob", "date": "2026-02-01", "configuration": {"frame": "rect", "glass": "clear", "strength": "1", "design": "classic"}, "amount": 100}""",
            """{"customer": "bob", "date": "02/03/2026", "amount": 100}""");

        var (exitCode, output, error) = CliRunner.Run("customers", RepositoryPaths.SampleModel("window.json"), "--orders", orders);

        Assert.Equal(0, exitCode);
        Assert.Contains("2 customers, 2 orders", output, StringComparison.Ordinal);
        Assert.Matches(@"ann\s+\d{3}\s+1\s+900\.00\s+90\.0\s?%\s+key\s+PresetsWithRepeatPricing: A key customer", output);
        Assert.Matches(@"bob\s+\d{3}\s+1\s+100\.00\s+10\.0\s?%\s+ordinary\s+StandardPresets: An ordinary customer", output);
        Assert.Contains("Line 3: \"date\" must be a day written yyyy-MM-dd", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Customers_Json_HasEveryCustomerWithTheirRoute()
    {
        var orders = Write("orders.jsonl",
            """{"customer": "ann", "date": "2026-03-01", "configuration": {"frame": "rect", "glass": "clear", "strength": "1", "design": "classic"}, "amount": 900}""");

        var (exitCode, output, _) = CliRunner.Run("customers", RepositoryPaths.SampleModel("window.json"), "--orders", orders, "--json");

        Assert.Equal(0, exitCode);
        using var document = System.Text.Json.JsonDocument.Parse(output);
        var customer = Assert.Single(document.RootElement.GetProperty("customers").EnumerateArray());
        Assert.Equal("ann", customer.GetProperty("customer").GetString());
        Assert.Equal("key", customer.GetProperty("tier").GetString());
        Assert.False(string.IsNullOrEmpty(customer.GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("--as-of", "yesterday", "is not a day written yyyy-MM-dd")]
    [InlineData("--as-of", "2020-01-01", "before an order")]
    public void Customers_BadDayOrMissingFile_IsAClearErrorWithoutAStackTrace(string flag, string value, string expected)
    {
        var orders = Write("orders.jsonl",
            """{"customer": "ann", "date": "2026-03-01", "configuration": {"frame": "rect"}, "amount": 9}""");

        var (exitCode, _, error) = CliRunner.Run("customers", RepositoryPaths.SampleModel("window.json"), "--orders", orders, flag, value);
        var (missingCode, _, missing) = CliRunner.Run("customers", RepositoryPaths.SampleModel("window.json"), "--orders", Path.Combine(_folder.FullName, "none.jsonl"));

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(2, missingCode);
        Assert.Contains("there is no such file", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + missing, StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
