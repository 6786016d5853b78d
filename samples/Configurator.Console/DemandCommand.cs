using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Configurator.Customers;
using Configurator.Sessions;

namespace Configurator.Console;

/// <summary>
/// <c>configurator demand MODEL --orders FILE [--period FROM..TO] [--compare FROM..TO|none] [--presets K] [--distance D]</c>:
/// which options sell against how much variety they make up, their trends, what nobody orders,
/// and standard products mined from the orders.
/// </summary>
internal static class DemandCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var orders = new Option<string>("--orders") { Description = "The order history: JSON Lines, one order per line.", Required = true };
        var period = new Option<string?>("--period") { Description = "The period to analyse, FROM..TO (yyyy-MM-dd); the whole history by default." };
        var compare = new Option<string?>("--compare") { Description = "The period the trend compares with, FROM..TO, or none; with --period, the period of the same length just before it by default." };
        var presets = new Option<int>("--presets") { Description = "Mine this many standard products from the orders (greedy coverage); none by default." };
        var distance = new Option<int>("--distance") { Description = "An order is covered by a mined preset that differs from it in at most this many modules.", DefaultValueFactory = _ => 1 };
        var json = CommonOptions.Json();
        var command = new Command("demand", "Compare what customers order with the variety the model offers: per option its share of units and of the valid configurations, trends, unordered options and mined presets.")
        {
            model, orders, period, compare, presets, distance, json,
        };
        command.SetAction(parsed =>
        {
            DemandPeriod? analysed = null;
            if (parsed.GetValue(period) is { } text && (analysed = OrderFiles.Period(text, "--period", error)) is null)
            {
                return ExitCodes.BadInput;
            }

            var earlier = analysed?.Before();
            if (parsed.GetValue(compare) is { } against)
            {
                if (against == "none")
                {
                    earlier = null;
                }
                else if ((earlier = OrderFiles.Period(against, "--compare", error)) is null)
                {
                    return ExitCodes.BadInput;
                }
            }

            var (count, maxDistance) = (parsed.GetValue(presets), parsed.GetValue(distance));
            if (count < 0 || maxDistance < 0)
            {
                error.WriteLine($"configurator: --presets and --distance are whole numbers of at least 0; they are {count} and {maxDistance}.");
                return ExitCodes.BadInput;
            }

            if (OrderFiles.Read(parsed.GetValue(model)!, parsed.GetValue(orders)!, error, cancellationToken) is not var (compiled, history))
            {
                return ExitCodes.BadInput;
            }

            var report = DemandAnalysis.Analyze(compiled, history, analysed, earlier, cancellationToken);
            var mined = count > 0 ? DemandAnalysis.MinePresets(compiled, history, count, maxDistance, analysed, cancellationToken: cancellationToken) : null;
            if (parsed.GetValue(json))
            {
                WriteJson(output, compiled.Model.Id, report, mined);
            }
            else
            {
                WriteText(output, compiled.Model.Id, report, mined);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, string modelId, DemandReport report, MinedPresets? mined)
    {
        var span = report.Period is { } p ? $" from {p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd}" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{modelId}: {report.Orders:N0} orders, {report.Units:N0} units{span}"));
        if (report.NotAllowedOrders > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {report.NotAllowedOrders:N0} orders the model no longer allows are left out of the shares."));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Variety: {report.DistinctConfigurations:N0} distinct configurations ordered (external) of {report.ValidConfigurations:N0} valid ones (internal)"));
        if (report.Earlier is { } e)
        {
            output.WriteLine($"Trend: order share now minus in {e.From:yyyy-MM-dd}..{e.To:yyyy-MM-dd}, in percentage points");
        }

        var width = Math.Max(6, report.Options.Max(o => $"{o.ModuleId}={o.OptionId}".Length));
        output.WriteLine($"{"option".PadRight(width)}     units   ordered  of space    lift    trend");
        foreach (var option in report.Options)
        {
            var lift = option.Lift is { } l ? l.ToString("0.00", CultureInfo.InvariantCulture) : "-";
            var trend = option.Trend is { } t ? (t * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{$"{option.ModuleId}={option.OptionId}".PadRight(width)}  {option.Units,8:N0}  {option.OrderShare,8:P1}  {option.SpaceShare,8:P1}  {lift,6}  {trend,7}"));
        }

        var unordered = report.Unordered;
        output.WriteLine(unordered.IsEmpty
            ? "Every option was ordered."
            : $"Nobody ordered ({unordered.Length}; candidates to drop): {string.Join(", ", unordered.Select(o => $"{o.ModuleId}={o.OptionId}"))}");
        if (mined is null)
        {
            return;
        }

        var within = mined.MaxDistance == 0 ? "exactly" : mined.MaxDistance == 1 ? "within 1 module" : $"within {mined.MaxDistance} modules";
        output.WriteLine($"Presets mined from {mined.Candidates:N0} ordered configurations, covering orders {within}:");
        for (var i = 0; i < mined.Presets.Length; i++)
        {
            var preset = mined.Presets[i];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {i + 1,2}. {preset.Coverage,6:P1} (+{preset.NewUnits:N0} units, {preset.ExactUnits:N0} exactly)  {preset.Configuration}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The model's own presets cover {mined.ModelPresetsCoverage:P1} {within}."));
    }

    private static void WriteJson(TextWriter output, string modelId, DemandReport report, MinedPresets? mined) => JsonOutput.Write(output, writer =>
    {
        writer.WriteString("model", modelId);
        WritePeriod("period", report.Period);
        WritePeriod("comparedWith", report.Earlier);
        writer.WriteNumber("orders", report.Orders);
        writer.WriteNumber("units", report.Units);
        writer.WriteNumber("notAllowedOrders", report.NotAllowedOrders);
        writer.WriteNumber("distinctConfigurations", report.DistinctConfigurations);
        writer.WriteString("validConfigurations", report.ValidConfigurations.ToString(CultureInfo.InvariantCulture));
        writer.WriteStartArray("options");
        foreach (var option in report.Options)
        {
            writer.WriteStartObject();
            writer.WriteString("module", option.ModuleId);
            writer.WriteString("option", option.OptionId);
            writer.WriteNumber("units", option.Units);
            writer.WriteNumber("orderShare", option.OrderShare);
            writer.WriteNumber("spaceShare", option.SpaceShare);
            WriteNumber("lift", option.Lift);
            WriteNumber("trend", option.Trend);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("unordered");
        foreach (var option in report.Unordered)
        {
            writer.WriteStringValue($"{option.ModuleId}={option.OptionId}");
        }

        writer.WriteEndArray();
        if (mined is null)
        {
            return;
        }

        writer.WriteStartObject("presets");
        writer.WriteNumber("maxDistance", mined.MaxDistance);
        writer.WriteNumber("candidates", mined.Candidates);
        writer.WriteNumber("modelPresetsCoverage", mined.ModelPresetsCoverage);
        writer.WriteStartArray("mined");
        foreach (var preset in mined.Presets)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("configuration");
            writer.WriteRawValue(ConfiguratorJson.Serialize(preset.Configuration));
            writer.WriteNumber("exactUnits", preset.ExactUnits);
            writer.WriteNumber("newUnits", preset.NewUnits);
            writer.WriteNumber("coverage", preset.Coverage);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        void WritePeriod(string name, DemandPeriod? value)
        {
            if (value is null)
            {
                writer.WriteNull(name);
                return;
            }

            writer.WriteStartObject(name);
            writer.WriteString("from", value.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("to", value.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        void WriteNumber(string name, double? value)
        {
            if (value is { } number)
            {
                writer.WriteNumber(name, number);
            }
            else
            {
                writer.WriteNull(name);
            }
        }
    });
}
