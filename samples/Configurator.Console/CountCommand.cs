using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary><c>configurator count MODEL [-s ...]</c>: the exact number of valid configurations.</summary>
internal static class CountCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var selections = CommonOptions.Selections();
        var json = CommonOptions.Json();
        var command = new Command("count", "Count the valid configurations exactly, optionally within a partial selection.") { model, selections, json };
        command.SetAction(parsed =>
        {
            if (ModelFiles.Compile(parsed.GetValue(model)!, error, cancellationToken) is not { } compiled
                || CommonOptions.ParseSelection(parsed.GetValue(selections), error) is not { } within)
            {
                return ExitCodes.BadInput;
            }

            var count = compiled.Count(within, cancellationToken).ToString(CultureInfo.InvariantCulture);
            output.WriteLine(parsed.GetValue(json) ? JsonSerializer.Serialize(new Dictionary<string, string> { ["count"] = count }, ConsoleJsonContext.Default.DictionaryStringString) : count);
            return ExitCodes.Success;
        });
        return command;
    }
}
