using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Configurator.Internal;
using Configurator.Solving;
using Configurator.Strategies.Advice;

namespace Configurator.Customers;

/// <summary>How much of the shop's value a customer brings, by cumulative share (see <see cref="SegmentationOptions"/>).</summary>
public enum ValueTier
{
    /// <summary>The few customers who together bring the first half of the value (by default).</summary>
    Key,

    /// <summary>The customers who bring the value from there up to 80 % (by default): with the key ones, the 20 % that bring 80 %.</summary>
    Important,

    /// <summary>The customers who bring the value from 80 % up to 95 % (by default).</summary>
    Ordinary,

    /// <summary>The many customers who bring the last 5 % (by default).</summary>
    Small,
}

/// <summary>Thresholds of the segmentation. Mutable options, checked when used.</summary>
public sealed class SegmentationOptions
{
    /// <summary>The day recency is measured from; null for the day after the history's last order (so a result does not change with the clock).</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>Customers are key while the value of the customers before them (by value, descending) is below this share. Default 0.5.</summary>
    public double KeyShare { get; set; } = 0.5;

    /// <summary>... important while below this share. Default 0.8: key and important customers bring 80 % of the value.</summary>
    public double ImportantShare { get; set; } = 0.8;

    /// <summary>... ordinary while below this share; small after it. Default 0.95.</summary>
    public double OrdinaryShare { get; set; } = 0.95;

    /// <summary>A customer's needs are different when their orders differ from the nearest standard product in at least this share of the modules. Default 0.25.</summary>
    public double IndividualityThreshold { get; set; } = 0.25;

    /// <summary>The model serves a customer well when it still allows at least this share of their orders. Default 0.8.</summary>
    public double GoodMatchShare { get; set; } = 0.8;

    internal void Validate()
    {
        if (!(IndividualityThreshold is >= 0 and <= 1 && GoodMatchShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(IndividualityThreshold), $"IndividualityThreshold and GoodMatchShare are shares from 0 to 1; they are {IndividualityThreshold} and {GoodMatchShare}.");
        }

        if (!(KeyShare > 0 && KeyShare <= ImportantShare && ImportantShare <= OrdinaryShare && OrdinaryShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(KeyShare), $"The shares must satisfy 0 < KeyShare <= ImportantShare <= OrdinaryShare <= 1; they are {KeyShare}, {ImportantShare}, {OrdinaryShare}.");
        }
    }
}

/// <summary>
/// One customer's recency, frequency and monetary value (RFM) with their quintile scores, and the
/// value tier. Immutable.
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="LastOrder">The day of the last order.</param>
/// <param name="RecencyDays">Days from the last order to the segmentation's day.</param>
/// <param name="Frequency">How many orders.</param>
/// <param name="Monetary">The sum of the orders' amounts.</param>
/// <param name="Recency">Recency score, 1 (longest ago) to 5 (most recent).</param>
/// <param name="FrequencyScore">Frequency score, 1 to 5.</param>
/// <param name="MonetaryScore">Monetary score, 1 to 5.</param>
/// <param name="ValueShare">The customer's share of all customers' value, 0 to 1.</param>
/// <param name="Tier">The value tier.</param>
public sealed record CustomerScore(
    string CustomerId, DateOnly LastOrder, int RecencyDays, int Frequency, decimal Monetary,
    int Recency, int FrequencyScore, int MonetaryScore, double ValueShare, ValueTier Tier)
{
    /// <summary>The three scores as one code, as RFM reports write them: "545".</summary>
    public string Code => $"{Recency}{FrequencyScore}{MonetaryScore}";

    /// <summary>Key and important customers are of high value to the shop (the advisor's value axis).</summary>
    public CustomerValue Value => Tier is ValueTier.Key or ValueTier.Important ? CustomerValue.High : CustomerValue.Low;
}

