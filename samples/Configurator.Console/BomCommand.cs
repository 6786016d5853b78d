using System.CommandLine;
using System.Globalization;
using Configurator.Manufacturing;

namespace Configurator.Console;

/// <summary>
/// <c>configurator bom MODEL -s ...</c>: the bill of materials of one complete configuration;
/// <c>--orders FILE</c>: the parts a whole order history needs.
/// </summary>
internal static class BomCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var selections = CommonOptions.Selections();
        var orders = new Option<string?>("--orders") { Description = "Instead of one configuration: the parts every order in this history needs (JSON Lines, one order per line)." };
        var json = CommonOptions.Json();
        var cultureOption = CommonOptions.Culture();
        var command = new Command("bom", "The bill of materials of a complete configuration (its options' parts and the matching BOM rules', summed per part), or the parts a set of orders needs.") { model, selections, orders, cultureOption, json };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(model)!;
            if (!CommonOptions.TryParseCulture(parsed.GetValue(cultureOption), error, out var culture))
            {
                return ExitCodes.BadInput;
            }

            BillOfMaterials bom;
            string heading;
            if (parsed.GetValue(orders) is { } ordersPath)
            {
                if (parsed.GetValue(selections) is { Length: > 0 })
                {
                    error.WriteLine("configurator: give either -s (one configuration) or --orders (a history), not both.");
                    return ExitCodes.BadInput;
                }

                if (OrderFiles.Read(path, ordersPath, error, cancellationToken) is not var (compiled, history))
                {
                    return ExitCodes.BadInput;
                }

                bom = BillOfMaterials.Demand(compiled, history.Orders, culture);
                heading = $"Parts for {Wording.Count(history.Orders.Length, "order", culture: culture)} ({Wording.Count(history.Orders.Sum(o => (long)o.Quantity), "unit", culture: culture)})";
            }
            else
            {
                if (ModelFiles.Compile(path, error, cancellationToken) is not { } compiled
                    || CommonOptions.ParseSelection(parsed.GetValue(selections), error) is not { } configuration)
                {
                    return ExitCodes.BadInput;
                }

                bom = BillOfMaterials.Of(compiled, configuration, culture);
                heading = $"Bill of materials for {configuration}";
            }

            if (parsed.GetValue(json))
            {
                JsonOutput.Write(output, writer =>
                {
                    writer.WriteStartArray("lines");
                    foreach (var line in bom.Lines)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("part", line.PartId);
                        writer.WriteString("name", line.Name);
                        writer.WriteString("quantity", line.Quantity.ToString(CultureInfo.InvariantCulture));
                        writer.WriteString("unit", line.Unit);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                });
                return ExitCodes.Success;
            }

            output.WriteLine(heading + (bom.Lines.IsEmpty ? ": no parts (the model names none for it)." : ":"));
            var idWidth = bom.Lines.Select(l => l.PartId.Length).DefaultIfEmpty(0).Max();
            var nameWidth = bom.Lines.Select(l => Wording.Cells(l.Name)).DefaultIfEmpty(0).Max();
            foreach (var line in bom.Lines)
            {
                output.WriteLine($"  {line.PartId.PadRight(idWidth)}  {Wording.Pad(line.Name, nameWidth)}  {Wording.Number(line.Quantity, culture),10} {line.Unit}".TrimEnd());
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
