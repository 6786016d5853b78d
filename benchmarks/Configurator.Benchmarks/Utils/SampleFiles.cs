namespace Configurator.Benchmarks.Utils;

/// <summary>Finds the sample models from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class SampleFiles
{
    public static string Path(string name) => System.IO.Path.Combine(Repository, "samples", "models", name);

    /// <summary>A file of the third-party benchmark models in <c>../shared/benchmarks/models</c>, or null when that folder is absent.</summary>
    public static string? Shared(params string[] parts)
    {
        var path = System.IO.Path.Combine([Repository, "..", "shared", "benchmarks", "models", .. parts]);
        return File.Exists(path) ? System.IO.Path.GetFullPath(path) : null;
    }

    /// <summary>The repository's root (the folder holding Configurator.sln).</summary>
    public static string Repository
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Configurator.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository; Configurator.sln was not found.");
        }
    }
}
