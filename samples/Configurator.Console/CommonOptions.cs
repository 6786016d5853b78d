using System.CommandLine;
using System.Globalization;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary>Arguments and options several commands share, defined once.</summary>
internal static class CommonOptions
{
    public static Argument<string> Model() => new("model") { Description = "The model file: the JSON model format, or an XCSP, FeatureIDE, SPL Conqueror, DIMACS or UVL file, imported as it is read." };

    public static Option<string[]> Selections() => new("--select", "-s")
    {
        Description = "A selection: module=option, module=a+b for a multi-select module, module= for none; module+=option requires one option and module-=option rules one out, leaving the module's other options free. Repeat for several.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> Json() => new("--json") { Description = "Write the result as JSON." };

    public static Option<string?> Culture() => new("--culture")
    {
        Description = "The customer's culture, such as zh-CN or de-DE: names, messages and explanations from the model's labels for it, numbers and money in its format (JSON output keeps plain numbers). Left out: the model's own text and plain numbers.",
    };

    /// <summary>Reads --culture; false after writing why the name is not a culture.</summary>
    public static bool TryParseCulture(string? name, TextWriter error, out CultureInfo? culture)
    {
        culture = name is null ? null : Modeling.ModelText.FindCulture(name);
        if (name is not null && culture is null)
        {
            error.WriteLine($"configurator: --culture '{name}' is not a culture this system knows; give a name such as en, zh-CN or de-DE.");
            return false;
        }

        return true;
    }

    /// <summary>Parses -s items; null after writing why they are malformed.</summary>
    public static Selection? ParseSelection(string[]? items, TextWriter error)
    {
        try
        {
            // module=... sets the whole module, so twice is a mistake; module+=... and module-=... add up.
            var repeated = (items ?? []).Select(i => i.Split('=')[0].Trim()).Where(m => !m.EndsWith('+') && !m.EndsWith('-'))
                .GroupBy(m => m, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null)
            {
                error.WriteLine($"configurator: module '{repeated.Key}' is selected {repeated.Count()} times; give it once (module=a+b selects several options, module+=a adds one).");
                return null;
            }

            return Selection.Parse(items ?? []);
        }
        catch (FormatException e)
        {
            error.WriteLine($"configurator: {e.Message}");
            return null;
        }
    }
}
