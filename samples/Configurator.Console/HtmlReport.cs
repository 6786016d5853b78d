using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Console;

/// <summary>
/// The report a product manager reads in a browser: one self-contained HTML page (inline styles
/// and SVG, no script, nothing fetched at view time) with the model's modules and options, the
/// number of configurations, the exact distribution of prices, the model's attributes' ranges, each
/// option's share of the configurations, and the presets with their prices. Everything is counted exactly on the compiled model, never by
/// enumerating, so it works on 10^47 configurations.
/// </summary>
internal static class HtmlReport
{
    /// <summary>Most bars in the price histogram; fewer distinct prices get one bar each.</summary>
    private const int Bars = 40;

    private const int ChartWidth = 760;

    /// <summary>Counts below this are written out in full; larger ones as "1.24 × 10⁴⁷" with the digits beside.</summary>
    private const int Exact = 10_000_000;

    private const int ChartHeight = 200;

    /// <summary>
    /// Renders the report with the number of valid configurations it counted (null for a model too
    /// large to count within the engine's decision budget, whose report shows each option's
    /// availability instead of its share), or throws <see cref="InvalidSelectionException"/> for a
    /// selection naming unknown ids.
    /// </summary>
    public static (string Html, BigInteger? Count) Render(CompiledModel compiled, Selection within, CultureInfo? culture, CancellationToken cancellationToken)
    {
        var text = Modeling.ModelText.For(compiled.Model, culture);
        var model = compiled.Model;
        var counted = Counted(compiled, within, cancellationToken);
        var available = counted is null ? Availability(compiled, within, cancellationToken) : null;
        if (available is null && counted is null)
        {
            // The selections conflict: nothing is valid, which needs no count.
            counted = (BigInteger.Zero, []);
        }

        var (distribution, range, why) = Prices(compiled, within, cancellationToken);
        var title = text.Name(model);

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{E(culture?.Name is { Length: > 0 } lang ? lang : "en")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}: configuration report</title>
            <style>{Style}</style>
            </head>
            <body>
            <header>
            <h1>{E(title)}</h1>
            <p class="sub">{E(model.Id)}{(model.Version is { } version ? " · version " + E(version) : "")} · configuration report{(within.Equals(Selection.Empty) ? "" : " within <code>" + E(within.ToString()) + "</code>")}</p>
            </header>
            <section class="cards">
            {(counted is var (total, _) ? Card("Valid configurations", Big(total), total < Exact ? "counted exactly" : total.ToString("N0", CultureInfo.InvariantCulture), "count") : Card("Valid configurations", "uncounted", "at least one; too many to count within the engine's decision budget", "count"))}
            {Card("Modules", model.Modules.Count.ToString("N0", CultureInfo.InvariantCulture), Wording.Count(model.Modules.Sum(m => m.Options.Count), "option"), "modules")}
            {Card("Price", distribution is not null ? Wording.Range(distribution.Min, distribution.Max, culture) : range is not null ? Wording.Range(range.Min, range.Max, culture) : "–", distribution is not null ? $"median {Median(distribution, culture)}" : range is not null ? "the exact range; no distribution without a count" : why ?? "", "range")}
            {Card("Presets", model.Presets.Count.ToString("N0", CultureInfo.InvariantCulture), compiled.Engine.ToString().ToLowerInvariant() + " engine", "presets")}
            </section>

            """);

        html.Append("<section id=\"prices\">\n<h2>Prices</h2>\n");
        if (distribution is not null)
        {
            Histogram(html, distribution, culture);
        }
        else if (range is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Valid configurations cost {E(Wording.Range(range.Min, range.Max, culture))}, exactly. {E(why ?? "")}</p>\n");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(why ?? "No configuration is valid, so there are no prices.")}</p>\n");
        }

        html.Append("</section>\n");
        Attributes(html, compiled, within, text, cancellationToken);
        html.Append("<section id=\"options\">\n<h2>Options</h2>\n");
        if (counted is var (all, shares))
        {
            Shares(html, model, text, all, shares);
        }
        else
        {
            Available(html, model, text, available!);
        }

        html.Append("</section>\n");
        Presets(html, compiled, text);
        html.Append(CultureInfo.InvariantCulture, $"""
            <footer>{(counted is null ? "Availability from the compiled model's solver" : "Counted exactly on the compiled model")} ({compiled.Engine.ToString().ToLowerInvariant()} engine), without enumerating. Made by <code>configurator report</code>.</footer>
            </body>
            </html>

            """);
        return (html.ToString(), counted?.Total);
    }

    /// <summary>The count and each option's count; null when the model is too large to count within the engine's decision budget.</summary>
    private static (BigInteger Total, Dictionary<(string ModuleId, string OptionId), BigInteger> Shares)? Counted(CompiledModel compiled, Selection within, CancellationToken cancellationToken)
    {
        try
        {
            // Per option first: on a model too large to count it is refused at once, where the whole count would run for hours.
            var shares = compiled.CountPerOption(within, cancellationToken).ToDictionary(c => (c.ModuleId, c.OptionId), c => c.Count);
            return (compiled.Count(within, cancellationToken), shares);
        }
        catch (ConfiguratorException e) when (e.Code == ConfiguratorErrorCodes.LimitExceeded)
        {
            return null;
        }
    }

    /// <summary>Each module's session state after the selections, for a model too large to count; null when the selections conflict.</summary>
    private static Dictionary<string, Sessions.ModuleState>? Availability(CompiledModel compiled, Selection within, CancellationToken cancellationToken)
    {
        var (session, conflict) = SessionWithin.Start(compiled, within, cancellationToken);
        return conflict is null ? session.State.Modules.ToDictionary(m => m.ModuleId) : null;
    }

    /// <summary>Each option's count and share of the valid configurations.</summary>
    private static void Shares(StringBuilder html, Modeling.ProductModel model, Modeling.ModelText text, BigInteger total, Dictionary<(string ModuleId, string OptionId), BigInteger> shares)
    {
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">The share of the {E(Wording.Count(total, "valid configuration"))} that take each option. Options below {Wording.RareShare:P0} are marked <span class=\"rare\">rare</span>: variety that costs more than it sells.</p>\n");
        foreach (var module in model.Modules)
        {
            Heading(html, module, text, "<th class=\"num\">Configurations</th><th>Share</th>");
            foreach (var option in module.Options)
            {
                var count = shares.GetValueOrDefault((module.Id, option.Id));
                var share = Wording.Share(count, total);
                var mark = count.IsZero ? "<span class=\"never\">never</span>" : share < Wording.RareShare ? "<span class=\"rare\">rare</span>" : "";
                html.Append(CultureInfo.InvariantCulture, $"<tr data-option=\"{E(module.Id)}={E(option.Id)}\" data-count=\"{count}\"><td>{Named(text.Name(option), option.Id)}</td><td class=\"num\">{Price(option, model, text)}</td><td class=\"num\">{Big(count)}</td><td><span class=\"bar\"><span style=\"width:{share * 100:0.##}%\"></span></span> {share:P1} {mark}</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }
    }

    /// <summary>A module's heading and its options table's head, the columns after option and price given.</summary>
    private static void Heading(StringBuilder html, Modeling.Module module, Modeling.ModelText text, string columns)
    {
        var choose = module.Min == module.Max ? $"choose {module.Min}" : $"choose {module.Min} to {module.Max}";
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(text.Name(module))} <span class=\"id\">{(text.Name(module) == module.Id ? "" : E(module.Id) + " · ")}{choose}</span></h3>\n<table class=\"options\">\n<thead><tr><th>Option</th><th class=\"num\">Price</th>{columns}</tr></thead>\n<tbody>\n");
    }

    /// <summary>An option's own price as the table shows it: empty when it adds nothing.</summary>
    private static string Price(Modeling.Option option, Modeling.ProductModel model, Modeling.ModelText text) =>
        option.Price == 0 ? "" : E(new Money(option.Price, model.Currency).ToString(text.Culture));

    /// <summary>Each option's availability, for a model too large to count: whether a customer can still take it.</summary>
    private static void Available(StringBuilder html, Modeling.ProductModel model, Modeling.ModelText text, Dictionary<string, Sessions.ModuleState> modules)
    {
        html.Append("<p class=\"note\">The model has too many valid configurations to count within the engine's decision budget, so options have no shares. An option is <em>available</em> when a customer can take it next and still complete a valid product; without selections, an <span class=\"never\">unavailable</span> one is in no valid configuration at all.</p>\n");
        foreach (var module in model.Modules)
        {
            var state = modules[module.Id];
            Heading(html, module, text, "<th>Available</th>");
            for (var o = 0; o < module.Options.Count; o++)
            {
                // A session's states come in model order.
                var (option, shown) = (module.Options[o], state.Options[o]);
                var mark = shown.IsSelected && state.Source == Sessions.SelectionSource.Customer ? "selected" : shown.IsAvailable ? "available" : "<span class=\"never\">unavailable</span>";
                html.Append(CultureInfo.InvariantCulture, $"<tr data-option=\"{E(module.Id)}={E(option.Id)}\" data-available=\"{(shown.IsAvailable ? "true" : "false")}\"><td>{Named(text.Name(option), option.Id)}</td><td class=\"num\">{Price(option, model, text)}</td><td>{mark}</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }
    }

    /// <summary>
    /// The exact distribution; or, for a model too large to count, the exact range; or why there is
    /// neither (nothing valid, or beyond the model's limits).
    /// </summary>
    private static (PriceDistribution? Distribution, PriceRange? Range, string? Why) Prices(CompiledModel compiled, Selection within, CancellationToken cancellationToken)
    {
        try
        {
            return (PricingPipeline.Default.Distribution(compiled, within, cancellationToken: cancellationToken), null, null);
        }
        catch (ConfiguratorException e) when (e.Code == ConfiguratorErrorCodes.LimitExceeded)
        {
            try
            {
                return (null, PricingPipeline.Default.Range(compiled, within, cancellationToken: cancellationToken), "The distribution of prices needs the number of configurations, which is beyond the engine's decision budget.");
            }
            catch (ConfiguratorException beyond) when (beyond.Code == ConfiguratorErrorCodes.LimitExceeded)
            {
                return (null, null, e.Message);
            }
        }
    }

    private static void Histogram(StringBuilder html, PriceDistribution distribution, CultureInfo? culture)
    {
        // Few distinct prices get a bar each; many are grouped into bars of equal width.
        IReadOnlyList<PriceBin> bins = distribution.Points.Count <= Bars
            ? [.. distribution.Points.Select(p => new PriceBin(p.Price, p.Price, p.Count))]
            : distribution.Histogram(Bars);
        var highest = bins.Max(b => b.Count);
        var total = distribution.Count;
        var width = (double)ChartWidth / bins.Count;
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">How many of the {E(Wording.Count(total, "valid configuration"))} cost each price: {E(Wording.Count(distribution.Points.Count, "distinct price"))}, from {E(distribution.Min.ToString(culture))} to {E(distribution.Max.ToString(culture))}. Half cost {E(Median(distribution, culture))} or less; {E(Middle(distribution, culture))}.</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {ChartWidth} {ChartHeight + 40}\" role=\"img\" aria-label=\"Price histogram\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{ChartHeight}\" x2=\"{ChartWidth}\" y2=\"{ChartHeight}\" class=\"axis\"/>\n");
        for (var i = 0; i < bins.Count; i++)
        {
            var bin = bins[i];
            var height = Wording.Share(bin.Count, highest) * (ChartHeight - 10);
            var label = bin.From == bin.To ? bin.From.ToString(culture) : $"{Wording.Amount(bin.From, culture)} to {bin.To.ToString(culture)}";
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bin\" data-count=\"{bin.Count}\" x=\"{(i * width) + 1:0.##}\" y=\"{ChartHeight - height:0.##}\" width=\"{Math.Max(width - 2, 1):0.##}\" height=\"{height:0.##}\"><title>{E(label)}: {E(Wording.Count(bin.Count, "configuration"))} ({Wording.Share(bin.Count, total):P1})</title></rect>\n");
        }

        // The median as a dashed line: at its own bar, or where its price falls between the ends.
        var median = Quantile(distribution, 1, 2);
        var at = distribution.Points.Count <= Bars
            ? (bins.Select((b, i) => (b, i)).First(x => x.b.From == median).i + 0.5) * width
            : distribution.Min == distribution.Max ? ChartWidth / 2.0 : (double)((median.Amount - distribution.Min.Amount) / (distribution.Max.Amount - distribution.Min.Amount)) * ChartWidth;
        html.Append(CultureInfo.InvariantCulture, $"<line class=\"median\" x1=\"{at:0.##}\" y1=\"0\" x2=\"{at:0.##}\" y2=\"{ChartHeight}\"/><text class=\"median\" x=\"{(at > ChartWidth * 0.7 ? at - 4 : at + 4):0.##}\" y=\"12\" text-anchor=\"{(at > ChartWidth * 0.7 ? "end" : "start")}\">median {E(median.ToString(culture))}</text>\n");

        (int Bar, string Anchor)[] labels = bins.Count switch
        {
            1 => [(0, "middle")],
            2 => [(0, "start"), (1, "end")],
            _ => [(0, "start"), (bins.Count / 2, "middle"), (bins.Count - 1, "end")],
        };
        foreach (var (i, anchor) in labels)
        {
            var x = anchor switch { "start" => 0, "end" => ChartWidth, _ => (i + 0.5) * width };
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.##}\" y=\"{ChartHeight + 18}\" text-anchor=\"{anchor}\">{E(anchor == "end" ? bins[i].To.ToString(culture) : Wording.Amount(bins[i].From, culture))}</text>\n");
        }

        html.Append("</svg>\n<details><summary>The bars as a table</summary>\n<table class=\"bins\">\n<thead><tr><th>Price</th><th class=\"num\">Configurations</th><th class=\"num\">Share</th></tr></thead>\n<tbody>\n");
        foreach (var bin in bins)
        {
            var label = bin.From == bin.To ? bin.From.ToString(culture) : $"{Wording.Amount(bin.From, culture)} to {bin.To.ToString(culture)}";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(label)}</td><td class=\"num\">{bin.Count:N0}</td><td class=\"num\">{Wording.Share(bin.Count, total):P1}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</details>\n");
    }

    /// <summary>The model's attributes (weight, lead time) as their exact lowest and highest values over the valid configurations.</summary>
    private static void Attributes(StringBuilder html, CompiledModel compiled, Selection within, Modeling.ModelText text, CancellationToken cancellationToken)
    {
        var attributes = compiled.Model.Attributes;
        if (attributes.IsEmpty)
        {
            return;
        }

        html.Append("<section id=\"attributes\">\n<h2>Attributes</h2>\n<table class=\"attributes\">\n<thead><tr><th>Attribute</th><th class=\"num\">Lowest</th><th class=\"num\">Highest</th></tr></thead>\n<tbody>\n");
        foreach (var attribute in attributes)
        {
            AttributeRange? range;
            try
            {
                range = compiled.AttributeRange(attribute.Property, attribute.Aggregation, within, cancellationToken);
            }
            catch (ConfiguratorException e) when (e.Code == ConfiguratorErrorCodes.LimitExceeded)
            {
                // A sum on a model too wide for an exact program (no circuit within the budgets).
                html.Append(CultureInfo.InvariantCulture, $"<tr data-attribute=\"{E(attribute.Id)}\"><td>{Named(text.Name(attribute), attribute.Id)}</td><td class=\"num\" colspan=\"2\">not computed: the model is too wide for an exact range</td></tr>\n");
                continue;
            }

            if (range is null)
            {
                continue;
            }

            var unit = attribute.Unit is null ? "" : " " + attribute.Unit;
            html.Append(CultureInfo.InvariantCulture, $"<tr data-attribute=\"{E(attribute.Id)}\"><td>{Named(text.Name(attribute), attribute.Id)}</td><td class=\"num\">{range.Min:0.###}{E(unit)}</td><td class=\"num\">{range.Max:0.###}{E(unit)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Presets(StringBuilder html, CompiledModel compiled, Modeling.ModelText text)
    {
        var model = compiled.Model;
        if (model.Presets.IsEmpty)
        {
            return;
        }

        html.Append("<section id=\"presets\">\n<h2>Presets</h2>\n<table class=\"presets\">\n<thead><tr><th>Preset</th><th>Configuration</th><th class=\"num\">Price</th></tr></thead>\n<tbody>\n");
        foreach (var preset in model.Presets)
        {
            // Compiling checked that each preset is a complete, valid configuration.
            var selection = new Selection(preset.Selections);
            var price = PricingPipeline.Default.Price(compiled, selection).Total;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Named(text.Name(preset), preset.Id)}</td><td><code>{E(selection.ToString())}</code></td><td class=\"num\">{E(price.ToString(text.Culture))}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>The lowest price that at least half of the configurations do not exceed.</summary>
    private static string Median(PriceDistribution distribution, CultureInfo? culture) => Quantile(distribution, 1, 2).ToString(culture);

    /// <summary>"80 % cost from X to Y", the middle 80 % of configurations by price.</summary>
    private static string Middle(PriceDistribution distribution, CultureInfo? culture)
    {
        var (low, high) = (Quantile(distribution, 1, 10), Quantile(distribution, 9, 10));
        return $"the middle 80 % cost {Wording.Range(low, high, culture)}";
    }

    /// <summary>The lowest price that at least <paramref name="numerator"/>/<paramref name="denominator"/> of the configurations do not exceed.</summary>
    private static Money Quantile(PriceDistribution distribution, int numerator, int denominator)
    {
        // Count is the points' sum: take it once, not once per point.
        var (seen, wanted) = (BigInteger.Zero, distribution.Count * numerator);
        foreach (var point in distribution.Points)
        {
            seen += point.Count;
            if (seen * denominator >= wanted)
            {
                return point.Price;
            }
        }

        return distribution.Max;
    }

    /// <summary>A count as people read it: exact up to ten million, then "1.24 × 10⁴⁷".</summary>
    private static string Big(BigInteger count)
    {
        if (count < Exact)
        {
            return count.ToString("N0", CultureInfo.InvariantCulture);
        }

        var digits = count.ToString(CultureInfo.InvariantCulture);
        return $"{digits[0]}.{digits[1..3]} × 10<sup>{digits.Length - 1}</sup>";
    }

    private static string Card(string label, string value, string detail, string id) =>
        $"<div class=\"card\" id=\"card-{id}\"><div class=\"label\">{E(label)}</div><div class=\"value\">{value}</div><div class=\"detail\">{E(detail)}</div></div>";

    /// <summary>A name with its id beside it in grey, or the id alone when there is no other name.</summary>
    private static string Named(string? name, string id) =>
        name is null || name == id ? E(id) : $"{E(name)} <span class=\"id\">{E(id)}</span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        :root { color-scheme: light; --ink: #1d2433; --soft: #5b6475; --line: #e3e6ec; --accent: #2f6fdf; --rare: #c2410c; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 980px; padding: 24px; }
        h1 { margin: 0; font-size: 28px; } h2 { margin-top: 36px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { margin: 22px 0 6px; font-size: 16px; }
        .sub, .note, .id, footer, .detail, .label { color: var(--soft); } .id { font-size: 12px; font-weight: normal; margin-left: 6px; }
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin-top: 20px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; } .value { font-size: 22px; font-weight: 600; } .detail { font-size: 12px; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; } table.options { table-layout: fixed; } table.options th:nth-child(1) { width: 38%; } table.options th:nth-child(2), table.options th:nth-child(3) { width: 14%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); } th { font-size: 12px; color: var(--soft); font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .bar { display: inline-block; width: 180px; height: 10px; background: #eef1f6; border-radius: 5px; vertical-align: middle; overflow: hidden; } .bar span { display: block; height: 100%; background: var(--accent); }
        .rare, .never { color: var(--rare); font-size: 12px; font-weight: 600; margin-left: 6px; } .never { color: #991b1b; }
        .chart { width: 100%; height: auto; margin: 8px 0; } .chart .bin { fill: var(--accent); } .chart .bin:hover { fill: #1e4fa8; } .chart .axis { stroke: var(--soft); } .chart line.median { stroke: var(--rare); stroke-dasharray: 4 3; } .chart text.median { fill: var(--rare); } .chart text { font-size: 12px; fill: var(--soft); }
        details { margin: 8px 0; } code { font-size: 13px; } footer { margin-top: 40px; font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media (max-width: 700px) { .cards { grid-template-columns: repeat(2, 1fr); } .bar { width: 80px; } }
        """;
}
