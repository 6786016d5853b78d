using System.Collections.Concurrent;
using System.Diagnostics;

namespace Configurator.Tests.Fuzzing;

/// <summary>One damaged input put through its check: any exception, or a run past the hang limit, is a failure named by its seed.</summary>
internal static class FuzzCase
{
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