/// <summary>
/// Tells customers apart by the value of their purchases: RFM quintile scores and value tiers by
/// cumulative share (the 20 % of customers who bring 80 % of the value).
/// </summary>
/// <remarks>
/// A score is 1 + ⌊5 × w / n⌋, where w is the number of the n customers strictly worse on that
/// measure (longer ago; fewer orders; less value): the standard quintiles, with equal values always
/// scored alike. Tiers follow the customers by value, descending (equal values by id): a customer's
/// tier is decided by the share of value of the customers before them.
/// </remarks>
public static class CustomerSegmentation
{
    /// <summary>Scores every customer of the history, ordered by value, descending (then by id).</summary>
    /// <param name="history">The orders (those the model no longer allows count too: the customer did buy them).</param>
    /// <param name="options">The day and the thresholds; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The thresholds are out of order, or the day is before an order.</exception>
    public static ImmutableArray<CustomerScore> Score(OrderHistory history, SegmentationOptions? options = null)
    {
        Guard.NotNull(history);
        options ??= new SegmentationOptions();
        options.Validate();
        if (history.Orders.IsEmpty)
        {
            return [];
        }

        // One pass over the orders (a shop's history runs to millions), then one sort of the customers.
        var totals = new Dictionary<string, (DateOnly Last, int Count, decimal Value)>(StringComparer.Ordinal);
        foreach (var order in history.Orders)
        {
            ref var customer = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, order.CustomerId, out _);
            customer = (order.Date > customer.Last ? order.Date : customer.Last, customer.Count + 1, customer.Value + order.Amount);
        }

