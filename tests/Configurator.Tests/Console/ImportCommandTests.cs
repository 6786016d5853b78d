using Configurator.Console;
using Configurator.Tests.Importers;

namespace Configurator.Tests.Console;

public class ImportCommandTests
{
    [Fact]
    public void Import_Dimacs_WritesAModelThatEveryCommandReads()
    {
        var folder = Directory.CreateTempSubdirectory("configurator-import-");
        try
        {
            var cnf = Path.Combine(folder.FullName, "f.cnf");
            var json = Path.Combine(folder.FullName, "f.json");
            File.WriteAllText(cnf, "c two clauses\np cnf 3 2\n1 -2 0\n2 3 0\n");

            var (exitCode, output, _) = CliRunner.Run("import", cnf, "--from", "dimacs", "-o", json);
            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Contains("3 modules, 2 constraints", output, StringComparison.Ordinal);
            Assert.Equal("4", CliRunner.Run("count", json).Output.Trim());

            // Every command also reads the third-party file directly.
            Assert.Equal("4", CliRunner.Run("count", cnf).Output.Trim());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Count_SplcFileDirectly_GivesThePublishedCount() =>
        Assert.Equal("1152", CliRunner.Run("count", SharedModels.Path("splconqueror-kaltenecker2019", "x264", "FeatureModel.xml")).Output.Trim());

    [Fact]
    public void Import_Malformed_ExitsTwoNamingTheLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.cnf");
        File.WriteAllText(file, "p cnf 2 1\n1 3 0\n");
        try
        {
            var (exitCode, _, error) = CliRunner.Run("import", file);
            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.Contains("line 2: Literal 3 names variable 3", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
