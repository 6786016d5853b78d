using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary><c>configurator stats MODEL</c>: modules, options, the count, and how many configurations use each option.</summary>
internal static class StatsCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var command = new Command("stats", "Count configurations per option, so that rarely used options (variety that costs more than it sells) stand out.") { model, json };
        command.SetAction(parsed =>
        {
            if (ModelFiles.Compile(parsed.GetValue(model)!, error, cancellationToken) is not { } compiled)
            {
                return ExitCodes.BadInput;
            }

            IReadOnlyList<OptionCount> counts;
            try
            {
                // Before the whole count, which on a model too large to count would run for hours first.
                counts = compiled.CountPerOption(cancellationToken: cancellationToken);
            }
            catch (ConfiguratorException e) when (e.Code == ConfiguratorErrorCodes.LimitExceeded)
            {
                error.WriteLine($"configurator: {parsed.GetValue(model)} has too many configurations to count within the engine's decision budget, so its options cannot be counted either; `configurator domains` shows which options are available and why the others are not.");
                return ExitCodes.BadInput;
            }

            var total = compiled.Count(cancellationToken: cancellationToken);
            double Share(BigInteger count) => Wording.Share(count, total);
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(output, writer =>
                {
                    writer.WriteNumber("modules", compiled.Model.Modules.Count);
                    writer.WriteNumber("options", counts.Count);
                    writer.WriteString("count", total.ToString(CultureInfo.InvariantCulture));
                    writer.WriteStartArray("optionCounts");
                    foreach (var count in counts)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("module", count.ModuleId);
                        writer.WriteString("option", count.OptionId);
                        writer.WriteString("count", count.Count.ToString(CultureInfo.InvariantCulture));
                        writer.WriteNumber("share", Share(count.Count));
                        writer.WriteBoolean("rare", Share(count.Count) < Wording.RareShare);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                });
                return ExitCodes.Success;
            }

            output.WriteLine($"{Wording.Count(compiled.Model.Modules.Count, "module")}, {Wording.Count(counts.Count, "option")}, {Wording.Count(total, "valid configuration")} ({compiled.Engine.ToString().ToLowerInvariant()} engine)");
            var width = counts.Max(c => c.ModuleId.Length + c.OptionId.Length + 1);
            foreach (var count in counts)
            {
                var share = Share(count.Count);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(count.ModuleId + "=" + count.OptionId).PadRight(width)}  {count.Count,14:N0}  {share,7:P1}  {Wording.Bar(share)}{(share < Wording.RareShare ? "  rare" : "")}").TrimEnd());
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
