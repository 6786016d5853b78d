namespace Configurator.Benchmarks.Utils;

/// <summary>Finds the sample models from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class SampleFiles
{
    public static string Path(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Configurator.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("Run the benchmarks from inside the repository; Configurator.sln was not found.")
            : System.IO.Path.Combine(directory.FullName, "samples", "models", name);
    }
}
