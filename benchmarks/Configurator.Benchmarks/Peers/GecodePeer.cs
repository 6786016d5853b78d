using System.Diagnostics;
using System.Globalization;
using Configurator.Benchmarks.Utils;

namespace Configurator.Benchmarks.Peers;

/// <summary>
/// Gecode 6 as a peer: <c>benchmarks/peers/gecode/enumerate.cpp</c>, compiled on first use with
/// g++ against the Debian package (install: <c>sudo apt-get install -y libgecode-dev</c>), run on
/// the plain model. Absent Gecode or g++, the peer says so and is skipped.
/// </summary>
internal static class GecodePeer
{
    public const string InstallHint = "Gecode is not installed; install it with 'sudo apt-get install -y libgecode-dev' (Debian/Ubuntu) to add the Gecode column.";

    private static string Source => Path.Combine(SampleFiles.Repository, "benchmarks", "peers", "gecode", "enumerate.cpp");

    private static string Program => Path.Combine(SampleFiles.Repository, "benchmarks", "peers", "gecode", "bin", "enumerate");

    /// <summary>Compiles the peer when needed; null when it is ready, else why it is not.</summary>
    public static string? Prepare()
    {
        if (File.Exists(Program) && File.GetLastWriteTimeUtc(Program) >= File.GetLastWriteTimeUtc(Source))
        {
            return null;
        }

        if (!File.Exists("/usr/include/gecode/int.hh"))
        {
            return InstallHint;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Program)!);
        var (exit, output) = Run("g++", ["-O2", "-std=c++17", Source, "-o", Program, "-lgecodesearch", "-lgecodeint", "-lgecodekernel", "-lgecodesupport"]);
        return exit == 0 ? null : $"Compiling the Gecode peer failed ({output.Trim()}); the Gecode column is skipped.";
    }

    /// <summary>Enumerates up to <paramref name="limit"/> solutions; returns how many and the seconds the search took (parsing excluded).</summary>
    public static (long Found, double Seconds) Enumerate(string plainModelFile, long limit)
    {
        var (exit, output) = Run(Program, [plainModelFile, limit.ToString(CultureInfo.InvariantCulture)]);
        var parts = output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (exit != 0 || parts.Length < 2)
        {
            throw new InvalidOperationException($"The Gecode peer failed: {output.Trim()}");
        }

        return (long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static (int Exit, string Output) Run(string file, string[] arguments) => PeerProcess.Run(file, arguments, Directory.GetCurrentDirectory());
}
