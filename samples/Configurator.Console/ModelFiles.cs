using Configurator.Serialization;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary>Loads and compiles the model a command names, reporting problems as a console user needs them.</summary>
internal static class ModelFiles
{
    /// <summary>The compiled model, or null after writing why not (every error, with JSON paths).</summary>
    public static CompiledModel? Compile(string path, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"configurator: {path}: {(Directory.Exists(path) ? "this is a folder; name a model file" : "there is no such file")}.");
            return null;
        }

        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            error.WriteLine($"configurator: {path} is empty; a model is a JSON model file, or an XCSP, FeatureIDE, SPL Conqueror, DIMACS or UVL file to import.");
            return null;
        }

        Configurator.Modeling.ProductModel? model;
        System.Collections.Immutable.ImmutableArray<Configurator.Validation.ModelError> loadErrors = [];
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var format = Configurator.Importers.ModelImporter.Detect(text)
            ?? (extension switch
            {
                ".cnf" or ".dimacs" => Configurator.Importers.ImportFormat.Dimacs,
                ".uvl" => Configurator.Importers.ImportFormat.Uvl,
                _ => null,
            });
        if (format is not null || extension == ".xml")
        {
            // A third-party model (XCSP, FeatureIDE, SPL Conqueror, DIMACS, UVL) is converted first; a
            // .cnf file is read as DIMACS, a .uvl one as UVL and an .xml one as an import even when
            // their content is not recognised, so that the error is about that format rather than
            // about JSON. By path, so that a UVL file's imports are found beside it.
            var imported = Configurator.Importers.ModelImporter.ImportFile(path, format, cancellationToken);
            if (imported.Model is null)
            {
                error.WriteLine($"configurator: {path} could not be imported{(format is { } known ? $" as {known}" : "")}:");
                foreach (var problem in imported.Errors.Take(10))
                {
                    error.WriteLine($"  {problem}");
                }

                return null;
            }

            foreach (var warning in imported.Warnings)
            {
                error.WriteLine($"configurator: warning: {path} {warning}");
            }

            // Compiling validates the converted model; no need to write it as JSON and read it back.
            model = imported.Model;
        }
        else
        {
            var loaded = ProductModelJson.Load(text);
            (model, loadErrors) = (loaded.Model, loaded.Errors);
        }

        var compiled = model is null ? null : ModelCompiler.Compile(model, cancellationToken: cancellationToken);
        var errors = compiled?.Errors ?? loadErrors;
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
