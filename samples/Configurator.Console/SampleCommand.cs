using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Configurator.Modeling;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary>
/// <c>configurator sample MODEL [--t 2] [--uniform N] [--seed S] [--coverage FILE] [--json]</c>:
/// a t-wise covering sample (every valid pair of options, by default), N uniform samples with
/// their t-wise coverage, or the coverage of configurations from a file. Configurations are
/// written one per line as JSON objects, the form <c>enumerate --format jsonl</c> writes and
/// <c>--coverage</c> reads; the summary goes to standard error so the lines can be piped.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var strength = new Option<int>("--t") { Description = "Cover every valid combination of this many options: 1, 2 (pairwise) or 3.", DefaultValueFactory = _ => 2 };
        strength.AcceptOnlyFromAmong("1", "2", "3");
        var uniform = new Option<int?>("--uniform") { Description = "Draw this many configurations uniformly at random instead, and report their t-wise coverage." };
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed gives the same sample.", DefaultValueFactory = _ => 0 };
        var coverage = new Option<string?>("--coverage") { Description = "Report the t-wise coverage of the configurations in this file (JSON lines, as enumerate --format jsonl writes them)." };
        var json = CommonOptions.Json();
        var command = new Command("sample", "A t-wise covering sample (pairwise by default), uniform samples, or the coverage of given configurations.") { model, strength, uniform, seed, coverage, json };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(uniform) is < 1 or > 1_000_000)
            {
                error.WriteLine("configurator: --uniform takes a number of configurations from 1 to 1,000,000.");
                return ExitCodes.BadInput;
            }

            if (ModelFiles.Compile(parsed.GetValue(model)!, error, cancellationToken) is not { } compiled)
            {
                return ExitCodes.BadInput;
            }

            var t = parsed.GetValue(strength);
            IReadOnlyList<Selection> configurations;
            InteractionCoverage? measured;
            string? unmeasured = null;
            try
            {
                if (parsed.GetValue(coverage) is { } path)
                {
                    if (Read(path, compiled.Model, error) is not { } given)
                    {
                        return ExitCodes.BadInput;
                    }

                    configurations = [];
                    measured = compiled.MeasureCoverage(given, t, cancellationToken);
                }
                else if (parsed.GetValue(uniform) is { } count)
                {
                    configurations = compiled.SampleMany(count, parsed.GetValue(seed));
                    try
                    {
                        measured = compiled.MeasureCoverage(configurations, t, cancellationToken);
                    }
                    catch (InvalidOperationException e)
                    {
                        // The samples are what was asked for; a coverage too large to measure only loses the summary.
                        (measured, unmeasured) = (null, e.Message);
                    }
                }
                else
                {
                    var sample = compiled.SampleCovering(t, parsed.GetValue(seed), cancellationToken);
                    (configurations, measured) = (sample.Configurations, sample.Coverage);
                }
            }
            catch (InvalidOperationException e)
            {
                error.WriteLine($"configurator: {e.Message}");
                return ExitCodes.BadInput;
            }

            if (parsed.GetValue(json))
            {
                output.WriteLine(Json(compiled.Model, configurations, t, measured));
                return ExitCodes.Success;
            }

            foreach (var configuration in configurations)
            {
                output.WriteLine(Line(compiled.Model, configuration));
            }

            if (measured is null)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{configurations.Count:N0} configuration{(configurations.Count == 1 ? "" : "s")}; their {t}-wise coverage was not measured: {unmeasured}"));
                return ExitCodes.Success;
            }

            var what = t switch { 1 => "option choices", 2 => "pairs of option choices", _ => "triples of option choices" };
            var source = parsed.GetValue(coverage) is { } file ? $"{file}" : $"{configurations.Count:N0} configuration{(configurations.Count == 1 ? "" : "s")}";
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source} cover {measured.CoveredInteractions:N0} of {measured.ValidInteractions:N0} valid {what} ({measured.Ratio:P1}){(measured.InvalidConfigurations > 0 ? $"; {measured.InvalidConfigurations:N0} configuration(s) the model does not allow were skipped" : "")}."));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A configuration as one JSON object: an option id (or null) per single-select module, a list per multi-select one.</summary>
    private static string Line(ProductModel model, Selection configuration)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, model, configuration);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, ProductModel model, Selection configuration)
    {
        writer.WriteStartObject();
        foreach (var module in model.Modules)
        {
            var chosen = configuration.Choices.TryGetValue(module.Id, out var ids) ? ids : default;
            if (module.IsMultiSelect)
            {
                writer.WriteStartArray(module.Id);
                foreach (var id in chosen)
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
            }
            else if (chosen.Count == 0)
            {
                writer.WriteNull(module.Id);
            }
            else
            {
                writer.WriteString(module.Id, chosen[0]);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>The result as one JSON object; the coverage's numbers are null when it was not measured.</summary>
    private static string Json(ProductModel model, IReadOnlyList<Selection> configurations, int strength, InteractionCoverage? coverage)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("strength", strength);
            if (coverage is null)
            {
                foreach (var name in (string[])["validInteractions", "coveredInteractions", "coverage", "invalidConfigurations"])
                {
                    writer.WriteNull(name);
                }
            }
            else
            {
                writer.WriteNumber("validInteractions", coverage.ValidInteractions);
                writer.WriteNumber("coveredInteractions", coverage.CoveredInteractions);
                writer.WriteNumber("coverage", Math.Round(coverage.Ratio, 6));
                writer.WriteNumber("invalidConfigurations", coverage.InvalidConfigurations);
            }
            writer.WriteStartArray("configurations");
            foreach (var configuration in configurations)
            {
                Write(writer, model, configuration);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Configurations from JSON lines, or null after saying which line is wrong.</summary>
    private static List<Selection>? Read(string path, ProductModel model, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"configurator: {path}: there is no such file.");
            return null;
        }

        var configurations = new List<Selection>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    error.WriteLine($"configurator: {path}, line {number}: a configuration is a JSON object from module id to option id, list of ids, or null.");
                    return null;
                }

                var selection = Selection.Empty;
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (model.Modules.All(m => m.Id != property.Name))
                    {
                        error.WriteLine($"configurator: {path}, line {number}: the model has no module '{property.Name}'.");
                        return null;
                    }

                    string[] ids = property.Value.ValueKind switch
                    {
                        JsonValueKind.Null => [],
                        JsonValueKind.String => [property.Value.GetString()!],
                        JsonValueKind.Array when property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) => [.. property.Value.EnumerateArray().Select(e => e.GetString()!)],
                        _ => throw new JsonException($"'{property.Name}' must be an option id, a list of option ids, or null."),
                    };
                    selection = selection.With(property.Name, ids);
                }

                configurations.Add(selection);
            }
            catch (JsonException e)
            {
                error.WriteLine($"configurator: {path}, line {number}: not a configuration: {e.Message}");
                return null;
            }
        }

        return configurations;
    }
}
