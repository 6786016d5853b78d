using System.CommandLine;
using System.Text.Json;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary><c>configurator domains MODEL [-s ...]</c>: the options still available per module, and why the others are not.</summary>
internal static class DomainsCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var selections = CommonOptions.Selections();
        var json = CommonOptions.Json();
        var command = new Command("domains", "Show the options still available in each module, and explain the others.") { model, selections, json };
        command.SetAction(parsed =>
        {
            if (ModelFiles.Compile(parsed.GetValue(model)!, error, cancellationToken) is not { } compiled
                || CommonOptions.ParseSelection(parsed.GetValue(selections), error) is not { } within)
            {
                return ExitCodes.BadInput;
            }

            var (session, conflict) = SessionWithin.Start(compiled, within, cancellationToken);
            if (conflict is not null)
            {
                error.WriteLine($"configurator: the selections conflict ({string.Join(", ", conflict.Explanation?.Selections ?? default)}): {conflict.Explanation}");
                return ExitCodes.InvalidConfiguration;
            }

            var unavailable = session.State.Modules.ToDictionary(
                m => m.ModuleId,
                m => m.Options.Where(o => !o.IsAvailable).Select(o => (o.OptionId, Explanation: session.Explain(m.ModuleId, o.OptionId, cancellationToken)!)).ToList());
            if (parsed.GetValue(json))
            {
                WriteJson(session, unavailable, output);
                return ExitCodes.Success;
            }

            var width = session.State.Modules.Max(m => m.ModuleId.Length);
            foreach (var module in session.State.Modules)
            {
                var chosen = module.Source == SelectionSource.None ? "" : $"   [{module.Source.ToString().ToLowerInvariant()}: {(module.SelectedOptionIds.IsEmpty ? "none" : string.Join("+", module.SelectedOptionIds))}]";
                output.WriteLine($"{module.ModuleId.PadRight(width)}  {string.Join(", ", module.AvailableOptionIds)}{chosen}");
                foreach (var (option, explanation) in unavailable[module.ModuleId])
                {
                    output.WriteLine($"{"".PadRight(width)}    not {option}: {Reason(explanation)}");
                }
            }

            output.WriteLine(Wording.Count(session.State.Completions, "valid configuration"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Reason(Explanation explanation)
    {
        var rules = explanation.Constraints.IsEmpty ? $"'{explanation.ModuleId}' permits no more" : string.Join("; ", explanation.Constraints.Select(c => $"{c.ConstraintId} ({c.Message})"));
        return explanation.Choices.IsEmpty ? rules : $"{rules} with {string.Join(", ", explanation.Selections)}";
    }

    private static void WriteJson(ConfigurationSession session, Dictionary<string, List<(string OptionId, Explanation Explanation)>> unavailable, TextWriter output)
    {
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject("available");
            foreach (var module in session.State.Modules)
            {
                writer.WriteStartArray(module.ModuleId);
                foreach (var option in module.AvailableOptionIds)
                {
                    writer.WriteStringValue(option);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("unavailable");
            foreach (var (moduleId, options) in unavailable.Where(u => u.Value.Count > 0))
            {
                writer.WriteStartObject(moduleId);
                foreach (var (optionId, explanation) in options)
                {
                    writer.WriteStartObject(optionId);
                    writer.WriteStartArray("constraints");
                    foreach (var constraint in explanation.Constraints)
                    {
                        writer.WriteStringValue(constraint.ConstraintId);
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("selections");
                    foreach (var selection in explanation.Selections)
                    {
                        writer.WriteStringValue(selection);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteString("count", session.State.Completions?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }
}
