using Configurator.Solving;
using Configurator.Solving.Diagrams;

namespace Configurator.Pricing;

/// <summary>
/// The price range (or the best-scoring cheapest configuration) as a shortest and longest path
/// over the compiled decision diagram, for models whose price is the base price plus one price per
/// module value (no price rules): exact, linear in the diagram's edges, whatever the frontier width
/// (the frontier program of <see cref="PriceRangeSolver"/> blows up on wide models such as Renault's).
/// </summary>
internal static class DiagramPriceRange
{
    /// <summary>Whether the diagram program answers for this model's pricing.</summary>
    public static bool Applies(ModelPricing pricing) => pricing.Rules.IsEmpty && pricing.Model.Diagram is { IsEmpty: false };

    /// <summary>The lowest and highest price and a configuration for each, or null when nothing is valid.</summary>
    public static (decimal Min, int[] Cheapest, decimal Max, int[] Dearest)? Solve(ModelPricing pricing, Restriction restriction)
    {
        var low = Best(pricing, restriction, null, cheapest: true);
        if (low is not { } l)
        {
            return null;
        }

        var high = Best(pricing, restriction, null, cheapest: false);
        return high is { } h ? (l.Price, l.Values, h.Price, h.Values) : null;
    }

    /// <summary>The highest score, cheapest among equals, or null when nothing is valid.</summary>
    public static (decimal Score, decimal Price, int[] Configuration)? Optimize(ModelPricing pricing, Restriction restriction, decimal[][] scores) =>
        Best(pricing, restriction, scores, cheapest: true) is { } best ? (best.Score, best.Price, best.Values) : null;

    /// <summary>
    /// The lowest and highest sum of per-module-value scores over the diagram's configurations
    /// within the restriction, or null when there is none. Scores do not involve prices, so this
    /// holds with price rules too.
    /// </summary>
    public static (decimal Min, decimal Max)? ScoreRange(DecisionDiagram diagram, Restriction restriction, decimal[][] scores)
    {
        try
        {
            return Extremes(diagram, restriction, 0m, new Sum(scores));
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("a sum of the scores", e);
        }
    }

    /// <summary>
    /// The lowest, over the diagram's configurations within the restriction, of the largest weight
    /// a configuration takes (a maximum attribute's lower end), or null when there is none.
    /// </summary>
    public static decimal? LowestMaximum(DecisionDiagram diagram, Restriction restriction, decimal[][] weights) =>
        Extremes(diagram, restriction, decimal.MinValue, new Bottleneck(weights))?.Low;

    /// <summary>
    /// One pass from the terminal: per node, the lowest and the highest value of the paths below
    /// it within the restriction, where a path's value starts at <paramref name="terminal"/> and
    /// each edge extends it (<typeparamref name="TPath"/>, a struct so that the pass is compiled for
    /// it), as long as extending keeps order (a sum, a maximum). Null when no path reaches the root.
    /// </summary>
    private static (decimal Low, decimal High)? Extremes<TPath>(DecisionDiagram diagram, Restriction restriction, decimal terminal, TPath extend)
        where TPath : struct, IPathValue
    {
        var nodes = diagram.NodeCount;
        var alive = new bool[nodes];
        var low = new decimal[nodes];
        var high = new decimal[nodes];
        (alive[nodes - 1], low[nodes - 1], high[nodes - 1]) = (true, terminal, terminal);
        for (var level = diagram.Plan.LevelCount - 1; level >= 0; level--)
        {
            var module = diagram.Plan.Order[level];
            for (var node = diagram.LevelStart[level]; node < diagram.LevelStart[level + 1]; node++)
            {
                for (var edge = diagram.EdgeStart[node]; edge < diagram.EdgeStart[node + 1]; edge++)
                {
                    var child = diagram.EdgeChild[edge];
                    var value = diagram.EdgeValue[edge];
                    if (!alive[child] || !restriction.Allows(module, value))
                    {
                        continue;
                    }

                    var (l, h) = (extend.Extend(low[child], module, value), extend.Extend(high[child], module, value));
                    (low[node], high[node]) = alive[node] ? (Math.Min(low[node], l), Math.Max(high[node], h)) : (l, h);
                    alive[node] = true;
                }
            }
        }

        return alive[DecisionDiagram.Root] ? (low[DecisionDiagram.Root], high[DecisionDiagram.Root]) : null;
    }

    /// <summary>A path's value extended by one edge below it.</summary>
    private interface IPathValue
    {
        decimal Extend(decimal below, int module, int value);
    }

    /// <summary>A sum of per-module-value scores.</summary>
    private readonly struct Sum(decimal[][] scores) : IPathValue
    {
        public decimal Extend(decimal below, int module, int value) => below + scores[module][value];
    }

    /// <summary>The largest per-module-value weight.</summary>
    private readonly struct Bottleneck(decimal[][] weights) : IPathValue
    {
        public decimal Extend(decimal below, int module, int value) => Math.Max(below, weights[module][value]);
    }

