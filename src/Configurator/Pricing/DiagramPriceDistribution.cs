using System.Numerics;
using Configurator.Internal;
using Configurator.Solving;
using Configurator.Solving.Diagrams;

namespace Configurator.Pricing;

/// <summary>
/// The exact number of valid configurations at each model price, for models whose price is the
/// base price plus one price per module value (no price rules), without enumerating: one pass up
/// the compiled decision diagram. Each node holds how many paths below it reach each subtotal, as
/// a dense array of counters over the node's lowest to highest subtotal in the prices' smallest
/// unit (a counter is a fixed number of 64-bit words, enough for the model's count); a node adds
/// its children's arrays, each shifted by its edge's price. Only two levels are held at a time.
/// </summary>
internal static class DiagramPriceDistribution
{
    /// <summary>Each model price (base price included) with its count; empty when nothing is valid.</summary>
    /// <exception cref="ConfiguratorException">The counters would exceed the budget (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</exception>
    public static List<KeyValuePair<decimal, BigInteger>> Solve(ModelPricing pricing, Restriction restriction)
    {
        // This method's diagram comes from DiagramPriceRange.Applies, checked by the caller.
        var diagram = pricing.Model.Diagram!;
        var (units, unit) = Units(pricing);
        var words = (int)(diagram.Count(new Restriction(pricing.Model.Domains.Length)).GetBitLength() / 64) + 1;
        var budget = 16L * pricing.Model.PriceRangeStateBudget;
        var nodes = diagram.NodeCount;
        var low = new long[nodes];
        var counts = new ulong[]?[nodes];
        counts[nodes - 1] = new ulong[words];
        counts[nodes - 1]![0] = 1;
        var held = (long)words;
        for (var level = diagram.Plan.LevelCount - 1; level >= 0; level--)
        {
            var module = diagram.Plan.Order[level];
            for (var node = diagram.LevelStart[level]; node < diagram.LevelStart[level + 1]; node++)
            {
                Interruption.Poll();
                var (from, to) = (long.MaxValue, long.MinValue);
                for (var edge = diagram.EdgeStart[node]; edge < diagram.EdgeStart[node + 1]; edge++)
                {
                    var child = diagram.EdgeChild[edge];
                    if (counts[child] is { } below && restriction.Allows(module, diagram.EdgeValue[edge]))
                    {
                        var shift = units[module][diagram.EdgeValue[edge]];
                        from = Math.Min(from, low[child] + shift);
                        to = Math.Max(to, low[child] + shift + (below.Length / words) - 1);
                    }
                }

                if (from > to)
                {
                    continue;
                }

                held += (to - from + 1) * words;
                if (held > budget)
                {
                    throw new ConfiguratorException(ConfiguratorErrorCodes.LimitExceeded,
                        $"The exact price distribution needs more than {budget:N0} counters at module '{pricing.Model.Model.Modules[module].Id}' " +
                        "(many different option prices spread the totals wide); raise CompilerOptions.PriceRangeStateBudget, or ask for the price range instead.");
                }

                var sums = new ulong[(to - from + 1) * words];
                for (var edge = diagram.EdgeStart[node]; edge < diagram.EdgeStart[node + 1]; edge++)
                {
                    var child = diagram.EdgeChild[edge];
                    if (counts[child] is { } below && restriction.Allows(module, diagram.EdgeValue[edge]))
                    {
                        Add(sums, (int)(low[child] + units[module][diagram.EdgeValue[edge]] - from) * words, below, words);
                    }
                }

                low[node] = from;
                counts[node] = sums;
            }

            // The level below is no longer needed: every edge goes one level down.
            for (var node = diagram.LevelStart[level + 1]; node < diagram.LevelStart[level + 2]; node++)
            {
                held -= counts[node]?.Length ?? 0;
                counts[node] = null;
            }
        }

        var result = new List<KeyValuePair<decimal, BigInteger>>();
        if (counts[DecisionDiagram.Root] is not { } root)
        {
            return result;
        }

        var limbs = new byte[words * 8];
        for (var i = 0; i < root.Length / words; i++)
        {
            for (var w = 0; w < words; w++)
            {
                BitConverter.TryWriteBytes(limbs.AsSpan(w * 8), root[(i * words) + w]);
            }

            var count = new BigInteger(limbs, isUnsigned: true);
            if (!count.IsZero)
            {
                result.Add(KeyValuePair.Create(pricing.Model.Model.BasePrice + ((low[DecisionDiagram.Root] + i) * unit), count));
            }
        }

        return result;
    }

    /// <summary>Adds a child's counters into a node's at an offset, word by word with carries.</summary>
    private static void Add(ulong[] sums, int offset, ulong[] below, int words)
    {
        for (var i = 0; i < below.Length; i += words)
        {
            var carry = 0UL;
            for (var w = 0; w < words; w++)
            {
                var before = sums[offset + i + w];
                var sum = unchecked(before + below[i + w]);
                var next = sum < before ? 1UL : 0UL;
                sum = unchecked(sum + carry);
                next |= sum < carry ? 1UL : 0UL;
                sums[offset + i + w] = sum;
                carry = next;
            }
        }
    }

    /// <summary>
    /// Each module value's price as a whole number of the prices' common unit (the largest power of
    /// ten fraction they all are multiples of, times their greatest common divisor), and the unit.
    /// </summary>
    private static (long[][] Units, decimal Unit) Units(ModelPricing pricing)
    {
        var scale = pricing.ValuePrices.SelectMany(values => values).Select(price => (int)price.Scale).DefaultIfEmpty(0).Max();
        var tenth = 1m;
        for (var i = 0; i < scale; i++)
        {
            tenth /= 10;
        }

        try
        {
            var units = pricing.ValuePrices.Select(values => values.Select(price => decimal.ToInt64(price / tenth)).ToArray()).ToArray();
            var divisor = units.SelectMany(values => values).Aggregate(0L, (gcd, u) => (long)BigInteger.GreatestCommonDivisor(gcd, u));
            if (divisor > 1)
            {
                foreach (var values in units)
                {
                    for (var v = 0; v < values.Length; v++)
                    {
                        values[v] /= divisor;
                    }
                }
            }

            return (units, tenth * Math.Max(divisor, 1));
        }
        catch (OverflowException e)
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.LimitExceeded,
                "The exact price distribution counts prices in their smallest unit, and these option prices have too many digits for that; ask for the price range instead.", e);
        }
    }
}
