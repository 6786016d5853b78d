namespace Configurator.Tests.Importers;

/// <summary>The third-party benchmark models in ../shared; tests skip with a clear message when they are absent.</summary>
internal static class SharedModels
{
    public static string Path(params string[] parts)
    {
        var shared = RepositoryPaths.Shared;
        if (shared is null)
        {
            Assert.Skip("The shared benchmark models (../shared/benchmarks/models, beside the repository) are absent; they are not part of a fresh clone.");
        }

        var path = System.IO.Path.Combine([shared, "benchmarks", "models", .. parts]);
        if (!File.Exists(path))
        {
            Assert.Skip($"{path} is absent.");
        }

        return path;
    }
}
