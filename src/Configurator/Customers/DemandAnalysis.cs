using System.Collections.Immutable;
using System.Numerics;
using Configurator.Internal;
using Configurator.Solving;

namespace Configurator.Customers;

/// <summary>
/// "Use the customers' choices to guide mass production": which options sell against how much
/// variety they make up, how that changes, what nobody orders, and which few standard products
/// would cover most orders.
/// </summary>
public static class DemandAnalysis
{
    private static readonly Comparer<int[]> Lexicographic = Comparer<int[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));

    /// <summary>Analyses the orders of <paramref name="period"/> (all orders when null), comparing with <paramref name="earlier"/> when given.</summary>
    /// <param name="model">The compiled model the orders configure.</param>
    /// <param name="history">The orders.</param>
    /// <param name="period">The period; null for the whole history.</param>
    /// <param name="earlier">The period the trend compares with (for example <see cref="DemandPeriod.Before"/>); null for no trend.</param>
    /// <param name="cancellationToken">Stops a long analysis; honoured within milliseconds.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static DemandReport Analyze(CompiledModel model, OrderHistory history, DemandPeriod? period = null, DemandPeriod? earlier = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(model);
        Guard.NotNull(history);
        period ??= Span(history);
        var values = history.ValuesIn(model);
        var now = Tally(model, history, values, period, cancellationToken);
        var before = earlier is null ? null : Tally(model, history, values, earlier, cancellationToken);
        var total = model.Count(cancellationToken: cancellationToken);
        var perOption = model.CountPerOption(cancellationToken: cancellationToken);
        var options = ImmutableArray.CreateBuilder<OptionDemand>(perOption.Count);
        var index = 0;
        for (var m = 0; m < model.Domains.Length; m++)
        {
            for (var o = 0; o < model.Domains[m].Module.Options.Count; o++, index++)
            {
                var count = perOption[index];
                options.Add(new OptionDemand(count.ModuleId, count.OptionId, now.Units[m][o],
                    Share(now.Units[m][o], now.Total),
                    total.IsZero ? 0 : Ratio(count.Count, total),
                    before is { Total: > 0 } ? Share(before.Units[m][o], before.Total) : null));
            }
        }

        return new DemandReport(period, earlier, now.Orders, now.Total, now.NotAllowed, now.Distinct, total, options.MoveToImmutable());
    }

    /// <summary>
    /// Mines <paramref name="count"/> standard products from the orders: greedily, each next preset
    /// is the ordered configuration (one the model allows) that covers the most units not yet
    /// covered, an order being covered by a preset that differs from it in at most
    /// <paramref name="maxDistance"/> modules. Greedy coverage is within 1 − 1/e of the best
    /// possible for the same candidates. Every preset is checked valid in the model.
    /// </summary>
    /// <param name="model">The compiled model the orders configure.</param>
    /// <param name="history">The orders.</param>
    /// <param name="count">How many presets to mine (at least 1).</param>
    /// <param name="maxDistance">How many modules a customer may change on a preset and still be served by it (0: exactly the preset). Default 1, as with one adjustable module.</param>
    /// <param name="period">The period; null for the whole history.</param>
    /// <param name="maxCandidates">Only the most ordered distinct configurations are tried as presets; default 1000.</param>
    /// <param name="cancellationToken">Stops a long mining; honoured within milliseconds.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count, distance or candidate limit out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static MinedPresets MinePresets(CompiledModel model, OrderHistory history, int count, int maxDistance = 1, DemandPeriod? period = null, int maxCandidates = 1000, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(model);
        Guard.NotNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCandidates, 1);
        period ??= Span(history);
        var values = history.ValuesIn(model);

        // The distinct configurations ordered in the period, with their units, most ordered first.
        var units = new Dictionary<int[], long>(IntArrayComparer.Instance);
        for (var i = 0; i < history.Orders.Length; i++)
        {
            if (values[i] is { } v && period is not null && period.Contains(history.Orders[i].Date))
            {
                units[v] = units.GetValueOrDefault(v) + history.Orders[i].Quantity;
            }
        }

        var ordered = units.OrderByDescending(u => u.Value).ThenBy(u => u.Key, Lexicographic).ToArray();
        var total = ordered.Sum(u => u.Value);
        var candidates = Math.Min(maxCandidates, ordered.Length);

        // Per candidate, the distinct configurations it covers.
        var covers = new int[candidates][];
        var within = new List<int>();
        for (var c = 0; c < candidates; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            within.Clear();
            for (var j = 0; j < ordered.Length; j++)
            {
                if (Within(ordered[c].Key, ordered[j].Key, maxDistance))
                {
                    within.Add(j);
                }
            }

            covers[c] = [.. within];
        }

        var covered = new bool[ordered.Length];
        var coveredUnits = 0L;
        var presets = ImmutableArray.CreateBuilder<MinedPreset>(Math.Min(count, candidates));
        while (presets.Count < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (best, gain) = (-1, 0L);
            for (var c = 0; c < candidates; c++)
            {
                var g = 0L;
                foreach (var j in covers[c])
                {
                    g += covered[j] ? 0 : ordered[j].Value;
                }

                // Candidates are most ordered first, so a strict > keeps the more ordered of equals.
                if (g > gain)
                {
                    (best, gain) = (c, g);
                }
            }

            if (best < 0)
            {
                break;
            }

            foreach (var j in covers[best])
            {
                covered[j] = true;
            }

            coveredUnits += gain;
            var configuration = model.ToSelection(ordered[best].Key);
            if (!model.Validate(configuration).IsValid)
            {
                throw new InvalidOperationException($"A mined preset is not valid in the model: {configuration}. This is a bug; please report it.");
            }

            presets.Add(new MinedPreset(configuration, ordered[best].Value, gain, Share(coveredUnits, total)));
        }

        return new MinedPresets(presets.ToImmutable(), maxDistance, total, candidates, ModelPresetsCoverage(model, ordered, total, maxDistance));
    }

    private static double ModelPresetsCoverage(CompiledModel model, KeyValuePair<int[], long>[] ordered, long total, int maxDistance)
    {
        var presets = model.Model.Presets
            .Select(p => { try { return model.ValuesOfComplete(new Selection(p.Selections)); } catch (InvalidSelectionException) { return null; } })
            .OfType<int[]>().ToArray();
        var covered = ordered.Where(u => presets.Any(p => Within(p, u.Key, maxDistance))).Sum(u => u.Value);
        return Share(covered, total);
    }

    /// <summary>Whether two configurations differ in at most <paramref name="maxDistance"/> modules.</summary>
    private static bool Within(int[] a, int[] b, int maxDistance)
    {
        var differing = 0;
        for (var m = 0; m < a.Length; m++)
        {
            if (a[m] != b[m] && ++differing > maxDistance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The history's first to last day; null when it is empty.</summary>
    private static DemandPeriod? Span(OrderHistory history) =>
        history.Orders.IsEmpty ? null : new DemandPeriod(history.Orders.Min(o => o.Date), history.Orders.Max(o => o.Date));

    private static double Share(long part, long whole) => whole > 0 ? part / (double)whole : 0;

    /// <summary>part / whole as a double, also for counts beyond a double's range.</summary>
    private static double Ratio(BigInteger part, BigInteger whole) =>
        part.IsZero ? 0
        : whole.GetBitLength() < 1000 ? (double)part / (double)whole
        : Math.Exp(BigInteger.Log(part) - BigInteger.Log(whole));

    private sealed record Counts(long[][] Units, long Total, int Orders, int NotAllowed, int Distinct);

    private static Counts Tally(CompiledModel model, OrderHistory history, ImmutableArray<int[]?> values, DemandPeriod? period, CancellationToken cancellationToken)
    {
        // Units per module value first (a handful of values), then spread over the options.
        var perValue = model.Domains.Select(d => new long[d.ValueCount]).ToArray();
        var (total, orders, notAllowed) = (0L, 0, 0);
        var distinct = new HashSet<int[]>(IntArrayComparer.Instance);
        for (var i = 0; i < history.Orders.Length; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var order = history.Orders[i];
            if (period is null || !period.Contains(order.Date))
            {
                continue;
            }

            orders++;
            if (values[i] is not { } v)
            {
                notAllowed++;
                continue;
            }

            total += order.Quantity;
            distinct.Add(v);
            for (var m = 0; m < v.Length; m++)
            {
                perValue[m][v[m]] += order.Quantity;
            }
        }

        var units = new long[model.Domains.Length][];
        for (var m = 0; m < units.Length; m++)
        {
            var domain = model.Domains[m];
            units[m] = new long[domain.Module.Options.Count];
            for (var value = 0; value < domain.ValueCount; value++)
            {
                foreach (var option in domain.Values[value])
                {
                    units[m][option] += perValue[m][value];
                }
            }
        }

        return new Counts(units, total, orders, notAllowed, distinct.Count);
    }
}
