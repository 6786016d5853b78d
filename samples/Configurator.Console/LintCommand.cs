using System.CommandLine;
using System.Text.Json;
using Configurator.Serialization;
using Configurator.Validation;

namespace Configurator.Console;

/// <summary><c>configurator lint MODEL...</c>: every error of every model, with JSON paths; exit 2 when there are any.</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var models = new Argument<string[]>("models")
        {
            Description = "Model files in the JSON model format.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON." };
        var command = new Command("lint", "Check product models and list every error with its JSON path.") { models, json };
        command.SetAction(parsed => Run(parsed.GetValue(models) ?? [], parsed.GetValue(json), output, error));
        return command;
    }

    private static int Run(string[] files, bool asJson, TextWriter output, TextWriter error)
    {
        var results = files.Select(file => (File: file, Errors: Lint(file))).ToList();
        if (asJson)
        {
            WriteJson(results, output);
        }
        else
        {
            foreach (var (file, errors) in results)
            {
                if (errors.IsEmpty)
                {
                    output.WriteLine($"{file}: ok");
                    continue;
                }

                error.WriteLine($"{file}: {errors.Length} error{(errors.Length == 1 ? "" : "s")}");
                foreach (var problem in errors)
                {
                    error.WriteLine($"  {problem}");
                }
            }
        }

        return results.All(r => r.Errors.IsEmpty) ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private static System.Collections.Immutable.ImmutableArray<ModelError> Lint(string file)
    {
        if (!File.Exists(file))
        {
            return [new ModelError("FileNotFound", "$", Directory.Exists(file) ? "This is a folder; name a model file." : "There is no such file.")];
        }

        // Every check compiling makes too (a module with too many selections, a preset that breaks
        // a rule), so that a model lint calls ok is one every other command accepts.
        var loaded = ProductModelJson.LoadFile(file);
        return loaded.Model is { } model ? Configurator.Solving.ModelCompiler.Compile(model).Errors : loaded.Errors;
    }

    private static void WriteJson(List<(string File, System.Collections.Immutable.ImmutableArray<ModelError> Errors)> results, TextWriter output)
    {
        JsonOutput.Write(output, writer =>
        {
            writer.WriteBoolean("valid", results.All(r => r.Errors.IsEmpty));
            writer.WriteStartArray("files");
            foreach (var (file, errors) in results)
            {
                writer.WriteStartObject();
                writer.WriteString("file", file);
                writer.WriteBoolean("valid", errors.IsEmpty);
                writer.WriteStartArray("errors");
                foreach (var problem in errors)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", problem.Code);
                    writer.WriteString("path", problem.Path);
                    writer.WriteString("message", problem.Message);
                    if (problem.Column is { } column)
                    {
                        writer.WriteNumber("column", column);
                    }

                    if (problem.Line is { } line)
                    {
                        writer.WriteNumber("line", line);
                        writer.WriteNumber("bytePosition", problem.BytePosition ?? 1);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }
}
