using System.Diagnostics;
using System.Text;
using Configurator.Console;
using Configurator.Serialization;
using Configurator.Tests.Solving;

namespace Configurator.Tests.Console;

/// <summary>
/// Hardening items 5 and 6, with real processes: SIGINT and SIGTERM end a long command within a
/// second with 130 or 143 and a message, and <c>configure</c> with standard input closed ends like
/// end of input instead of waiting for ever.
/// </summary>
[Collection(TimingTests.Name)]
public sealed class SignalTests : IDisposable
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("signals-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("count", "INT", ExitCodes.Cancelled)]
    [InlineData("domains", "INT", ExitCodes.Cancelled)]
    [InlineData("price", "INT", ExitCodes.Cancelled)]
    [InlineData("stats", "TERM", ExitCodes.Terminated)]
    [InlineData("enumerate", "TERM", ExitCodes.Terminated)]
    [InlineData("enumerate", "INT", ExitCodes.Cancelled)]
    public async Task SignalDuringALongCommand_EndsItWithinASecond(string command, string signal, int expected)
    {
        SkipUnlessLinux();
        var model = Path.Combine(_folder.FullName, "hard.json");
        await File.WriteAllTextAsync(model, ProductModelJson.Save(CancellationTests.HardModel()), TestContext.Current.CancellationToken);
        using var console = ConsoleProcess.Start(command, model);

        // Past start-up and loading: deep in compiling or counting, which takes minutes on this model.
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.False(console.Process.HasExited, $"{command} ended by itself: {console.Error}");
        var (exitCode, elapsed) = await console.SignalAndWait(signal);

        Assert.Equal(expected, exitCode);
        Assert.True(elapsed < WithinASecond, $"{command} took {elapsed.TotalMilliseconds:F0} ms after SIG{signal}");
        Assert.Matches(expected == ExitCodes.Cancelled ? "cancelled" : "cancelled|SIGTERM", console.Error);
        Assert.DoesNotContain("   at ", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigintWhileConfigureWaitsForALine_EndsItWithinASecond()
    {
        SkipUnlessLinux();
        using var console = ConsoleProcess.Start("configure", RepositoryPaths.SampleModel("car.json"));
        // The prompt has no line end, so wait for the page above it, then for the prompt's read.
        await console.WaitForOutput("valid configurations", TimeSpan.FromSeconds(30));
        await Task.Delay(700, TestContext.Current.CancellationToken);
        Assert.False(console.Process.HasExited, console.Error);
        var (exitCode, elapsed) = await console.SignalAndWait("INT");

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.True(elapsed < WithinASecond, $"configure took {elapsed.TotalMilliseconds:F0} ms after SIGINT");
        Assert.Contains("cancelled", console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", console.Output, StringComparison.Ordinal); // output redirected: no colours
    }

    [Fact]
    public async Task CtrlCTypedAtATerminal_EndsConfigureWith130WithinASecond()
    {
        SkipUnlessLinux();
        Assert.SkipUnless(File.Exists("/usr/bin/script"), "A pseudo-terminal needs util-linux's script.");
        using var console = ConsoleProcess.Start("configure", RepositoryPaths.SampleModel("car.json"), inTerminal: true);
        await console.WaitForOutput("valid configurations", TimeSpan.FromSeconds(30));
        await Task.Delay(700, TestContext.Current.CancellationToken);
        await console.Process.StandardInput.WriteAsync("body=");
        await console.Process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        var clock = Stopwatch.StartNew();
        await console.Process.StandardInput.WriteAsync('\u0003'); // Ctrl+C, as the keyboard sends it
        await console.Process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
        Assert.True(await console.WaitForExit(TimeSpan.FromSeconds(15)), "Ctrl+C did not end configure");
        var elapsed = clock.Elapsed;
        console.Process.WaitForExit();

        Assert.Equal(ExitCodes.Cancelled, console.Process.ExitCode);
        Assert.True(elapsed < WithinASecond, $"configure took {elapsed.TotalMilliseconds:F0} ms after Ctrl+C");
        Assert.Matches("body=\r?\n+configurator: cancelled\\.", console.Output.Replace("\u001b[0m", "", StringComparison.Ordinal)); // on a line of its own
        Assert.Contains("\u001b[", console.Output, StringComparison.Ordinal); // a terminal gets colours
    }

    [Fact]
    public async Task NoColorAtATerminal_ShowsTheTableWithoutColours()
    {
        SkipUnlessLinux();
        Assert.SkipUnless(File.Exists("/usr/bin/script"), "A pseudo-terminal needs util-linux's script.");
        using var console = ConsoleProcess.Start("configure", RepositoryPaths.SampleModel("window-rules.json"), inTerminal: true, noColor: true);
        await console.WaitForOutput("valid configurations", TimeSpan.FromSeconds(30));
        await console.Process.StandardInput.WriteAsync("done\r");
        await console.Process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);

        Assert.True(await console.WaitForExit(TimeSpan.FromSeconds(15)), "done did not end configure");
        console.Process.WaitForExit();
        Assert.Equal(ExitCodes.Success, console.Process.ExitCode);
        Assert.Contains("Rectangular (rect) (default)", console.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch("\u001b\\[[0-9;]*3[0-9]", console.Output); // no foreground colour
    }

    [Fact]
    public async Task ClosedOutputPipe_EndsEnumerateWithinASecondAndQuietly()
    {
        SkipUnlessLinux();
        var model = BigModel();

        // As `configurator enumerate big.json --format jsonl | head -2`: read two lines, then close the pipe.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Configurator.Console.dll"), "enumerate", model, "--format", "jsonl" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("{\"m0\":\"o0\"", await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.NotNull(await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken));
        var clock = Stopwatch.StartNew();
        process.StandardOutput.Dispose();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            Assert.Fail("a closed output pipe did not end enumerate (10^36 configurations)");
        }

        Assert.True(clock.Elapsed < WithinASecond, $"enumerate took {clock.Elapsed.TotalMilliseconds:F0} ms after the pipe closed");
        Assert.Equal(ExitCodes.ClosedPipe, process.ExitCode);
        Assert.Equal("", await errors);
    }

    [Fact]
    public async Task OutputRedirectedToAFile_FollowsWhatTheShellWroteBefore()
    {
        SkipUnlessLinux();
        var folder = Directory.CreateTempSubdirectory("configurator-redirect-");
        try
        {
            // As `(configurator count a; echo ---; configurator count b) > file`: each writes after the last.
            var console = $"dotnet '{Path.Combine(AppContext.BaseDirectory, "Configurator.Console.dll")}'";
            var file = Path.Combine(folder.FullName, "out.txt");
            var start = new ProcessStartInfo("sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"({console} count '{RepositoryPaths.SampleModel("window.json")}'; echo ---; {console} count '{RepositoryPaths.SampleModel("window-rules.json")}') > '{file}'");
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.Equal("1800\n---\n936\n", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task SigintDuringATableEnumeration_WritesTheRowsThenHowManyThenCancelled()
    {
        SkipUnlessLinux();
        using var console = ConsoleProcess.Start(["enumerate", BigModel(), "--format", "csv"], errorIntoOutput: true);
        await console.WaitForOutput("o0,o0,o0", TimeSpan.FromSeconds(30));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var (exitCode, _) = await console.SignalAndWait("INT");

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        var lines = console.Output.TrimEnd('\n').Split('\n');
        Assert.Equal("configurator: cancelled.", lines[^1]);
        var said = System.Text.RegularExpressions.Regex.Match(lines[^2], "^configurator: ([0-9,]+) configurations written in [0-9.]+ s before stopping\\.$");
        Assert.True(said.Success, lines[^2]);

        // Every row written comes before the two messages, and the count is the rows' (the header aside).
        Assert.Equal(long.Parse(said.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), lines.Length - 3);
    }

    [Fact]
    public async Task ProgressBarAtATerminal_ShowsTheCountAndRate_AndACancelledRunSaysHowMany()
    {
        SkipUnlessLinux();
        Assert.SkipUnless(File.Exists("/usr/bin/script"), "A pseudo-terminal needs util-linux's script.");
        using var console = ConsoleProcess.Start(["enumerate", BigModel(), "--format", "none"], inTerminal: true);
        await console.WaitForOutput("configurations, ", TimeSpan.FromSeconds(30));
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        await console.Process.StandardInput.WriteAsync('\u0003');
        await console.Process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
        Assert.True(await console.WaitForExit(TimeSpan.FromSeconds(15)), "Ctrl+C did not end enumerate");
        console.Process.WaitForExit();

        Assert.Equal(ExitCodes.Cancelled, console.Process.ExitCode);
        Assert.Matches("[0-9,]+ of 1E\\+36 configurations, [0-9,]+/s", console.Output);
        Assert.Matches("configurator: [0-9,]+ configurations enumerated in [0-9.]+ s before stopping\\.", console.Output);
        Assert.Contains("configurator: cancelled.", console.Output, StringComparison.Ordinal);
    }

    /// <summary>36 modules of 10 options and no rules: 10^36 configurations, more than any run lists.</summary>
    private string BigModel()
    {
        var path = Path.Combine(_folder.FullName, "big.json");
        var modules = string.Join(",", Enumerable.Range(0, 36).Select(m => $"{{\"id\":\"m{m}\",\"options\":[{string.Join(",", Enumerable.Range(0, 10).Select(o => $"{{\"id\":\"o{o}\"}}"))}]}}"));
        File.WriteAllText(path, $"{{\"formatVersion\":1,\"id\":\"big\",\"modules\":[{modules}]}}");
        return path;
    }

    [Fact]
    public async Task ConfigureWithStandardInputClosed_EndsLikeEndOfInput()
    {
        SkipUnlessLinux();

        // The shell closes descriptor 0 before the runtime starts, as `configure car.json <&-` does.
        using var console = ConsoleProcess.Start("configure", RepositoryPaths.SampleModel("car.json"), closeInput: true);
        var exited = await console.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(exited, "configure waited for input that can never come");
        Assert.Equal(ExitCodes.Success, console.Process.ExitCode);
        Assert.Contains("Configuration: body=", console.Output, StringComparison.Ordinal);
    }

    private static void SkipUnlessLinux() =>
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Signals and closed descriptors are tested on Linux (env --default-signal, /proc).");

    /// <summary>The console as its own process, its output collected as it comes.</summary>
    private sealed class ConsoleProcess : IDisposable
    {
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();

        private ConsoleProcess(Process process) => Process = process;

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public string Error
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        public static ConsoleProcess Start(string command, string model, bool closeInput = false, bool inTerminal = false, bool noColor = false) =>
            Start([command, model], closeInput, inTerminal, noColor);

        public static ConsoleProcess Start(string[] args, bool closeInput = false, bool inTerminal = false, bool noColor = false, bool errorIntoOutput = false)
        {
            var console = Path.Combine(AppContext.BaseDirectory, "Configurator.Console.dll");

            // A test host started in the background inherits SIGINT ignored, and .NET keeps an ignored
            // signal ignored; env --default-signal gives the console the disposition a terminal would.
            var start = new ProcessStartInfo("/bin/sh")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var run = "exec env --default-signal=INT dotnet " + string.Join(" ", new[] { console }.Concat(args).Select(a => $"'{a}'"));
            start.ArgumentList.Add("-c");

            // In a terminal: util-linux's script gives the console a pseudo-terminal, whose line
            // discipline turns a typed Ctrl+C into SIGINT as a real terminal does (-e: its exit code).
            start.ArgumentList.Add(inTerminal ? "exec script -qefc \"$0\" /dev/null" : $"{run}{(closeInput ? " <&-" : "")}{(errorIntoOutput ? " 2>&1" : "")}");
            start.ArgumentList.Add(run);
            if (noColor)
            {
                start.Environment["NO_COLOR"] = "1";
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var result = new ConsoleProcess(process);
            process.OutputDataReceived += (_, e) => Append(result._output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(result._error, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return result;
        }

        public async Task WaitForOutput(string text, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                Assert.True(clock.Elapsed < limit && !Process.HasExited, $"no '{text}' in the output: {Output}{Error}");
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        public async Task<bool> WaitForExit(TimeSpan limit)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(limit);
            try
            {
                await Process.WaitForExitAsync(timeout.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public async Task<(int ExitCode, TimeSpan Elapsed)> SignalAndWait(string signal)
        {
            var clock = Stopwatch.StartNew();
            // The shell's own kill: a fresh machine may have no /bin/kill (procps).
            using (var kill = Process.Start("/bin/sh", ["-c", $"kill -{signal} {Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]))
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            Assert.True(await WaitForExit(TimeSpan.FromSeconds(15)), $"SIG{signal} did not end the process");
            var elapsed = clock.Elapsed;
            Process.WaitForExit(); // drains the output
            return (Process.ExitCode, elapsed);
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }

        private static void Append(StringBuilder builder, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (builder)
            {
                builder.Append(line).Append('\n');
            }
        }
    }
}
