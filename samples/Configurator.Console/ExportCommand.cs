using System.CommandLine;
using Configurator.Exporters;

namespace Configurator.Console;

/// <summary><c>configurator export MODEL --to uvl|dimacs|xcsp [-o FILE]</c>: writes a model for other tools, keeping its configurations exactly.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var to = new Option<string>("--to") { Description = "uvl (flamapy, FeatureIDE), dimacs (sharpSAT, d4) or xcsp (XCSP 2.1 constraint solvers).", Required = true };
        to.AcceptOnlyFromAmong("uvl", "dimacs", "xcsp");
        var target = new Option<string?>("--output", "-o") { Description = "Where to write (standard output when left out)." };
        var command = new Command("export", "Write a model as UVL, DIMACS CNF or XCSP 2.1 with exactly the same configurations, for other tools.") { model, to, target };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(model)!;
            if (ModelFiles.Compile(path, error, cancellationToken) is not { } compiled)
            {
                return ExitCodes.BadInput;
            }

            var format = parsed.GetValue(to) switch
            {
                "dimacs" => ExportFormat.Dimacs,
                "xcsp" => ExportFormat.Xcsp,
                _ => ExportFormat.Uvl,
            };
            var result = ModelExporter.Export(compiled, format, cancellationToken);
            if (result.Text is not { } text)
            {
                error.WriteLine($"configurator: {path} cannot be written as {format} without changing its configurations:");
                foreach (var problem in result.Errors)
                {
                    error.WriteLine($"  {problem}");
                }

                return ExitCodes.BadInput;
            }

            foreach (var warning in result.Warnings)
            {
                error.WriteLine($"configurator: warning: {warning}");
            }

            if (parsed.GetValue(target) is { } destination)
            {
                File.WriteAllText(destination, text);
                output.WriteLine($"{path} -> {destination} ({format}, {compiled.Model.Modules.Count} modules)");
            }
            else
            {
                output.Write(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
