using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Configurator.Benchmarks.Utils;

namespace Configurator.Benchmarks.Peers;

/// <summary>
/// sharpSAT, the reference exact model counter, as a counting peer: built on first use with cmake
/// from <c>../shared/peers/sharpSAT</c> against Debian's GMP (install: <c>sudo apt-get install -y
/// cmake g++ libgmp-dev</c>), run as a process on a DIMACS file. Absent the source or the tools,
/// the peer says so and is skipped.
/// </summary>
internal static class SharpSatPeer
{
    private static string Build => Path.Combine(SampleFiles.Repository, "benchmarks", "peers", "sharpsat", "build");

    private static string Program => Path.Combine(Build, "sharpSAT");

    /// <summary>Builds the peer when needed; null when it is ready, else why it is not.</summary>
    public static string? Prepare()
    {
        if (File.Exists(Program))
        {
            return null;
        }

        var source = Path.Combine(SampleFiles.Repository, "..", "shared", "peers", "sharpSAT");
        if (!Directory.Exists(source))
        {
            return "sharpSAT's source is read from ../shared/peers/sharpSAT, which is not beside this repository; the sharpSAT column is skipped.";
        }

        if (!File.Exists("/usr/include/gmpxx.h") && !File.Exists("/usr/include/x86_64-linux-gnu/gmpxx.h"))
        {
            return "GMP's C++ headers are not installed; install them with 'sudo apt-get install -y cmake g++ libgmp-dev' to add the sharpSAT column.";
        }

        var (configured, output) = Run("cmake", ["-S", source, "-B", Build, "-DCMAKE_BUILD_TYPE=Release"], Directory.GetCurrentDirectory());
        if (configured == 0)
        {
            (configured, output) = Run("make", ["-C", Build, "-j2", "sharpSAT"], Directory.GetCurrentDirectory());
        }

        return configured == 0 && File.Exists(Program) ? null : $"Building sharpSAT failed ({output.Trim()[^Math.Min(200, output.Trim().Length)..]}); the sharpSAT column is skipped.";
    }

    /// <summary>Counts a DIMACS file: the count and the whole process's wall seconds; null past the time limit.</summary>
    public static (BigInteger Count, double Seconds)? Count(string dimacsFile, TimeSpan limit)
    {
        // sharpSAT writes data.out into its working directory: give it a directory of its own.
        var directory = Directory.CreateTempSubdirectory("configurator-sharpsat-");
        try
        {
            var clock = Stopwatch.StartNew();
            var (exit, output) = Run(Program, [dimacsFile], directory.FullName, limit);
            var seconds = clock.Elapsed.TotalSeconds;
            if (exit == PeerProcess.TimedOut)
            {
                return null;
            }

            var lines = output.Split('\n', StringSplitOptions.TrimEntries);
            var at = Array.IndexOf(lines, "# solutions");
            if (exit != 0 || at < 0 || at + 1 >= lines.Length)
            {
                throw new InvalidOperationException($"sharpSAT failed on {dimacsFile}: {output.Trim()}");
            }

            return (BigInteger.Parse(lines[at + 1], CultureInfo.InvariantCulture), seconds);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static (int Exit, string Output) Run(string file, string[] arguments, string directory, TimeSpan? limit = null) => PeerProcess.Run(file, arguments, directory, limit);
}