        var customers = totals.Select(c => (Id: c.Key, c.Value.Last, c.Value.Count, c.Value.Value))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var asOf = options.AsOf ?? history.Orders.Max(o => o.Date).AddDays(1);
        if (customers.Any(c => c.Last > asOf))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"The segmentation's day {asOf:yyyy-MM-dd} is before an order of the history; give a later one.");
        }

        var recency = Scores(customers.Select(c => -(decimal)(asOf.DayNumber - c.Last.DayNumber)).ToList());
        var frequency = Scores(customers.Select(c => (decimal)c.Count).ToList());
        var monetary = Scores(customers.Select(c => c.Value).ToList());
        var total = customers.Sum(c => c.Value);
        var scores = ImmutableArray.CreateBuilder<CustomerScore>(customers.Count);
        var before = 0m;
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            var shareBefore = total > 0 ? (double)(before / total) : 1;
            var tier = shareBefore < options.KeyShare ? ValueTier.Key
                : shareBefore < options.ImportantShare ? ValueTier.Important
                : shareBefore < options.OrdinaryShare ? ValueTier.Ordinary
                : ValueTier.Small;
            scores.Add(new CustomerScore(c.Id, c.Last, asOf.DayNumber - c.Last.DayNumber, c.Count, c.Value,
                recency[i], frequency[i], monetary[i], total > 0 ? (double)(c.Value / total) : 0, tier));
            before += c.Value;
        }

        return scores.MoveToImmutable();
    }

    /// <summary>
    /// Every customer's segment: their scores, how individual their needs are (how far their orders
    /// are from the nearest standard product: the model's presets, or the most ordered configuration
    /// when it has none), how spread out their orders are, and how much of what they ordered the
    /// model still allows. Ordered as <see cref="Score"/> orders them.
    /// </summary>
    /// <param name="model">The compiled model the orders configure.</param>
    /// <param name="history">The orders.</param>
    /// <param name="options">The day and the thresholds; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range, or the day is before an order.</exception>
    public static ImmutableArray<CustomerSegment> Segment(CompiledModel model, OrderHistory history, SegmentationOptions? options = null)
    {
        Guard.NotNull(model);
        options ??= new SegmentationOptions();
        var scores = Score(history, options);
        if (scores.IsEmpty)
        {
            return [];
        }

        var modules = model.Model.Modules.Select(m => m.Id).ToArray();
        var values = history.ValuesIn(model);
        var orders = history.Orders;

        // Each distinct configuration (a "form") once, in canonical form (per module, its sorted
        // options), so that comparing two is comparing strings: a shop's million orders hold a few
        // thousand configurations. Allowed orders are told apart by their module values, the
        // others by their selection.
        var forms = new List<(string[] Canonical, bool Allowed)>();
        var allowedForms = new Dictionary<int[], int>(IntArrayComparer.Instance);
        var otherForms = new Dictionary<Selection, int>();
        var formOf = new int[orders.Length];
        for (var i = 0; i < orders.Length; i++)
        {
            var configuration = orders[i].Configuration;
            ref var form = ref values[i] is { } v
                ? ref CollectionsMarshal.GetValueRefOrAddDefault(allowedForms, v, out var known)
                : ref CollectionsMarshal.GetValueRefOrAddDefault(otherForms, configuration, out known);
            if (!known)
            {
                form = forms.Count;
                forms.Add((Canonical(configuration, modules), values[i] is not null));
            }

            formOf[i] = form;
        }

        var standards = model.Model.Presets.Count > 0
            ? model.Model.Presets.Select(p => Canonical(new Selection(p.Selections), modules)).ToList()
            : [formOf.GroupBy(f => f).Select(g => (Form: forms[g.Key].Canonical, Count: g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => string.Join(';', c.Form), StringComparer.Ordinal).First().Form];
        var nearest = forms.Select(f => standards.Min(s => Differing(f.Canonical, s))).ToArray();

        // Each order as (customer, form), sorted: every customer's distinct forms with their counts side by side.
        var customerIndex = new Dictionary<string, int>(scores.Length, StringComparer.Ordinal);
        for (var c = 0; c < scores.Length; c++)
        {
            customerIndex[scores[c].CustomerId] = c;
        }

        var keys = new long[orders.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)customerIndex[orders[i].CustomerId] << 32) | (uint)formOf[i];
        }

        Array.Sort(keys);
        var segments = ImmutableArray.CreateBuilder<CustomerSegment>(scores.Length);
        var distinct = new List<(int Form, int Count)>();
        var k = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            distinct.Clear();
            while (k < keys.Length && keys[k] >> 32 == c)
            {
                var run = k;
                while (k < keys.Length && keys[k] == keys[run])
                {
                    k++;
                }

                distinct.Add(((int)(keys[run] & int.MaxValue), k - run));
            }

            var count = distinct.Sum(d => d.Count);
            // In whole modules first, so that a mean exactly on the threshold is not rounded off it.
            var individuality = modules.Length == 0 ? 0 : distinct.Sum(d => (long)d.Count * nearest[d.Form]) / ((double)count * modules.Length);

            // The mean distance over all pairs of orders: pairs of the same configuration are 0 apart.
            var spread = 0.0;
            for (var a = 0; a < distinct.Count; a++)
            {
                for (var b = a + 1; b < distinct.Count; b++)
                {
                    spread += (double)distinct[a].Count * distinct[b].Count * Distance(forms[distinct[a].Form].Canonical, forms[distinct[b].Form].Canonical);
                }
            }

            var pairs = count * (count - 1.0) / 2;
            var capability = distinct.Where(d => forms[d.Form].Allowed).Sum(d => d.Count) / (double)count;
            segments.Add(new CustomerSegment(scores[c], individuality, pairs == 0 ? 0 : spread / pairs,
                individuality >= options.IndividualityThreshold ? NeedsDiversity.Different : NeedsDiversity.Similar,
                capability, capability >= options.GoodMatchShare ? CapabilityMatch.Good : CapabilityMatch.Poor));
        }

        return segments.MoveToImmutable();
    }

    /// <summary>The share of modules in which two canonical configurations select differently.</summary>
    private static double Distance(string[] a, string[] b) => a.Length == 0 ? 0 : Differing(a, b) / (double)a.Length;

    /// <summary>The number of modules in which two canonical configurations select differently.</summary>
    private static int Differing(string[] a, string[] b)
    {
        var differing = 0;
        for (var m = 0; m < a.Length; m++)
        {
            differing += string.Equals(a[m], b[m], StringComparison.Ordinal) ? 0 : 1;
        }

        return differing;
    }

    /// <summary>Per module, the configuration's options sorted and joined (empty for a module left out, which selects nothing).</summary>
    private static string[] Canonical(Selection configuration, string[] modules) =>
        [.. modules.Select(m => configuration.Choices.TryGetValue(m, out var o) ? string.Join('+', o.AsImmutableArray().Order(StringComparer.Ordinal)) : "")];

    /// <summary>Quintile scores of <paramref name="goodness"/> (higher is better): 1 + ⌊5 × (number strictly worse) / n⌋.</summary>
    private static int[] Scores(List<decimal> goodness)
    {
        var sorted = goodness.Order().ToArray();
        return [.. goodness.Select(g =>
        {
            var worse = LowerBound(sorted, g);
            return 1 + (int)(5L * worse / goodness.Count);
        })];
    }

    /// <summary>How many of the ascending <paramref name="sorted"/> are below <paramref name="value"/>.</summary>
    private static int LowerBound(decimal[] sorted, decimal value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = sorted[middle] < value ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
