using Configurator.Serialization;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary>Loads and compiles the model a command names, reporting problems as a console user needs them.</summary>
internal static class ModelFiles
{
    /// <summary>The compiled model, or null after writing why not (every error, with JSON paths).</summary>
    public static CompiledModel? Compile(string path, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"configurator: {path}: {(Directory.Exists(path) ? "this is a folder; name a model file" : "there is no such file")}.");
            return null;
        }

        var loaded = ProductModelJson.LoadFile(path);
        var compiled = loaded.Model is { } model ? ModelCompiler.Compile(model) : null;
        var errors = compiled?.Errors ?? loaded.Errors;
        if (compiled?.Model is { } result)
        {
            return result;
        }

        error.WriteLine($"configurator: {path} is not a valid model ({errors.Length} error{(errors.Length == 1 ? "" : "s")}; 'configurator lint {path}' lists them all):");
        foreach (var problem in errors.Take(10))
        {
            error.WriteLine($"  {problem}");
        }

        return null;
    }
}
