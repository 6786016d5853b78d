using System.Diagnostics;
using System.Globalization;

namespace Configurator.Orleans.Load;

/// <summary>
/// What a silo process measures of itself since the run's last <c>reset</c>: how long each session
/// step took inside the silo (from the grain call's arrival at the grain to its answer, the storage
/// write included), the process's CPU time, allocation and garbage-collection pauses. Comparing the
/// in-silo latency with the client's shows whether a step waits inside the grain or on the way.
/// </summary>
internal sealed class SiloMeter : IIncomingGrainCallFilter
{
    private readonly Lock _gate = new();
    private List<double> _steps = [];
    private (TimeSpan Cpu, long Allocated, TimeSpan Paused, int Collections) _start = Now();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await context.Invoke();
        if (context.InterfaceMethod.Name == nameof(ISessionGrain.ChooseAsync))
        {
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (_gate)
            {
                _steps.Add(milliseconds);
            }
        }
    }

    /// <summary>Starts measuring afresh (the run's measured phase begins).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _steps = [];
            _start = Now();
        }
    }

    /// <summary>One line the run reads back: <c>meter steps p50 p99 cpu-seconds allocated-bytes paused-ms collections</c>.</summary>
    public string Line()
    {
        double[] steps;
        (TimeSpan Cpu, long Allocated, TimeSpan Paused, int Collections) start;
        lock (_gate)
        {
            steps = [.. _steps];
            start = _start;
        }

        Array.Sort(steps);
        var now = Now();
        return string.Create(CultureInfo.InvariantCulture,
            $"meter {steps.Length} {Percentile(steps, 0.5)} {Percentile(steps, 0.99)} {(now.Cpu - start.Cpu).TotalSeconds} {now.Allocated - start.Allocated} {(now.Paused - start.Paused).TotalMilliseconds} {now.Collections - start.Collections}");
    }

    /// <summary>A silo's line read back, or null when the line is not one.</summary>
    public static SiloMeasure? Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 8 || parts[0] != "meter")
        {
            return null;
        }

        double Number(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return new SiloMeasure((int)Number(1), Number(2), Number(3), Number(4), (long)Number(5), Number(6), (int)Number(7));
    }

    /// <summary>The value at fraction <paramref name="p"/> of sorted latencies (nearest rank), the client's and the silos' alike; 0 when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static (TimeSpan Cpu, long Allocated, TimeSpan Paused, int Collections) Now() =>
        (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
}

/// <summary>One silo's measured phase: steps served, their in-silo p50 and p99 (ms), CPU seconds, bytes allocated, GC pause (ms) and collections.</summary>
internal sealed record SiloMeasure(int Steps, double P50, double P99, double CpuSeconds, long Allocated, double PausedMilliseconds, int Collections)
{
    /// <summary>The steps this silo served and how long they took inside it.</summary>
    public string Latency() => string.Create(CultureInfo.InvariantCulture, $"{Steps:N0} steps, in the silo p50 {P50:F2} ms, p99 {P99:F2} ms");

    /// <summary>The process's CPU, allocation and pauses, per step over the <paramref name="steps"/> it served.</summary>
    public string Process(int steps) => string.Create(CultureInfo.InvariantCulture,
        $"CPU {CpuSeconds:F1} s ({CpuSeconds * 1000 / Math.Max(1, steps):F2} ms per step); allocated {Allocated / 1024.0 / Math.Max(1, steps):F0} KB per step; GC pauses {PausedMilliseconds / 1000:F1} s in {Collections:N0} collections");

    public override string ToString() => $"{Latency()}; {Process(Steps)}";
}
