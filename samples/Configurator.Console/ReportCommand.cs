using System.CommandLine;

namespace Configurator.Console;

/// <summary><c>configurator report MODEL [-s ...] [-o report.html]</c>: a self-contained HTML page for a product manager.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var selections = CommonOptions.Selections();
        var target = new Option<string?>("--output", "-o") { Description = "Where to write the HTML page (standard output when left out)." };
        var cultureOption = CommonOptions.Culture();
        var command = new Command("report", "Write one self-contained HTML page (no network needed to view it): modules and options, the number of configurations, each option's share of them, the exact price distribution and the presets' prices.") { model, selections, target, cultureOption };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(model)!;
            if (ModelFiles.Compile(path, error, cancellationToken) is not { } compiled
                || CommonOptions.ParseSelection(parsed.GetValue(selections), error) is not { } within
                || !CommonOptions.TryParseCulture(parsed.GetValue(cultureOption), error, out var culture))
            {
                return ExitCodes.BadInput;
            }

            var (html, count) = HtmlReport.Render(compiled, within, culture, cancellationToken);
            if (parsed.GetValue(target) is { } destination)
            {
                File.WriteAllText(destination, html);
                output.WriteLine($"{path} -> {destination} ({Wording.Glance(count, "valid configuration")}; open it in a browser)");
            }
            else
            {
                output.Write(html);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
