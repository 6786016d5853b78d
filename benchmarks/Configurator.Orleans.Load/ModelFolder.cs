namespace Configurator.Orleans.Load;

/// <summary>Finds the model folder: the one given, or the repository's <c>samples/models</c> above the working folder or this program.</summary>
internal static class ModelFolder
{
    public static string Find(string? given)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "samples", "models");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return Path.GetFullPath(Path.Combine("samples", "models"));
    }
}
