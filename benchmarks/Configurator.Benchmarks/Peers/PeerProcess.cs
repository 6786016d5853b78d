using System.Diagnostics;

namespace Configurator.Benchmarks.Peers;

/// <summary>Runs a peer (or a tool that builds one) as a process and collects what it prints.</summary>
internal static class PeerProcess
{
    /// <summary>The exit code <see cref="Run"/> reports for a process it stopped at its time limit.</summary>
    public const int TimedOut = int.MinValue;

    /// <summary>Runs the program to its end (or its time limit); the exit code and standard output followed by standard error.</summary>
    public static (int Exit, string Output) Run(string file, string[] arguments, string directory, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit ?? Timeout.InfiniteTimeSpan))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (TimedOut, "");
            }

            return (process.ExitCode, output.Result + error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{file}: {e.Message}");
        }
    }
}
