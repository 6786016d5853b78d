namespace Configurator.Tests;

/// <summary>Finds the repository's folders from the test's output directory.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Configurator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find Configurator.sln above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string SampleModels => Path.Combine(Root, "samples", "models");

    public static string SampleModel(string name) => Path.Combine(SampleModels, name);

    public static IEnumerable<string> AllSampleModels() => Directory.EnumerateFiles(SampleModels, "*.json").Order(StringComparer.Ordinal);

    /// <summary>The shared folder beside the repository, or null on a fresh clone that does not have it.</summary>
    public static string? Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }
}
