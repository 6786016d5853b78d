using System.CommandLine;
using Configurator.Importers;
using Configurator.Serialization;

namespace Configurator.Console;

/// <summary><c>configurator import FILE [--from xcsp|featureide|dimacs|splc|uvl] [-o model.json]</c>: converts a third-party model to the JSON model format.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var file = new Argument<string>("file") { Description = "The third-party model." };
        var from = new Option<string?>("--from") { Description = "xcsp, featureide, dimacs, splc or uvl; recognised from the content when left out." };
        from.AcceptOnlyFromAmong("xcsp", "featureide", "dimacs", "splc", "uvl");
        var target = new Option<string?>("--output", "-o") { Description = "Where to write the model (standard output when left out)." };
        var command = new Command("import", "Convert an XCSP 2.1, FeatureIDE, DIMACS CNF, SPL Conqueror or UVL model to the JSON model format.") { file, from, target };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path))
            {
                error.WriteLine($"configurator: {path}: there is no such file.");
                return ExitCodes.BadInput;
            }

            ImportFormat? format = parsed.GetValue(from) switch
            {
                "xcsp" => ImportFormat.Xcsp,
                "featureide" => ImportFormat.FeatureIde,
                "dimacs" => ImportFormat.Dimacs,
                "splc" => ImportFormat.Splc,
                "uvl" => ImportFormat.Uvl,
                _ => null,
            };
            var result = ModelImporter.ImportFile(path, format, cancellationToken);
            if (result.Model is not { } model)
            {
                error.WriteLine($"configurator: {path} could not be imported:");
                foreach (var problem in result.Errors)
                {
                    error.WriteLine($"  {problem}");
                }

                return ExitCodes.BadInput;
            }

            foreach (var warning in result.Warnings)
            {
                error.WriteLine($"configurator: warning: {path} {warning}");
            }

            var json = ProductModelJson.Save(model);
            if (parsed.GetValue(target) is { } destination)
            {
                File.WriteAllText(destination, json);
                output.WriteLine($"{path} ({result.Format}) -> {destination}: {model.Modules.Count} modules, {model.Constraints.Count} constraints");
            }
            else
            {
                output.WriteLine(json);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
