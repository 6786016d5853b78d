using System.Numerics;
using Configurator.Solving;
using Configurator.Solving.Boolean;

namespace Configurator.Pricing;

/// <summary>
/// The price range, the best-scoring cheapest configuration and each value's cheapest price as
/// passes over the clause engine's compiled circuit (<see cref="Circuit"/>), for models whose
/// price is the base price plus one price per module value (no price rules): exact, linear in the
/// circuit's edges. Feature models go to the clause engine because no decision diagram fits them,
/// and the frontier program of <see cref="PriceRangeSolver"/> does not fit them either (BusyBox
/// ran out of its million states after 10 s).
/// </summary>
internal static class CircuitPriceRange
{
    /// <summary>Whether the circuit answers for this model's pricing (recording the circuit if it is not yet).</summary>
    public static bool Applies(ModelPricing pricing) => pricing.Rules.IsEmpty && HasCircuit(pricing);

    /// <summary>Whether the model's clause engine has a circuit (recording it if it is not yet), whatever its price rules.</summary>
    public static bool HasCircuit(ModelPricing pricing) => Engine(pricing) is { Circuit: not null };

    /// <summary>Whether the model's clause engine has no circuit: no program of ours prices it per value.</summary>
    public static bool LacksCircuit(ModelPricing pricing) => Engine(pricing) is { Circuit: null };

    /// <summary>The lowest and highest price and a configuration for each, or null when nothing is valid.</summary>
    public static (decimal Min, int[] Cheapest, decimal Max, int[] Dearest)? Solve(ModelPricing pricing, Restriction restriction)
    {
        var prices = pricing.ValuePrices;
        var low = Best(pricing, restriction, (m, v) => prices[m][v], null);
        if (low is not { } l)
        {
            return null;
        }

        // The dearest is the cheapest at negated prices.
        var high = Best(pricing, restriction, (m, v) => -prices[m][v], null);
        return high is { } h ? (pricing.Model.Model.BasePrice + l.Weight, l.Values, pricing.Model.Model.BasePrice - h.Weight, h.Values) : null;
    }

    /// <summary>The highest score, cheapest among equals, or null when nothing is valid.</summary>
    public static (decimal Score, decimal Price, int[] Configuration)? Optimize(ModelPricing pricing, Restriction restriction, decimal[][] scores)
    {
        var prices = pricing.ValuePrices;
        return Best(pricing, restriction, (m, v) => -scores[m][v], (m, v) => prices[m][v]) is { } best
            ? (-best.Weight, pricing.Model.Model.BasePrice + best.TieWeight, best.Values)
            : null;
    }

    /// <summary>The lowest and highest sum of the scores, or null when nothing is valid.</summary>
    public static (decimal Min, decimal Max)? ScoreRange(ModelPricing pricing, Restriction restriction, decimal[][] scores) =>
        Best(pricing, restriction, (m, v) => scores[m][v], null) is { } low && Best(pricing, restriction, (m, v) => -scores[m][v], null) is { } high
            ? (low.Weight, -high.Weight)
            : null;

    /// <summary>
    /// Per module and value, the lowest model price of a valid configuration that takes the value
    /// while every other module keeps to the restriction (the module's own restriction is left out,
    /// as for usable values), or null where there is none.
    /// </summary>
    public static decimal?[][] CheapestPerValue(ModelPricing pricing, Restriction restriction)
    {
        var prices = pricing.ValuePrices;
        try
        {
            var table = Engine(pricing)!.CheapestPerValue(restriction, (m, v) => prices[m][v]);
            foreach (var values in table)
            {
                for (var value = 0; value < values.Length; value++)
                {
                    values[value] += pricing.Model.Model.BasePrice;
                }
            }

            return table;
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("the option prices", e);
        }
    }

    /// <summary>
    /// Each total with how many valid configurations have it, ascending: counting over the circuit
    /// with each count split by price (an OR adds its branches' tables, an AND convolves its
    /// parts'); BusyBox with a price on every option went to the frontier program and ran out of
    /// its states.
    /// </summary>
    /// <exception cref="ConfiguratorException">More than <paramref name="entryBudget"/> subtotals alive at once (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>), or a total beyond decimal's range.</exception>
    public static List<KeyValuePair<decimal, BigInteger>> Distribution(ModelPricing pricing, Restriction restriction, long entryBudget)
    {
        var prices = pricing.ValuePrices;
        try
        {
            var table = Engine(pricing)!.WeightDistribution(restriction, (m, v) => prices[m][v], entryBudget)
                ?? throw new ConfiguratorException(ConfiguratorErrorCodes.LimitExceeded,
                    $"The exact price distribution of model '{pricing.Model.Model.Id}' needs more than {entryBudget:N0} subtotals at once over its circuit " +
                    "(many options with different prices); raise CompilerOptions.PriceRangeStateBudget, or ask for the price range instead.");
            return [.. table.Select(entry => KeyValuePair.Create(pricing.Model.Model.BasePrice + entry.Key, entry.Value))];
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("the option prices", e);
        }
    }

    private static (decimal Weight, decimal TieWeight, int[] Values)? Best(ModelPricing pricing, Restriction restriction, Func<int, int, decimal> weight, Func<int, int, decimal>? tieWeight)
    {
        try
        {
            return Engine(pricing)!.Cheapest(restriction, weight, tieWeight);
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("the option prices", e);
        }
    }

    private static BooleanEngine? Engine(ModelPricing pricing) => pricing.Model.Solver as BooleanEngine;
}
