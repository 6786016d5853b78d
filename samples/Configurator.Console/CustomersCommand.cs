using System.CommandLine;
using System.Globalization;
using Configurator.Customers;

namespace Configurator.Console;

/// <summary>
/// <c>configurator customers MODEL --orders FILE</c>: every customer's RFM scores, value tier, needs,
/// capability match and route, from an order history in JSON Lines.
/// </summary>
internal static class CustomersCommand
{
    public static Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var orders = new Option<string>("--orders") { Description = "The order history: JSON Lines, one order per line.", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "The day recency is counted from (yyyy-MM-dd); the day after the last order by default." };
        var json = CommonOptions.Json();
        var command = new Command("customers", "Segment customers by the value of their orders (RFM, key/important/ordinary/small) and route each to a customization strategy.") { model, orders, asOf, json };
        command.SetAction(parsed =>
        {
            var options = new SegmentationOptions();
            if (parsed.GetValue(asOf) is { } day)
            {
                if (OrderFiles.Day(day, "--as-of", error) is not { } date)
                {
                    return ExitCodes.BadInput;
                }

                options.AsOf = date;
            }

            if (OrderFiles.Read(parsed.GetValue(model)!, parsed.GetValue(orders)!, error, cancellationToken) is not var (compiled, history))
            {
                return ExitCodes.BadInput;
            }

            System.Collections.Immutable.ImmutableArray<CustomerSegment> segments;
            try
            {
                segments = CustomerSegmentation.Segment(compiled, history, options);
            }
            catch (ArgumentOutOfRangeException e)
            {
                error.WriteLine($"configurator: {e.Message.Split(" (Parameter", 2)[0]}");
                return ExitCodes.BadInput;
            }

            var router = new DefaultStrategyRouter();
            var routed = segments.Select(s => (Segment: s, Routing: router.Route(compiled, s))).ToList();
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(output, writer =>
                {
                    writer.WriteNumber("orders", history.Orders.Length);
                    writer.WriteNumber("issues", history.Issues.Length);
                    writer.WriteStartArray("customers");
                    foreach (var (segment, routing) in routed)
                    {
                        var score = segment.Score;
                        writer.WriteStartObject();
                        writer.WriteString("customer", score.CustomerId);
                        writer.WriteString("rfm", score.Code);
                        writer.WriteNumber("orders", score.Frequency);
                        writer.WriteString("value", score.Monetary.ToString(CultureInfo.InvariantCulture));
                        writer.WriteNumber("valueShare", score.ValueShare);
                        writer.WriteString("tier", score.Tier.ToString().ToLowerInvariant());
                        writer.WriteNumber("individuality", segment.Individuality);
                        writer.WriteNumber("capabilityShare", segment.CapabilityShare);
                        writer.WriteString("route", routing.Route.ToString());
                        writer.WriteString("reason", routing.Reason);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                });
                return ExitCodes.Success;
            }

            var customers = routed.Count == 1 ? "1 customer" : $"{routed.Count} customers";
            var read = history.Orders.Length == 1 ? "1 order" : $"{history.Orders.Length} orders";
            output.WriteLine($"{customers}, {read}");
            if (routed.Count == 0)
            {
                return ExitCodes.Success;
            }

            var width = Math.Max(8, routed.Max(r => r.Segment.CustomerId.Length));
            output.WriteLine($"{"customer".PadRight(width)}  rfm  orders        value   share  tier       route");
            foreach (var (segment, routing) in routed)
            {
                var score = segment.Score;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{score.CustomerId.PadRight(width)}  {score.Code}  {score.Frequency,6}  {score.Monetary,11:0.00}  {score.ValueShare,6:P1}  {score.Tier.ToString().ToLowerInvariant(),-9}  {routing.Route}: {routing.Reason}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
