using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using Configurator.Benchmarks.Utils;
using Configurator.Exporters;
using Configurator.Importers;
using Configurator.Solving;

namespace Configurator.Benchmarks.Peers;

/// <summary>
/// Counts every model of <c>../shared/benchmarks/models/counts.tsv</c> with our console
/// (<c>configurator count FILE</c>, whole process: the native tool linux-x64 users install, and the
/// framework-dependent one every other platform gets) and with sharpSAT in one run, and prints a table
/// of medians and ratios (markdown, also written to BenchmarkDotNet.Artifacts/counting.md). sharpSAT
/// reads a DIMACS model as is and every other model as our clauses written in DIMACS (a second,
/// independent count of the same configurations). Each count is checked against counts.tsv.
/// <c>--quick</c> takes one run per cell.
/// </summary>
internal static class CountingComparison
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PeerLimit = TimeSpan.FromSeconds(60);

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var runs = quick ? 1 : 3;
        var counts = SampleFiles.Shared("counts.tsv");
        if (counts is null)
        {
            Console.WriteLine("The models and their counts are read from ../shared/benchmarks/models, which is not beside this repository; nothing to compare.");
            return 0;
        }

        var console = Path.Combine(SampleFiles.Repository, "samples", "Configurator.Console", "bin", "Release", "net10.0", "Configurator.Console.dll");
        if (!File.Exists(console))
        {
            Console.WriteLine($"Build the console first (dotnet build -c Release); {console} is missing.");
            return 1;
        }

        var notes = new List<string>();
        var native = NativeConsole(notes);
        var sharpSat = SharpSatPeer.Prepare();
        if (sharpSat is not null)
        {
            notes.Add(sharpSat);
        }

        var table = new StringBuilder()
            .AppendLine("| model | digits | engine | Configurator, native tool | Configurator, framework-dependent | sharpSAT | native × sharpSAT | sharpSAT's input |")
            .AppendLine("|---|---:|---|---:|---:|---:|---:|---|");
        foreach (var line in File.ReadLines(counts).Where(l => !l.StartsWith('#') && l.Contains('\t')))
        {
            var parts = line.Split('\t');
            var file = SampleFiles.Shared(parts[0].Split('/'))!;
            var expected = BigInteger.Parse(parts[1], CultureInfo.InvariantCulture);
            Console.Error.WriteLine($"{parts[0]}: Configurator");
            var compiled = ModelCompiler.Compile(ModelImporter.ImportFile(file).GetModelOrThrow()).GetModelOrThrow();
            var framework = PeerComparison.Median(runs, () => Ours("dotnet", [console, "count", file]));
            Check(parts[0], "Configurator (framework-dependent)", expected, framework.Found, notes);
            var ours = framework;
            if (native is not null)
            {
                ours = PeerComparison.Median(runs, () => Ours(native, ["count", file]));
                Check(parts[0], "Configurator (native)", expected, ours.Found, notes);
            }

            var theirs = "skipped";
            var ratio = "–";
            var input = "–";
            if (sharpSat is null)
            {
                var dimacs = file.EndsWith(".dimacs", StringComparison.OrdinalIgnoreCase) ? file : WriteClauses(compiled, file);
                input = ReferenceEquals(dimacs, file) ? "the file" : "our clauses";
                Console.Error.WriteLine($"{parts[0]}: sharpSAT");
                if (SharpSatPeer.Count(dimacs, PeerLimit) is { } first)
                {
                    var peer = PeerComparison.Median(runs, () => runs == 1 ? first : SharpSatPeer.Count(dimacs, PeerLimit) ?? first);
                    Check(parts[0], "sharpSAT", expected, peer.Found, notes);
                    theirs = Duration(peer.Seconds);
                    ratio = $"{ours.Seconds / peer.Seconds:0.##}×";
                }
                else
                {
                    theirs = $"over {PeerLimit.TotalSeconds:0} s";
                }
            }

            Console.Error.WriteLine($"{parts[0]}: ours {Duration(ours.Seconds)} ({Duration(framework.Seconds)} framework-dependent), sharpSAT {theirs}");
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {parts[0]} | {expected.ToString(CultureInfo.InvariantCulture).Length:N0} | {compiled.Engine} | {(native is null ? "–" : Duration(ours.Seconds))} | {Duration(framework.Seconds)} | {theirs} | {ratio} | {input} |");
        }

        PeerComparison.Report("counting.md", $"{(quick ? "Quick run, one run per cell" : $"Medians of {runs} runs")}; whole process wall time (start-up, import, compile, count). Every count checked against counts.tsv.", table, notes);
        return 0;
    }

    /// <summary>Our console counting a file: the count it prints and the whole process's wall seconds.</summary>
    private static (BigInteger Count, double Seconds) Ours(string program, string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var (exit, output) = PeerProcess.Run(program, arguments, Directory.GetCurrentDirectory(), Timeout);
        var seconds = clock.Elapsed.TotalSeconds;
        var command = $"configurator {string.Join(' ', arguments.SkipWhile(a => a != "count"))}";
        if (exit == PeerProcess.TimedOut)
        {
            throw new InvalidOperationException($"{command} took over {Timeout.TotalMinutes} minutes.");
        }

        var first = output.Split('\n', StringSplitOptions.TrimEntries)[0];
        if (exit != 0 || !BigInteger.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new InvalidOperationException($"{command} failed: {output.Trim()}");
        }

        return (count, seconds);
    }

    /// <summary>
    /// The console as the linux-x64 tool package ships it, compiled ahead of time (what
    /// <c>dotnet pack -r linux-x64</c> packs); null, with a note, on another platform or when the
    /// publish fails (it links with clang or gcc).
    /// </summary>
    private static string? NativeConsole(List<string> notes)
    {
        if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier != "linux-x64")
        {
            notes.Add($"The native tool is built for linux-x64 only; this is {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}, so only the framework-dependent console ran.");
            return null;
        }

        Console.Error.WriteLine("publishing the native console (about a minute)");
        var folder = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", "native-console"));
        var project = Path.Combine(SampleFiles.Repository, "samples", "Configurator.Console");
        var (exit, output) = PeerProcess.Run("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", folder, "--nologo"], Directory.GetCurrentDirectory(), TimeSpan.FromMinutes(10));
        var program = Path.Combine(folder, "Configurator.Console");
        if (exit != 0 || !File.Exists(program))
        {
            notes.Add($"The native console could not be published (it links with clang or gcc), so only the framework-dependent console ran: {output.Trim().Split('\n')[^1]}");
            return null;
        }

        return program;
    }

    /// <summary>The model as a DIMACS file, as `configurator export --to dimacs` writes it (the clause engine's encoding, without the auxiliary variables that resolution removes cheaply).</summary>
    private static string WriteClauses(CompiledModel compiled, string file)
    {
        var path = Path.Combine(Path.GetTempPath(), $"configurator-{Path.GetFileNameWithoutExtension(file)}.cnf");
        File.WriteAllText(path, ModelExporter.Export(compiled, ExportFormat.Dimacs).GetTextOrThrow());
        return path;
    }

    private static void Check(string model, string counter, BigInteger expected, BigInteger found, List<string> notes)
    {
        if (expected != found)
        {
            notes.Add($"{counter} counted {found} configurations of {model} where counts.tsv says {expected}.");
        }
    }

    private static string Duration(double seconds) => seconds >= 1 ? $"{seconds:0.00} s" : $"{seconds * 1e3:0} ms";
}
