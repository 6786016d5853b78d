using System.CommandLine;
using System.Text.Json;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary><c>configurator validate MODEL -s ...</c>: the verdict and every violation; exit 1 when invalid.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var model = CommonOptions.Model();
        var selections = CommonOptions.Selections();
        var json = CommonOptions.Json();
        var command = new Command("validate", "Check a complete configuration and list every constraint it breaks.") { model, selections, json };
        command.SetAction(parsed =>
        {
            if (ModelFiles.Compile(parsed.GetValue(model)!, error) is not { } compiled
                || CommonOptions.ParseSelection(parsed.GetValue(selections), error) is not { } configuration)
            {
                return ExitCodes.BadInput;
            }

            var report = compiled.Validate(configuration);
            if (parsed.GetValue(json))
            {
                WriteJson(report, output);
            }
            else
            {
                output.WriteLine(report.IsValid ? "valid" : $"invalid: {report.Violations.Count} violation{(report.Violations.Count == 1 ? "" : "s")}");
                foreach (var violation in report.Violations)
                {
                    output.WriteLine($"  {violation.ConstraintId ?? violation.ModuleId}: {violation.Message} ({string.Join(", ", violation.Selections)})");
                }
            }

            return report.IsValid ? ExitCodes.Success : ExitCodes.InvalidConfiguration;
        });
        return command;
    }

    private static void WriteJson(ValidationReport report, TextWriter output)
    {
        JsonOutput.Write(output, writer =>
        {
            writer.WriteBoolean("valid", report.IsValid);
            writer.WriteStartArray("violations");
            foreach (var violation in report.Violations)
            {
                writer.WriteStartObject();
                if (violation.ConstraintId is { } id)
                {
                    writer.WriteString("constraint", id);
                }
                else
                {
                    writer.WriteString("module", violation.ModuleId);
                }

                writer.WriteString("message", violation.Message);
                writer.WriteStartArray("selections");
                foreach (var selection in violation.Selections)
                {
                    writer.WriteStringValue(selection);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }
}
