using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Pricing.QuantityTiers;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary><c>configurator price MODEL [-s ...]</c>: the breakdown when complete; the exact min and max (with the cheapest and dearest completions) when partial.</summary>
internal static class PriceCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var selections = CommonOptions.Selections();
        var json = CommonOptions.Json();
        var cultureOption = CommonOptions.Culture();
        var quantity = new Option<int>("--quantity") { Description = "How many units are ordered: the total is for all of them (the lines are per unit).", DefaultValueFactory = _ => 1 };
        var tiers = new Option<string[]>("--tier") { Description = "A quantity discount: MIN:PERCENT, e.g. 10:5 for 5% off from 10 units. Repeat for several." };
        var personalize = new Option<string[]>("--personalize", "-p") { Description = "A personalization field: field=value. Repeat for several." };
        var command = new Command("price", "Price a complete configuration line by line, or give the exact price range of a partial one.") { model, selections, quantity, tiers, personalize, cultureOption, json };
        command.SetAction(parsed =>
        {
            if (ModelFiles.Compile(parsed.GetValue(model)!, error, cancellationToken) is not { } compiled
                || CommonOptions.ParseSelection(parsed.GetValue(selections), error) is not { } within
                || !CommonOptions.TryParseCulture(parsed.GetValue(cultureOption), error, out var culture))
            {
                return ExitCodes.BadInput;
            }

            if (parsed.GetValue(quantity) < 1)
            {
                error.WriteLine("configurator: --quantity must be at least 1.");
                return ExitCodes.BadInput;
            }

            var fields = (parsed.GetValue(personalize) ?? []).Select(item => item.Split('=', 2)).ToList();
            if (fields.Any(f => f.Length != 2))
            {
                error.WriteLine("configurator: --personalize takes field=value.");
                return ExitCodes.BadInput;
            }

            if (Pipeline(parsed.GetValue(tiers) ?? [], error) is not { } pipeline)
            {
                return ExitCodes.BadInput;
            }

            var request = new PricingRequest { Culture = culture, Quantity = parsed.GetValue(quantity), Personalization = fields.Select(f => new KeyValuePair<string, string>(f[0], f[1])).ToEquatableDictionary() };
            var complete = within.IsExact && compiled.Model.Modules.All(m => within.Choices.ContainsKey(m.Id));
            try
            {
                return complete ? Breakdown(compiled, pipeline, within, request, parsed.GetValue(json), output, error) : Range(compiled, pipeline, within, request, parsed.GetValue(json), output, error, cancellationToken);
            }
            catch (ConfiguratorException e) when (e is not InvalidSelectionException)
            {
                error.WriteLine($"configurator: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    /// <summary>
    /// The model's prices, then the order's quantity (always: the total is for every unit ordered)
    /// with the discount tiers given; null after saying why a tier is malformed.
    /// </summary>
    private static PricingPipeline? Pipeline(string[] tierItems, TextWriter error)
    {
        var tiers = new List<QuantityTier>();
        foreach (var item in tierItems)
        {
            var parts = item.Split(':');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min) || min < 1
                || !decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 100)
            {
                error.WriteLine($"configurator: --tier takes MIN:PERCENT with MIN at least 1 and PERCENT from 0 to 100, such as 10:5; '{item}' is not that.");
                return null;
            }

            tiers.Add(new QuantityTier(min, percent));
        }

        if (tiers.GroupBy(t => t.MinQuantity).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            error.WriteLine($"configurator: --tier names {twice.Key} units twice; give each quantity once.");
            return null;
        }

        return new PricingPipelineBuilder().AddQuantityTiers(new QuantityTierPricingOptions { Tiers = tiers }).Build();
    }

    private static int Breakdown(CompiledModel model, PricingPipeline pipeline, Selection configuration, PricingRequest request, bool json, TextWriter output, TextWriter error)
    {
        var report = model.Validate(configuration);
        if (!report.IsValid)
        {
            error.WriteLine($"configurator: the configuration is invalid: {string.Join("; ", report.Violations.Select(v => v.Message))}");
            return ExitCodes.InvalidConfiguration;
        }

        var breakdown = pipeline.Price(model, configuration, request);
        if (json)
        {
            JsonOutput.Write(output, writer =>
            {
                writer.WriteString("total", Amount(breakdown.Total));
                writer.WriteString("currency", breakdown.Total.Currency);
                writer.WriteNumber("quantity", request.Quantity);
                writer.WriteStartArray("lines");
                foreach (var line in breakdown.Lines)
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", line.Kind.ToString().ToLowerInvariant());
                    writer.WriteString("id", line.Id);
                    writer.WriteString("label", line.Label);
                    writer.WriteString("amount", line.Amount.ToString(CultureInfo.InvariantCulture));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
            return ExitCodes.Success;
        }

        var culture = request.Culture;
        var width = Math.Max(10, breakdown.Lines.Max(l => Wording.Cells(l.Label)));
        foreach (var line in breakdown.Lines)
        {
            output.WriteLine($"{Wording.Pad(line.Label, width)}  {Wording.LineAmount(line.Amount, culture),12}");
        }

        var total = request.Quantity == 1 ? "Total" : $"Total for {Wording.Count(request.Quantity, "unit", culture: culture)}";
        width = Math.Max(width, total.Length);
        output.WriteLine($"{Wording.Pad(total, width)}  {breakdown.Total.ToString(culture).PadLeft(12 + breakdown.Total.Currency.Length + 1)}");
        return ExitCodes.Success;
    }

    private static int Range(CompiledModel model, PricingPipeline pipeline, Selection within, PricingRequest request, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (pipeline.Range(model, within, request, cancellationToken) is not { } range)
        {
            error.WriteLine("configurator: no valid configuration extends these selections.");
            return ExitCodes.InvalidConfiguration;
        }

        if (json)
        {
            JsonOutput.Write(output, writer =>
            {
                writer.WriteString("min", Amount(range.Min));
                writer.WriteString("max", Amount(range.Max));
                writer.WriteString("currency", range.Min.Currency);
                writer.WriteNumber("quantity", request.Quantity);
                writer.WriteString("cheapest", range.Cheapest.ToString());
                writer.WriteString("dearest", range.Dearest.ToString());
            });
            return ExitCodes.Success;
        }

        var culture = request.Culture;
        var units = request.Quantity == 1 ? "" : $" for {Wording.Count(request.Quantity, "unit", culture: culture)}";
        if (range.Min == range.Max)
        {
            output.WriteLine($"{range.Min.ToString(culture)}{units}, whichever way it is completed");
            output.WriteLine($"for example: {range.Cheapest}");
            return ExitCodes.Success;
        }

        output.WriteLine($"{Wording.Range(range.Min, range.Max, culture)}{units}");
        output.WriteLine($"cheapest: {range.Cheapest}");
        output.WriteLine($"dearest:  {range.Dearest}");
        return ExitCodes.Success;
    }

    // The amount with the currency's minor unit, as a decimal string (JSON numbers would lose exactness).
    private static string Amount(Money money) => Wording.Amount(money);
}
