using Configurator.Console;

namespace Configurator.Tests.Console;

/// <summary><c>--culture</c>: names from the model's labels and numbers in the culture's format in text; JSON keeps plain numbers.</summary>
public class CultureOptionTests
{
    private static readonly string Window = RepositoryPaths.SampleModel("window-rules.json");
    private static readonly string[] Arched = ["-s", "frame=arched", "-s", "glass=triple", "-s", "strength=3", "-s", "size=l", "-s", "colour=white", "-s", "extras=screen+blind"];

    [Fact]
    public void Price_Chinese_LabelsTheLinesAndGroupsTheDigits()
    {
        var (exitCode, output, error) = CliRunner.Run(["price", Window, .. Arched, "--quantity", "1200", "--tier", "1000:7.5", "--culture", "zh-CN"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        var lines = output.TrimEnd().Split('\n');
        Assert.Matches(@"^基础价格\s+80\.00$", lines[0]);
        Assert.Matches(@"^舒适套装（-10%）\s+-45\.90$", lines[10]);
        Assert.Matches(@"^另加 1199 件，单价 413\.10 EUR\s+495,306\.90$", lines[11]);
        Assert.Matches(@"^Total for 1,200 units\s+458,541\.00 EUR$", lines[^1]);

        // Columns line up in terminal cells: a Chinese character takes two.
        Assert.Single(lines.Take(lines.Length - 1).Select(l => Wording.Cells(l)).Distinct());
    }

    [Fact]
    public void Price_German_WritesDecimalCommasAndGroupsWithPoints()
    {
        var (exitCode, output, _) = CliRunner.Run(["price", Window, .. Arched, "--quantity", "1200", "--tier", "1000:7.5", "--culture", "de-DE"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Comfort bundle (-10%)", output, StringComparison.Ordinal);
        Assert.Matches(@"1199 more units at 413,10 EUR\s+495\.306,90", output);
        Assert.Matches(@"Quantity discount from 1000 units \(-7,5%\)\s+-37\.179,00", output);
        Assert.Matches(@"Total for 1\.200 units\s+458\.541,00 EUR", output);

        var (_, range, _) = CliRunner.Run("price", Window, "-s", "frame=arched", "--culture", "de-DE");
        Assert.StartsWith("219,40 to 474,00 EUR", range, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_KeepsPlainNumbersAndTakesTheNames()
    {
        var (_, output, _) = CliRunner.Run(["price", Window, .. Arched, "--quantity", "1200", "--culture", "de-DE", "--json"]);
        Assert.Contains("\"total\":\"495720.00\"", output, StringComparison.Ordinal);
        Assert.Contains("\"label\":\"1199 more units at 413,10 EUR\",\"amount\":\"495306.9\"", output, StringComparison.Ordinal);

        var (_, bom, _) = CliRunner.Run(["bom", Window, .. Arched, "--culture", "zh-CN", "--json"]);
        Assert.Contains("\"part\":\"GL-IGU3\",\"name\":\"三层中空玻璃单元\",\"quantity\":\"1.8\",\"unit\":\"m2\"", bom, StringComparison.Ordinal);
    }

    [Fact]
    public void Bom_Chinese_NamesThePartsAndCountsInPieces()
    {
        var (exitCode, output, _) = CliRunner.Run(["bom", Window, .. Arched, "--culture", "zh-CN"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"FR-PVC-ARCH  PVC 框架，拱形\s+1 件", output);
        Assert.Matches(@"HINGE\s+铰链\s+3 件", output);
    }

    [Fact]
    public void Configure_Chinese_ShowsNamesExplanationsAndTheBreakdown()
    {
        var answers = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(answers, ["glass=clear", "explain frame=arched", "done"]);
            var (exitCode, output, _) = CliRunner.Run("configure", Window, "--answers", answers, "--culture", "zh-CN");

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Contains("拱形（框架）不能与玻璃：透明玻璃同时选择。异形框架只能配夹层玻璃或三层中空玻璃。", output, StringComparison.Ordinal);
            Assert.Contains("重量 14 kg", output, StringComparison.Ordinal);
            Assert.Contains("每平方米价格", output, StringComparison.Ordinal);
            Assert.Contains("Price: 127.40 EUR", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(answers);
        }
    }

    [Theory]
    [InlineData("price")]
    [InlineData("bom")]
    [InlineData("configure")]
    public void UnknownCulture_SaysWhatToGive(string command)
    {
        var (exitCode, output, error) = CliRunner.Run(command, Window, "--culture", "klingon-XX");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Equal("configurator: --culture 'klingon-XX' is not a culture this system knows; give a name such as en, zh-CN or de-DE.\n", error.ReplaceLineEndings("\n"));
    }
}