    private static (decimal Score, decimal Price, int[] Values)? Best(ModelPricing pricing, Restriction restriction, decimal[][]? scores, bool cheapest)
    {
        // This method's diagram comes from Applies, checked by the caller.
        var diagram = pricing.Model.Diagram!;
        var nodes = diagram.NodeCount;
        var terminal = nodes - 1;
        var alive = new bool[nodes];
        var score = new decimal[nodes];
        var price = new decimal[nodes];
        var choice = new int[nodes];
        alive[terminal] = true;
        try
        {
            for (var level = diagram.Plan.LevelCount - 1; level >= 0; level--)
            {
                var module = diagram.Plan.Order[level];
                var prices = pricing.ValuePrices[module];
                for (var node = diagram.LevelStart[level]; node < diagram.LevelStart[level + 1]; node++)
                {
                    for (var edge = diagram.EdgeStart[node]; edge < diagram.EdgeStart[node + 1]; edge++)
                    {
                        var child = diagram.EdgeChild[edge];
                        var value = diagram.EdgeValue[edge];
                        if (!alive[child] || !restriction.Allows(module, value))
                        {
                            continue;
                        }

                        var s = score[child] + (scores?[module][value] ?? 0);
                        var p = Add(pricing, price[child], module, value);
                        if (!alive[node] || s > score[node] || (s == score[node] && (cheapest ? p < price[node] : p > price[node])))
                        {
                            alive[node] = true;
                            score[node] = s;
                            price[node] = p;
                            choice[node] = edge;
                        }
                    }
                }
            }

            if (!alive[DecisionDiagram.Root])
            {
                return null;
            }

            var values = new int[pricing.Model.Domains.Length];
            for (int level = 0, node = DecisionDiagram.Root; level < diagram.Plan.LevelCount; level++)
            {
                values[diagram.Plan.Order[level]] = diagram.EdgeValue[choice[node]];
                node = diagram.EdgeChild[choice[node]];
            }

            return (score[DecisionDiagram.Root], pricing.Model.Model.BasePrice + price[DecisionDiagram.Root], values);
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("the option prices", e);
        }
    }

    /// <summary>A subtotal plus a module value's price; beyond decimal's range it is a price overflow naming the option.</summary>
    private static decimal Add(ModelPricing pricing, decimal subtotal, int module, int value)
    {
        try
        {
            return subtotal + pricing.ValuePrices[module][value];
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.AtValue(pricing.Model, module, value, e);
        }
    }

    /// <summary>
    /// Per module and value, the lowest model price of a valid configuration that takes the value
    /// while every other module keeps to the restriction (the module's own restriction is left out,
    /// as for usable values), or null where there is none: one pass from the root and one from the
    /// terminal, then each edge is the cheapest path through it.
    /// </summary>
    public static decimal?[][] CheapestPerValue(ModelPricing pricing, Restriction restriction)
    {
        // This method's diagram comes from Applies, checked by the caller.
        var diagram = pricing.Model.Diagram!;
        var plan = diagram.Plan;
        var nodes = diagram.NodeCount;
        var below = new decimal[nodes];
        var belowAlive = new bool[nodes];
        belowAlive[nodes - 1] = true;
        var above = new decimal[nodes];
        var aboveAlive = new bool[nodes];
        aboveAlive[DecisionDiagram.Root] = true;
        var result = pricing.Model.Domains.Select(d => new decimal?[d.ValueCount]).ToArray();
        try
        {
            for (var level = plan.LevelCount - 1; level >= 0; level--)
            {
                var module = plan.Order[level];
                for (var node = diagram.LevelStart[level]; node < diagram.LevelStart[level + 1]; node++)
                {
                    for (var edge = diagram.EdgeStart[node]; edge < diagram.EdgeStart[node + 1]; edge++)
                    {
                        var child = diagram.EdgeChild[edge];
                        var value = diagram.EdgeValue[edge];
                        if (belowAlive[child] && restriction.Allows(module, value))
                        {
                            var cost = Add(pricing, below[child], module, value);
                            if (!belowAlive[node] || cost < below[node])
                            {
                                belowAlive[node] = true;
                                below[node] = cost;
                            }
                        }
                    }
                }
            }

            for (var level = 0; level < plan.LevelCount; level++)
            {
                var module = plan.Order[level];
                var cheapest = result[module];
                for (var node = diagram.LevelStart[level]; node < diagram.LevelStart[level + 1]; node++)
                {
                    if (!aboveAlive[node])
                    {
                        continue;
                    }

                    for (var edge = diagram.EdgeStart[node]; edge < diagram.EdgeStart[node + 1]; edge++)
                    {
                        var child = diagram.EdgeChild[edge];
                        var value = diagram.EdgeValue[edge];
                        var prefix = Add(pricing, above[node], module, value);
                        if (belowAlive[child] && prefix + below[child] is var through && (cheapest[value] is not { } known || through < known))
                        {
                            cheapest[value] = through;
                        }

                        if (restriction.Allows(module, value) && (!aboveAlive[child] || prefix < above[child]))
                        {
                            aboveAlive[child] = true;
                            above[child] = prefix;
                        }
                    }
                }
            }

            foreach (var values in result)
            {
                for (var value = 0; value < values.Length; value++)
                {
                    values[value] += pricing.Model.Model.BasePrice;
                }
            }
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("the option prices", e);
        }

        return result;
    }
}
