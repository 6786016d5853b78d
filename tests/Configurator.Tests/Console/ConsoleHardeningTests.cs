using Configurator.Console;

namespace Configurator.Tests.Console;

/// <summary>Console defects from the hardening issue, each named after what went wrong.</summary>
[Collection(TimingTests.Name)]
public class ConsoleHardeningTests
{
    [Fact]
    public void EscapeSequencesInADimacsTokenOrASelection_AreNotWrittenRawToTheTerminal()
    {
        var file = Path.Combine(Path.GetTempPath(), $"escape-{Guid.NewGuid():N}.cnf");
        File.WriteAllText(file, "p cnf 2 1\n1 \u001b]0;pwned\u0007\u001b[2J 0\n");
        try
        {
            var (exitCode, output, error) = CliRunner.Run("count", file);
            Assert.NotEqual(ExitCodes.Success, exitCode);
            Assert.DoesNotContain('\u001b', output + error);
            Assert.DoesNotContain('\u0007', output + error);
            Assert.Contains("\\u001b]0;pwned\\u0007", error, StringComparison.Ordinal);

            var (_, _, failure) = CliRunner.Run("count", Path.Combine(RepositoryPaths.SampleModels, "car.json"), "-s", "body=\u001b[31mred");
            Assert.DoesNotContain('\u001b', failure);
            Assert.Contains("\\u001b[31mred", failure, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void LimitMinusOne_SaysWhatLimitTakesNotATypeName()
    {
        var (exitCode, _, error) = CliRunner.Run("enumerate", Path.Combine(RepositoryPaths.SampleModels, "window.json"), "--limit", "-1");
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("--limit takes a whole number of at least 0, not '-1'.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedSelectionOfOneModule_IsRefusedNotSilentlyTheLast()
    {
        var (exitCode, output, error) = CliRunner.Run("count", Path.Combine(RepositoryPaths.SampleModels, "car.json"), "-s", "body=coupe", "-s", "body=estate");
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Contains("module 'body' is selected 2 times", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FlatOrOf201Terms_IsCountedNotRefusedAsNesting()
    {
        var builder = new Configurator.Modeling.ProductModelBuilder("flat");
        for (var i = 0; i < 202; i++)
        {
            builder.AddModule($"m{i}", m => m.Optional().AddOption("yes"));
        }

        builder.AddRule("any", string.Join(" or ", Enumerable.Range(0, 201).Select(i => $"m{i} == 'yes'")));
        var file = Path.Combine(Path.GetTempPath(), $"flat-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, Configurator.Serialization.ProductModelJson.Save(builder.Build()));
        try
        {
            var (exitCode, output, error) = CliRunner.Run("count", file);
            Assert.True(exitCode == ExitCodes.Success, error);

            // Every selection of the 201 but the empty one, times the free 202nd module.
            var expected = (System.Numerics.BigInteger.Pow(2, 201) - 1) * 2;
            Assert.Contains(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void LintOfAModuleWith30OptionsAndMax30_IsTheErrorCompilingGives()
    {
        var builder = new Configurator.Modeling.ProductModelBuilder("wide");
        builder.AddModule("extras", m =>
        {
            m.Selecting(0, 30);
            for (var i = 0; i < 30; i++)
            {
                m.AddOption($"o{i}");
            }
        });
        var file = Path.Combine(Path.GetTempPath(), $"wide-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, Configurator.Serialization.ProductModelJson.Save(builder.Build()));
        try
        {
            var (exitCode, output, error) = CliRunner.Run("lint", file);
            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.DoesNotContain(": ok", output, StringComparison.Ordinal);
            Assert.Contains("[ModuleTooLarge]", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void UnknownCommand_SaysSoFirstNotThatNoCommandWasGiven()
    {
        var (exitCode, _, error) = CliRunner.Run("frobnicate", "model.json");
        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("configurator: there is no command 'frobnicate'; the commands are lint, count,", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyCnfFile_IsEmptyNotInvalidJson_AndAHeaderlessOneIsADimacsError()
    {
        var folder = Directory.CreateTempSubdirectory("cnf-");
        try
        {
            var empty = Path.Combine(folder.FullName, "empty.cnf");
            File.WriteAllText(empty, "");
            var (exitCode, _, error) = CliRunner.Run("count", empty);
            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.Contains("empty.cnf is empty", error, StringComparison.Ordinal);
            Assert.DoesNotContain("not valid JSON", error, StringComparison.Ordinal);

            var headerless = Path.Combine(folder.FullName, "headerless.cnf");
            File.WriteAllText(headerless, "1 2 0\n");
            (exitCode, _, error) = CliRunner.Run("count", headerless);
            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.Contains("could not be imported as Dimacs", error, StringComparison.Ordinal);
            Assert.Contains("There is no problem line", error, StringComparison.Ordinal);

            var shortFile = Path.Combine(folder.FullName, "short.cnf");
            File.WriteAllText(shortFile, "p cnf 2 5\n1 2 0\n");
            (exitCode, var output, error) = CliRunner.Run("count", shortFile);
            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.StartsWith("3", output, StringComparison.Ordinal);
            Assert.Contains("warning", error, StringComparison.Ordinal);
            Assert.Contains("declares 5 clauses; the file has 1", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("count")]
    [InlineData("domains")]
    [InlineData("price")]
    public void Timeout_EndsALongCommandWithItsOwnMessageAndExitCode(string command)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hard-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, Configurator.Serialization.ProductModelJson.Save(Configurator.Tests.Solving.CancellationTests.HardModel()));
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (exitCode, _, error) = CliRunner.Run(command, file, "--timeout", "0.5");
            Assert.Equal(ExitCodes.TimedOut, exitCode);
            Assert.Contains("stopped at the time limit of 0.5 s (--timeout)", error, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:F1} s");

            // A limit the command does not reach changes nothing; a limit that is no number of seconds is refused.
            var (quick, output, _) = CliRunner.Run("count", Path.Combine(RepositoryPaths.SampleModels, "car.json"), "--timeout", "60");
            Assert.Equal(ExitCodes.Success, quick);
            Assert.Equal("16260", output.Trim());
            Assert.Equal(ExitCodes.BadInput, CliRunner.Run("count", file, "--timeout", "0").ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
