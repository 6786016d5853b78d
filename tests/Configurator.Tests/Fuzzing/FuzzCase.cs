using System.Collections.Concurrent;
using System.Diagnostics;

namespace Configurator.Tests.Fuzzing;

/// <summary>One damaged input put through its check: any exception, or a run past the hang limit, is a failure named by its seed.</summary>
internal static class FuzzCase
{
    /// <summary>
    /// The seeds a fuzz test runs: 0 to <paramref name="count"/> - 1, the same set every run. For a
    /// search by hand, <c>Configurator_FuzzFrom</c> starts them elsewhere (other inputs) and
    /// <c>Configurator_FuzzScale</c> runs that many times as many.
    /// </summary>
    public static (int From, int Count) Seeds(int count) =>
        (Setting("Configurator_FuzzFrom", 0), count * Setting("Configurator_FuzzScale", 1));

    private static int Setting(string name, int otherwise) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value >= 0 ? value : otherwise;

    public static void Run(int seed, string text, TimeSpan hangLimit, ConcurrentBag<string> failures, Action check)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            check();
        }
#pragma warning disable CA1031 // Any exception at all is the failure being looked for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failures.Add($"seed {seed}: {e.GetType().Name}: {e.Message}\n{text}");
        }

        if (clock.Elapsed > hangLimit)
        {
            failures.Add($"seed {seed}: took {clock.Elapsed.TotalSeconds:F1} s");
        }
    }
}
