using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Configurator.Tests.Documentation;

/// <summary>
/// Every <c>$ configurator ...</c> line in the README's console section, run as a real process from
/// the repository's root, prints what the README shows under it ("..." stands for any lines, and
/// times in seconds may differ), so the transcript cannot drift from the tool.
/// </summary>
public partial class ReadmeConsoleTranscriptTests
{
    [Fact]
    public Task ConsoleSection_EveryCommand_PrintsWhatTheReadmeShows() =>
        AssertTranscript("dotnet", Path.Combine(AppContext.BaseDirectory, "Configurator.Console.dll"));

    /// <summary>
    /// Runs every command of the README's console section with <paramref name="program"/> (and
    /// <paramref name="arguments"/> before the command's own) and asserts that each prints what the
    /// README shows: the framework-dependent build here, the native tool as installed from its
    /// package in <see cref="Packaging.PackageTests"/>.
    /// </summary>
    internal static async Task AssertTranscript(string program, params string[] arguments)
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"), TestContext.Current.CancellationToken);
        var start = readme.IndexOf("\n## The console\n", StringComparison.Ordinal);
        var section = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var transcripts = Transcripts(section).ToList();
        Assert.True(transcripts.Count >= 15, $"only {transcripts.Count} commands found in the README's console section");

        // Run where "samples" is the repository's, so that paths read as in the README and files written land outside it.
        var folder = Directory.CreateTempSubdirectory("configurator-readme-");
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(folder.FullName, "samples"), Path.Combine(RepositoryPaths.Root, "samples"));
            foreach (var (command, input, expected) in transcripts)
            {
                var actual = await Run(program, arguments, command, input, folder.FullName);
                Assert.True(Matches(expected, actual), $"$ {command}\nREADME:\n{string.Join('\n', expected)}\nactual ({program}):\n{string.Join('\n', actual)}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "a", "...", "d" }, new[] { "a", "b", "c", "d" }, true)]
    [InlineData(new[] { "a", "..." }, new[] { "a" }, true)]
    [InlineData(new[] { "a", "d" }, new[] { "a", "b", "d" }, false)]
    [InlineData(new[] { "1,800 configurations in 0.005 s" }, new[] { "1,800 configurations in 0.012 s" }, true)]
    [InlineData(new[] { "1,800 configurations in 0.005 s" }, new[] { "1,801 configurations in 0.005 s" }, false)]
    public void Matches_DotsStandForAnyLinesAndTimesMayDiffer(string[] expected, string[] actual, bool matches) =>
        Assert.Equal(matches, Matches(expected, actual));

    /// <summary>Each command with its standard input (from a <c>printf '...' |</c> before it) and the lines shown under it.</summary>
    private static IEnumerable<(string Command, string? Input, List<string> Expected)> Transcripts(string section)
    {
        foreach (Match block in TextBlocks().Matches(section))
        {
            (string Command, string? Input, List<string> Expected)? current = null;
            foreach (var line in block.Groups[1].Value.TrimEnd('\n').Split('\n'))
            {
                if (line.StartsWith("$ ", StringComparison.Ordinal))
                {
                    if (current is { } done)
                    {
                        yield return done;
                    }

                    var piped = PipedInput().Match(line);
                    current = piped.Success
                        ? (piped.Groups[2].Value, piped.Groups[1].Value.Replace("\\n", "\n", StringComparison.Ordinal), [])
                        : (line[2..], null, []);
                }
                else
                {
                    current?.Expected.Add(line.TrimEnd());
                }
            }

            if (current is { } last)
            {
                yield return last;
            }
        }
    }

    private static async Task<List<string>> Run(string program, string[] arguments, string command, string? input, string folder)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("configurator", words[0]);
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var word in words.Skip(1))
        {
            // The shell expands samples/models/*.json in name order.
            if (word.Contains('*', StringComparison.Ordinal))
            {
                foreach (var file in Directory.GetFiles(Path.Combine(folder, Path.GetDirectoryName(word)!), Path.GetFileName(word)).Order(StringComparer.Ordinal))
                {
                    start.ArgumentList.Add(Path.GetRelativePath(folder, file));
                }
            }
            else
            {
                start.ArgumentList.Add(word);
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return [.. ((await output) + (await error)).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd())];
    }

    /// <summary>Whether the lines match, "..." standing for any number of lines and times in seconds for any time.</summary>
    private static bool Matches(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        static string Timeless(string line) => Seconds().Replace(line, "# s");

        bool From(int e, int a)
        {
            if (e == expected.Count)
            {
                return a == actual.Count;
            }

            if (expected[e] == "...")
            {
                for (var skip = a; skip <= actual.Count; skip++)
                {
                    if (From(e + 1, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            return a < actual.Count && Timeless(expected[e]) == Timeless(actual[a]) && From(e + 1, a + 1);
        }

        return From(0, 0);
    }

    [GeneratedRegex("```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex TextBlocks();

    [GeneratedRegex(@"^\$ printf '(.*)' \| (configurator .*)$")]
    private static partial Regex PipedInput();

    [GeneratedRegex(@"\b\d+\.\d+ s\b")]
    private static partial Regex Seconds();
}
