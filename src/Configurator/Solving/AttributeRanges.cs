using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Configurator.Pricing;

namespace Configurator.Solving;

/// <summary>
/// Exact ranges of a numeric property over the valid configurations within a restriction, on every
/// engine and without enumerating. A sum is additive per module value, so its highest value is the
/// best-scoring configuration of the price range's optimizer (a longest path over the decision
/// diagram, or the frontier program) and its lowest the best with the weights negated. A maximum's
/// highest value is the largest weight of a value some valid configuration takes; its lowest is the
/// smallest threshold under which a valid configuration still exists (a binary search over the
/// distinct weights, each step an existence check).
/// </summary>
internal static class AttributeRanges
{
    // Per model, the weights of each (property, aggregation) asked for: a session shows its attributes at every step.
    // The weights negated come with them: a sum's lowest value is the best score under them.
    private static readonly ConditionalWeakTable<CompiledModel, ConcurrentDictionary<(string Property, AttributeAggregation Aggregation), (decimal[][] Weights, decimal[][] Negated)>> Cache = new();

    public static AttributeRange? Solve(CompiledModel model, string property, AttributeAggregation aggregation, Restriction restriction)
    {
        var weights = Weights(model, property, aggregation);
        return aggregation == AttributeAggregation.Sum
            ? SumRange(model, property, weights, restriction)
            : MaxRange(model, property, weights.Weights, restriction);
    }

    /// <summary>
    /// The range's ends only, for a session's every step: no configuration reaching them is made,
    /// and a maximum reads the usable values the step has already (<paramref name="usable"/>, for
    /// the same restriction). Null when nothing is valid within the restriction.
    /// </summary>
    public static (decimal Min, decimal Max)? Bounds(CompiledModel model, string property, AttributeAggregation aggregation, Restriction restriction, bool[][] usable)
    {
        var weights = Weights(model, property, aggregation).Weights;
        if (aggregation == AttributeAggregation.Sum)
        {
            return PricingPipeline.Default.ScoreRange(model, restriction, weights);
        }

        if (Highest(weights, restriction, usable) is not { } top)
        {
            return null;
        }

        return (Lowest(model, weights, restriction), top.Weight);
    }

    /// <summary>The property's value for one complete configuration (a value per module).</summary>
    public static decimal ValueOf(CompiledModel model, string property, AttributeAggregation aggregation, int[] values)
    {
        var weights = Weights(model, property, aggregation).Weights;
        var chosen = values.Select((value, m) => weights[m][value]);
        return aggregation == AttributeAggregation.Sum ? chosen.Sum() : chosen.Max();
    }

    private static AttributeRange? SumRange(CompiledModel model, string property, (decimal[][] Weights, decimal[][] Negated) weights, Restriction restriction)
    {
        if (PricingPipeline.Default.Optimize(model, restriction, weights.Weights) is not { } highest)
        {
            return null;
        }

        var negated = weights.Negated;
        // The ! is safe: the same restriction has a valid configuration.
        var lowest = PricingPipeline.Default.Optimize(model, restriction, negated)!.Value;
        return new AttributeRange(property, AttributeAggregation.Sum, -lowest.Score, highest.Score, lowest.Configuration, highest.Configuration);
    }

    private static AttributeRange? MaxRange(CompiledModel model, string property, decimal[][] weights, Restriction restriction)
    {
        if (!model.Exists(restriction))
        {
            return null;
        }

        // The ! is safe: a valid configuration exists, so some usable value is allowed.
        var (top, topModule, topValue) = Highest(weights, restriction, model.UsableValues(restriction))!.Value;
        var highest = restriction.Copy();
        highest.Fix(topModule, topValue, weights[topModule].Length);
        var lowest = Lowest(model, weights, restriction);
        return new AttributeRange(property, AttributeAggregation.Max, lowest, top, model.FirstOf(Under(restriction, weights, lowest)), model.FirstOf(highest));
    }

    /// <summary>A maximum's highest value: the largest weight of a value that some valid configuration takes; null when none is usable.</summary>
    private static (decimal Weight, int Module, int Value)? Highest(decimal[][] weights, Restriction restriction, bool[][] usable)
    {
        (decimal Weight, int Module, int Value)? top = null;
        for (var m = 0; m < weights.Length; m++)
        {
            for (var v = 0; v < weights[m].Length; v++)
            {
                if (usable[m][v] && restriction.Allows(m, v) && (top is null || weights[m][v] > top.Value.Weight))
                {
                    top = (weights[m][v], m, v);
                }
            }
        }

        return top;
    }

    /// <summary>A maximum's lowest value: the smallest threshold t with a valid configuration whose every value weighs at most t (a valid configuration must exist).</summary>
    private static decimal Lowest(CompiledModel model, decimal[][] weights, Restriction restriction)
    {
        if (model.Diagram is { IsEmpty: false } diagram)
        {
            // The ! is safe: a valid configuration exists (the caller's condition).
            return DiagramPriceRange.LowestMaximum(diagram, restriction, weights)!.Value;
        }

        var thresholds = weights.SelectMany(values => values).Distinct().Order().ToArray();
        var (low, high) = (0, thresholds.Length - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (model.Exists(Under(restriction, weights, thresholds[middle])))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return thresholds[low];
    }

    /// <summary>The restriction narrowed to the values weighing at most <paramref name="threshold"/>.</summary>
    private static Restriction Under(Restriction restriction, decimal[][] weights, decimal threshold)
    {
        var under = restriction.Copy();
        for (var m = 0; m < weights.Length; m++)
        {
            under.Restrict(m, [.. weights[m].Select(w => w <= threshold)]);
        }

        return under;
    }

    /// <summary>[module][value]: the value's sum or maximum of the property over its options (missing counts 0); computed once per model.</summary>
    /// <exception cref="ConfiguratorException">No option has the property, or it is text (<see cref="ConfiguratorErrorCodes.UnknownProperty"/>).</exception>
    private static (decimal[][] Weights, decimal[][] Negated) Weights(CompiledModel model, string property, AttributeAggregation aggregation) =>
        Cache.GetValue(model, _ => new()).GetOrAdd((property, aggregation), key =>
        {
            if (Modeling.NumericProperties.Problem(model.Model, key.Property) is { } problem)
            {
                throw new ConfiguratorException(ConfiguratorErrorCodes.UnknownProperty, $"Model '{model.Model.Id}' has no range for '{key.Property}': {problem}");
            }

            decimal[][] weights = [.. model.Domains.Select(domain => domain.Values.Select(value =>
            {
                var numbers = value.Select(o => domain.Module.Options[o].Properties.TryGetValue(key.Property, out var p) ? p.Number : 0m).ToList();
                return numbers.Count == 0 ? 0m : key.Aggregation == AttributeAggregation.Sum ? numbers.Sum() : numbers.Max();
            }).ToArray())];
            return (weights, [.. weights.Select(values => values.Select(w => -w).ToArray())]);
        });
}
