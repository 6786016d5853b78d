using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Configurator.Benchmarks.Utils;
using Configurator.Solving;

namespace Configurator.Benchmarks.Peers;

/// <summary>
/// Enumerates the same models with Configurator, Gecode and CP-SAT in one run and prints a table of
/// medians, rates and ratios (markdown, also written to BenchmarkDotNet.Artifacts/peers.md). Each
/// peer's number of solutions is checked against ours. <c>--quick</c> runs smaller limits and
/// fewer repetitions (about a minute).
/// </summary>
internal static class PeerComparison
{
    private const int Runs = 5;
    private const double MinimumSeconds = 0.05;

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var limit = quick ? 1_000_000L : 10_000_000L;
        var cpSatLimit = quick ? 10_000L : 30_000L;
        var models = new[] { "window", "credit-card", "ring-60x8", "renault" };

        var notes = new List<string>();
        var gecode = GecodePeer.Prepare();
        if (gecode is not null)
        {
            notes.Add(gecode);
        }

        var table = new StringBuilder();
        table.AppendLine("| model | enumerated | Configurator median | configurations/s | bytes/configuration | Gecode configurations/s | × Gecode | CP-SAT configurations/s | × CP-SAT |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var name in models)
        {
            if (!Models.IsAvailable(name))
            {
                notes.Add(Models.Missing(name));
                continue;
            }

            Console.Error.WriteLine($"{name}: compiling");
            var compiled = Models.Compile(name);
            var plain = PlainModel.From(compiled) ?? throw new InvalidOperationException($"{name} has a constraint the peers cannot read.");
            var file = Path.Combine(Path.GetTempPath(), $"configurator-peer-{name}.txt");
            File.WriteAllText(file, plain.ToText());

            Console.Error.WriteLine($"{name}: Configurator");
            var (found, seconds, bytes) = Ours(compiled, limit, quick ? 3 : Runs);
            var rate = found / seconds;

            var gecodeCell = ("skipped", "–");
            if (gecode is null)
            {
                Console.Error.WriteLine($"{name}: Gecode");
                var (gecodeFound, gecodeSeconds) = Median(quick ? 1 : 3, () => GecodePeer.Enumerate(file, limit));
                Check(name, "Gecode", found, gecodeFound, notes);
                gecodeCell = (Rate(gecodeFound / gecodeSeconds), Ratio(rate, gecodeFound / gecodeSeconds));
            }

            Console.Error.WriteLine($"{name}: CP-SAT");
            var (cpSatFound, cpSatSeconds) = Median(quick ? 1 : 3, () => CpSatPeer.Enumerate(plain, Math.Min(limit, cpSatLimit)));
            Check(name, "CP-SAT", Math.Min(found, cpSatLimit), cpSatFound, notes);

            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {found:N0} | {Duration(seconds)} | {Rate(rate)} | {bytes:0.###} | {gecodeCell.Item1} | {gecodeCell.Item2} | {Rate(cpSatFound / cpSatSeconds)} | {Ratio(rate, cpSatFound / cpSatSeconds)} |");
        }

        Report("peers.md", $"Machine: {Machine()}; {(quick ? "quick" : "full")} run: Configurator and Gecode up to {limit:N0} configurations per model, CP-SAT up to {cpSatLimit:N0} (its rate is steady well before that).", table, notes);
        return 0;
    }

    /// <summary>Prints a side-by-side table with its heading and notes, and writes it to BenchmarkDotNet.Artifacts/<paramref name="file"/>.</summary>
    internal static void Report(string file, string heading, StringBuilder table, IEnumerable<string> notes)
    {
        var report = new StringBuilder().AppendLine(heading).AppendLine().Append(table);
        foreach (var note in notes)
        {
            report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Note: {note}");
        }

        Console.WriteLine(report);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        File.WriteAllText(Path.Combine("BenchmarkDotNet.Artifacts", file), report.ToString());
    }

    /// <summary>Our enumeration into a handler that reads one value: median seconds per call (repeated to at least 50 ms) and bytes allocated per configuration.</summary>
    private static (long Found, double Seconds, double Bytes) Ours(CompiledModel model, long limit, int runs)
    {
        // One handler for every call, so the JIT's profile-guided inlining sees the one it will run.
        long sink = 0;
        ConfigurationHandler handler = view => sink += view.GetValueIndex(0);
        var options = new EnumerateOptions { Limit = (ulong)limit };
        var found = (long)model.Enumerate(handler, options: options);
        // Warm up so the JIT's tiering settles, as BenchmarkDotNet would: a method is recompiled
        // fully optimized after 30 calls, which 10 million configurations a call would never reach.
        var small = new EnumerateOptions { Limit = 1_000 };
        for (var i = 0; i < 200; i++)
        {
            model.Enumerate(handler, options: small);
        }

        Thread.Sleep(500);
        var repeat = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 0.5)
        {
            model.Enumerate(handler, options: options);
            repeat++;
        }

        repeat = Math.Max(1, (int)(repeat * MinimumSeconds / clock.Elapsed.TotalSeconds));

        var times = new List<double>();
        var allocated = 0L;
        for (var run = 0; run < runs; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            for (var i = 0; i < repeat; i++)
            {
                model.Enumerate(handler, options: options);
            }

            times.Add(clock.Elapsed.TotalSeconds / repeat);
            allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / repeat;
        }

        GC.KeepAlive(sink);
        return (found, times.Order().ElementAt(times.Count / 2), (double)allocated / found);
    }

    /// <summary>The run of median seconds among <paramref name="runs"/>.</summary>
    internal static (T Found, double Seconds) Median<T>(int runs, Func<(T Found, double Seconds)> run)
    {
        var results = Enumerable.Range(0, runs).Select(_ => run()).OrderBy(r => r.Seconds).ToList();
        return results[results.Count / 2];
    }

    private static void Check(string model, string peer, long expected, long found, List<string> notes)
    {
        if (expected != found)
        {
            notes.Add($"{peer} found {found:N0} configurations of {model} where Configurator found {expected:N0}: the models differ, so that row's ratio is not comparable.");
        }
    }

    private static string Rate(double perSecond) => perSecond switch
    {
        >= 1e9 => $"{perSecond / 1e9:0.##} G",
        >= 1e6 => $"{perSecond / 1e6:0.##} M",
        >= 1e3 => $"{perSecond / 1e3:0.##} k",
        _ => $"{perSecond:0}",
    };

    private static string Ratio(double ours, double theirs) => theirs > 0 ? $"{ours / theirs:N0}×" : "–";

    private static string Duration(double seconds) => seconds switch
    {
        >= 1 => $"{seconds:0.00} s",
        >= 1e-3 => $"{seconds * 1e3:0.00} ms",
        _ => $"{seconds * 1e6:0.0} µs",
    };

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
