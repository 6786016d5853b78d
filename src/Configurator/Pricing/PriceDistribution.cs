using System.Numerics;
using System.Text.Json.Serialization;
using Configurator.Internal;
using Configurator.Internal.Json;
using Configurator.Modeling;

namespace Configurator.Pricing;

/// <summary>One price and how many valid configurations have it. Immutable.</summary>
/// <param name="Price">The price.</param>
/// <param name="Count">How many valid configurations cost exactly <paramref name="Price"/>.</param>
public sealed record PricePoint(Money Price, [property: JsonConverter(typeof(BigIntegerJsonConverter))] BigInteger Count);

/// <summary>One bar of a price histogram: the configurations priced from <see cref="From"/> up to <see cref="To"/>. Immutable.</summary>
/// <param name="From">The lowest price in the bar (inclusive).</param>
/// <param name="To">The price where the next bar starts (exclusive), or the highest price for the last bar (inclusive).</param>
/// <param name="Count">How many valid configurations fall in the bar.</param>
public sealed record PriceBin(Money From, Money To, [property: JsonConverter(typeof(BigIntegerJsonConverter))] BigInteger Count);

/// <summary>
/// The exact distribution of prices over the valid configurations (within a partial selection):
/// every price that occurs, lowest first, with how many configurations have it. Computed without
/// enumerating (<see cref="PricingPipeline.Distribution"/>), so it works on 10^47 configurations.
/// Immutable.
/// </summary>
/// <param name="Points">Each price that occurs, lowest first, with its count; never empty.</param>
public sealed record PriceDistribution([property: JsonConverter(typeof(EquatableArrayJsonConverter<PricePoint>))] EquatableArray<PricePoint> Points)
{
    /// <summary>How many valid configurations there are: the counts' sum.</summary>
    [JsonConverter(typeof(BigIntegerJsonConverter))]
    public BigInteger Count => Points.Aggregate(BigInteger.Zero, (sum, point) => sum + point.Count);

    /// <summary>The lowest price.</summary>
    public Money Min => Points[0].Price;

    /// <summary>The highest price.</summary>
    public Money Max => Points[^1].Price;

    /// <summary>
    /// The prices in <paramref name="bins"/> bars of equal width from <see cref="Min"/> to
    /// <see cref="Max"/> (one bar when every configuration costs the same); every configuration
    /// falls in exactly one bar, so the bars' counts add up to <see cref="Count"/>.
    /// </summary>
    /// <param name="bins">How many bars; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 1.</exception>
    public IReadOnlyList<PriceBin> Histogram(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var (min, max) = (Min.Amount, Max.Amount);
        if (min == max)
        {
            return [new PriceBin(Min, Max, Count)];
        }

        var width = (max - min) / bins;
        var counts = new BigInteger[bins];
        foreach (var point in Points)
        {
            // The highest price belongs to the last bar; rounding never puts a price past it.
            counts[Math.Min(bins - 1, (int)((point.Price.Amount - min) / width))] += point.Count;
        }

        var currency = Min.Currency;
        return [.. counts.Select((count, i) => new PriceBin(
            new Money(min + (width * i), currency),
            new Money(i == bins - 1 ? max : min + (width * (i + 1)), currency),
            count))];
    }

    /// <summary>Builds the distribution from price totals and their counts (in any order; equal prices are merged).</summary>
    internal static PriceDistribution? Of(IEnumerable<KeyValuePair<decimal, BigInteger>> totals, string currency) =>
        totals.Where(t => !t.Value.IsZero).GroupBy(t => t.Key).OrderBy(g => g.Key)
            .Select(g => new PricePoint(new Money(g.Key, currency), g.Aggregate(BigInteger.Zero, (sum, t) => sum + t.Value)))
            .ToEquatableArray() is { IsEmpty: false } points ? new PriceDistribution(points) : null;
}
