using Configurator.Console;

namespace Configurator.Tests.Console;

/// <summary><c>configurator bom</c>: one configuration's parts, an order history's, and the mistakes a user makes.</summary>
public class BomCommandTests
{
    private static readonly string Window = RepositoryPaths.SampleModel("window-rules.json");

    [Fact]
    public void Bom_Orders_MultipliesEachOrdersPartsByItsQuantity()
    {
        var orders = Path.GetTempFileName();
        try
        {
            // Two standard windows (size m: 1.08 m2 of float glass each) and one large arched triple-glazed window with a blind.
            File.WriteAllLines(orders,
            [
                """{"customer":"a","date":"2026-11-02","configuration":{"frame":"rect","glass":"clear","strength":"1","size":"m","colour":"white","extras":["handle"]},"quantity":2,"amount":254.8}""",
                """{"customer":"b","date":"2026-11-03","configuration":{"frame":"arched","glass":"triple","strength":"3","size":"l","colour":"white","extras":["lock","blind"]},"quantity":1,"amount":400}""",
            ]);

            var (exitCode, output, error) = CliRunner.Run("bom", Window, "--orders", orders);

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Empty(error);
            Assert.StartsWith("Parts for 2 orders (3 units):", output, StringComparison.Ordinal);
            Assert.Matches(@"GL-FLOAT\s+Float glass pane\s+2\.16 m2", output);
            Assert.Matches(@"GL-IGU3\s+Triple glazing unit\s+1\.8 m2", output);
            Assert.Matches(@"HINGE\s+Hinge\s+7 pcs", output);
            Assert.Matches(@"MOTOR\s+Blind motor\s+1 pcs", output);
        }
        finally
        {
            File.Delete(orders);
        }
    }

    [Fact]
    public void Bom_Json_GivesQuantitiesAsDecimalStrings()
    {
        var (exitCode, output, _) = CliRunner.Run("bom", Window, "-s", "frame=rect", "-s", "glass=clear", "-s", "strength=1", "-s", "size=s", "-s", "colour=white", "-s", "extras=", "--json");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("{\"part\":\"GL-FLOAT\",\"name\":\"Float glass pane\",\"quantity\":\"0.48\",\"unit\":\"m2\"}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "-s", "frame=rect" }, "glass")]
    [InlineData(new[] { "-s", "frame=oval" }, "oval")]
    [InlineData(new[] { "-s", "frame=rect", "--orders", "nowhere.jsonl" }, "not both")]
    public void Bom_Mistakes_SayWhatToFixWithoutAStackTrace(string[] args, string expected)
    {
        var (exitCode, _, error) = CliRunner.Run(["bom", Window, .. args]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
