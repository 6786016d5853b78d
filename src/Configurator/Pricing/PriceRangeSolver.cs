using System.Collections.Immutable;
using System.Numerics;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Solving.Constraints;
using Configurator.Solving.Diagrams;

namespace Configurator.Pricing;

/// <summary>
/// The exact lowest and highest model price over every valid configuration within a restriction,
/// without enumerating: a forward dynamic program over the modules in a frontier order that
/// includes the price rules' modules. A state is the frontier's values plus the percentage
/// accumulated so far; since what is still to come depends only on that, keeping the lowest and
/// highest subtotal per state (with the path to it) is exact. The subtotal times (1 + percent/100)
/// is evaluated per final percentage. Immutable; per-call state is local.
/// </summary>
internal sealed class PriceRangeSolver
{
    private readonly ModelPricing _pricing;

    // The frontier program's plan, made on its first use: models the diagram or the circuit prices
    // never need it, and ordering 18,616 modules (automotive2_4) took minutes.
    private readonly Lazy<FrontierPlan> _frontier;

    // A priced session step's range and table, remembered per restriction: a catalogue's product is
    // configured by many customers through the same few thousand partial configurations (300,000
    // random window-rules steps met 4,715), and the frontier program was half of such a step. Up
    // to about 16 MB of answers per model and pipeline, at most 10,000.
    private readonly RememberedAnswers<((decimal Min, int[] Cheapest, decimal Max, int[] Dearest)? Range, decimal?[][]? PerValue)> _steps;

    public PriceRangeSolver(ModelPricing pricing)
    {
        _pricing = pricing;
        _frontier = new(() => FrontierPlan.Create(pricing));
        var values = pricing.Model.Domains.Sum(d => (long)d.ValueCount);
        _steps = new((int)Math.Clamp(16_000_000 / ((32 * values) + 256), 0, 10_000));
    }

    private LevelPlan Plan => _frontier.Value.Plan;

    // Per level: the price rules whose last module is decided there.
    private ImmutableArray<ImmutableArray<CompiledPriceRule>> RulesAt => _frontier.Value.RulesAt;

    // Constraints are checked at the level that decides their last module; pseudo-constraints (price rules) are not checked.
    private ImmutableArray<ImmutableArray<CompiledConstraint>> ChecksAt => _frontier.Value.ChecksAt;

    /// <summary>The range of the model's price (before personalization and policies), or null when nothing is valid.</summary>
    public (decimal Min, int[] Cheapest, decimal Max, int[] Dearest)? Solve(Restriction restriction)
    {
        if (_pricing.Rules.IsEmpty && !_pricing.HasValuePrices)
        {
            // Every configuration costs the base price: any one will do, on any engine (the Linux kernel's model has no circuit and no prices).
            var basePrice = _pricing.Model.Model.BasePrice;
            return _pricing.Model.Find(restriction) is { } any ? (basePrice, any, basePrice, any) : null;
        }

        if (DiagramPriceRange.Applies(_pricing))
        {
            return DiagramPriceRange.Solve(_pricing, restriction);
        }

        return CircuitPriceRange.Applies(_pricing) ? CircuitPriceRange.Solve(_pricing, restriction) : Solve(restriction, null).Range;
    }

    /// <summary>
    /// The configuration with the highest score (a sum of per-module-value scores), the cheapest
    /// among equals, and its model price; null when nothing is valid. Exact: the score is additive, so
    /// a state's best prefix score dominates, and among equal scores the lowest subtotal is kept.
    /// </summary>
    public (decimal Score, decimal Price, int[] Configuration)? Optimize(Restriction restriction, decimal[][] scores)
    {
        if (DiagramPriceRange.Applies(_pricing))
        {
            return DiagramPriceRange.Optimize(_pricing, restriction, scores);
        }

        if (CircuitPriceRange.Applies(_pricing))
        {
            return CircuitPriceRange.Optimize(_pricing, restriction, scores);
        }

        var (range, score) = Solve(restriction, scores);
        return range is { } result ? (score, result.Min, result.Cheapest) : null;
    }

    /// <summary>
    /// The lowest and highest sum of per-module-value scores over the valid configurations, in one
    /// pass that keeps two numbers per state and no configuration (a session's attribute at every
    /// step); null when nothing is valid.
    /// </summary>
    public (decimal Min, decimal Max)? ScoreRange(Restriction restriction, decimal[][] scores)
    {
        // Scores are additive and price rules do not touch them: the diagram or the circuit answers with rules too.
        if (_pricing.Model.Diagram is { IsEmpty: false } diagram)
        {
            return DiagramPriceRange.ScoreRange(diagram, restriction, scores);
        }

        if (CircuitPriceRange.HasCircuit(_pricing))
        {
            return CircuitPriceRange.ScoreRange(_pricing, restriction, scores);
        }

        var terminals = Sweep(restriction, new ScoreBounds(0, 0), () => new ScoreBounds(decimal.MaxValue, decimal.MinValue), (child, parent, module, value, _) =>
        {
            var score = scores[module][value];
            child.Min = Math.Min(child.Min, parent.Min + score);
            child.Max = Math.Max(child.Max, parent.Max + score);
        });
        return terminals.Count == 0 ? null : (terminals.Values.Min(b => b.Min), terminals.Values.Max(b => b.Max));
    }

    /// <summary>
    /// Per module and value, the lowest model price (before personalization and policies) of a
    /// valid configuration that takes the value while every other module keeps to the restriction:
    /// the module's own restriction is lifted (a session's price difference per option, all in one
    /// table instead of a range query per option). Null where no such configuration exists.
    /// </summary>
    /// <remarks>
    /// A forward pass builds the states level by level as <see cref="Sweep"/> does, keeping each
    /// state's lowest and highest prefix; from a state within the restriction it also follows the
    /// values the restriction rules out, one level only. A backward pass keeps, per state and per
    /// final percentage, the lowest and highest amount still to come. An edge of a state within the
    /// restriction then joins its parent's prefix, its own price and its child's remainder: the
    /// total is linear in the subtotal for each final percentage, so its lowest end is the lowest
    /// subtotal times a non-negative factor or the highest times a negative one.
    /// </remarks>
    public decimal?[][] CheapestPerValue(Restriction restriction, bool[][]? usable = null)
    {
        if (_pricing.Rules.IsEmpty && !_pricing.HasValuePrices)
        {
            return BasePriceTable(restriction, usable);
        }

        if (DiagramPriceRange.Applies(_pricing))
        {
            return DiagramPriceRange.CheapestPerValue(_pricing, restriction);
        }

        if (CircuitPriceRange.Applies(_pricing))
        {
            return CircuitPriceRange.CheapestPerValue(_pricing, restriction);
        }

        var layers = Forward(restriction);
        return Join(layers, Remainders(layers));
    }

    /// <summary>
    /// What a priced session step needs: the range (as <see cref="Solve(Restriction)"/> gives it, the
    /// same configurations for its ends) and the table of <see cref="CheapestPerValue"/>; both null
    /// when nothing is valid. The frontier program answers both from one forward pass: its states
    /// within the restriction are the range's states, in the same order. Its answers are remembered
    /// per restriction and shared: never change them.
    /// </summary>
    public ((decimal Min, int[] Cheapest, decimal Max, int[] Dearest)? Range, decimal?[][]? PerValue) RangeAndCheapestPerValue(Restriction restriction, bool[][]? usable = null)
    {
        if (!SharesAnswers)
        {
            return Solve(restriction) is { } range ? (range, CheapestPerValue(restriction, usable)) : (null, null);
        }

        return _steps.GetOrAdd(restriction, restriction =>
        {
            var layers = Forward(restriction);
            var within = Finish(Terminals(layers[^1]), (state, lowest) => Path(layers, state, lowest));
            return within is null ? (null, null) : (within, Join(layers, Remainders(layers)));
        });
    }

    /// <summary>Whether <see cref="RangeAndCheapestPerValue"/> answers from the frontier program, whose answers are remembered and shared (the others are new each time).</summary>
    public bool SharesAnswers =>
        !((_pricing.Rules.IsEmpty && !_pricing.HasValuePrices) || DiagramPriceRange.Applies(_pricing) || CircuitPriceRange.Applies(_pricing));

    /// <summary>Every configuration costs the base price: the table is the usable values (a session has them already).</summary>
    private decimal?[][] BasePriceTable(Restriction restriction, bool[][]? usable)
    {
        var only = _pricing.Model.Model.BasePrice;
        return [.. (usable ?? _pricing.Model.UsableValues(restriction)).Select(values => values.Select(allowed => allowed ? only : (decimal?)null).ToArray())];
    }

    /// <summary>
    /// The forward pass of <see cref="CheapestPerValue"/>. Each level first follows the allowed
    /// values from the states within the restriction, in <see cref="Sweep"/>'s order, so those
    /// states come first and in the order the range's pass makes them (its ties between equal
    /// prices fall the same way); then the values the restriction rules out, one level only.
    /// </summary>
    private Layer[] Forward(Restriction restriction)
    {
        EnsureFrontierFits();
        var domains = _pricing.Model.Domains;
        var layers = new Layer[Plan.LevelCount + 1];
        layers[0] = new Layer();
        var basePrice = _pricing.Model.Model.BasePrice;
        layers[0].Reach(layers[0].Add(new StateKey([], 0)), basePrice, basePrice, new Origin(-1, -1));
        var values = new int[domains.Length];
        for (var level = 0; level < Plan.LevelCount; level++)
        {
            var module = Plan.Order[level];
            var before = Plan.FrontierBefore(level);
            var after = Plan.FrontierAfter[level];
            var (layer, next) = (layers[level], layers[level + 1] = new Layer());
            var scratch = new int[after.Length];

            // At most a value per state: grown by doubling, the edges were a third of a priced car step's allocation.
            layer.Edges.EnsureCapacity(layer.Keys.Count * domains[module].ValueCount);
            for (var lifted = 0; lifted < 2; lifted++)
            {
                for (var state = 0; state < layer.Keys.Count; state++)
                {
                    Interruption.Poll();
                    var within = layer.IsWithin(state);
                    if (lifted == 0 && !within)
                    {
                        continue;
                    }

                    var key = layer.Keys[state];
                    for (var i = 0; i < before.Length; i++)
                    {
                        values[before[i]] = key.Values[i];
                    }

                    for (var value = 0; value < domains[module].ValueCount; value++)
                    {
                        // The first round takes the allowed values of the states within, the second the rest.
                        var allowed = restriction.Allows(module, value);
                        values[module] = value;
                        if ((allowed && within) != (lifted == 0) || (!allowed && !within) || !Satisfied(ChecksAt[level], values))
                        {
                            continue;
                        }

                        var (added, percent) = Contribution(level, module, value, values);
                        for (var i = 0; i < after.Length; i++)
                        {
                            scratch[i] = values[after[i]];
                        }

                        if (!next.Index.TryGetValue(new StateKey(scratch, key.Percent + percent), out var child))
                        {
                            child = next.Keys.Count == _pricing.Model.PriceRangeStateBudget
                                ? throw StatesExceeded(module)
                                : next.Add(new StateKey((int[])scratch.Clone(), key.Percent + percent));
                        }

                        layer.Edges.Add(new Edge(state, value, child, added, allowed));
                        if (lifted == 0)
                        {
                            try
                            {
                                next.Reach(child, layer.Low[state] + added, layer.High[state] + added, new Origin(state, value));
                            }
                            catch (OverflowException e)
                            {
                                throw Overflow(module, value, e);
                            }
                        }
                    }
                }
            }
        }

        return layers;
    }

    /// <summary>The last level's states within the restriction, with their percentage and subtotals.</summary>
    private static IEnumerable<(decimal Percent, decimal Min, decimal Max, int State)> Terminals(Layer last)
    {
        for (var state = 0; state < last.Keys.Count; state++)
        {
            if (last.IsWithin(state))
            {
                yield return (last.Keys[state].Percent, last.Low[state], last.High[state], state);
            }
        }
    }

    /// <summary>Follows a terminal's origins of its lowest (or highest) subtotal to the root.</summary>
    private int[] Path(Layer[] layers, int terminal, bool lowest)
    {
        var values = new int[_pricing.Model.Domains.Length];
        var state = terminal;
        for (var level = Plan.LevelCount - 1; level >= 0; level--)
        {
            var origin = lowest ? layers[level + 1].LowFrom[state] : layers[level + 1].HighFrom[state];
            values[Plan.Order[level]] = origin.Value;
            state = origin.State;
        }

        return values;
    }

    /// <summary>Per level and state, the lowest and highest amount still to come within the restriction, per final percentage; null for a dead end.</summary>
    private List<Remainder>?[][] Remainders(Layer[] layers)
    {
        var remainders = new List<Remainder>?[layers.Length][];
        var last = layers[^1];
        remainders[^1] = [.. last.Keys.Select(key => new List<Remainder>(1) { new(key.Percent, 0, 0) })];
        for (var level = layers.Length - 2; level >= 0; level--)
        {
            var below = remainders[level + 1];
            var here = remainders[level] = new List<Remainder>?[layers[level].Keys.Count];
            foreach (var edge in layers[level].Edges)
            {
                if (!edge.Allowed || below[edge.Child] is not { } rest)
                {
                    continue;
                }

                // Most states end with one percentage in all: a list of one, not of the default four.
                var merged = here[edge.Parent] ??= new List<Remainder>(1);
                try
                {
                    foreach (var remainder in rest)
                    {
                        Merge(merged, new Remainder(remainder.Percent, remainder.Low + edge.Added, remainder.High + edge.Added));
                    }
                }
                catch (OverflowException e)
                {
                    throw Overflow(Plan.Order[level], edge.Value, e);
                }
            }
        }

        return remainders;
    }

    /// <summary>Each edge out of a state within the restriction: its parent's prefix, its price and its child's remainder, lowest per module value.</summary>
    private decimal?[][] Join(Layer[] layers, List<Remainder>?[][] remainders)
    {
        var result = _pricing.Model.Domains.Select(d => new decimal?[d.ValueCount]).ToArray();
        for (var level = 0; level < Plan.LevelCount; level++)
        {
            var cheapest = result[Plan.Order[level]];
            var layer = layers[level];
            foreach (var edge in layer.Edges)
            {
                if (!layer.IsWithin(edge.Parent) || remainders[level + 1][edge.Child] is not { } rest)
                {
                    continue;
                }

                try
                {
                    foreach (var remainder in rest)
                    {
                        var factor = 1 + (remainder.Percent / 100);
                        var total = factor >= 0
                            ? (layer.Low[edge.Parent] + edge.Added + remainder.Low) * factor
                            : (layer.High[edge.Parent] + edge.Added + remainder.High) * factor;
                        if (cheapest[edge.Value] is not { } known || total < known)
                        {
                            cheapest[edge.Value] = total;
                        }
                    }
                }
                catch (OverflowException e)
                {
                    throw Overflow(Plan.Order[level], edge.Value, e);
                }
            }
        }

        return result;
    }

    private static void Merge(List<Remainder> remainders, Remainder offered)
    {
        for (var i = 0; i < remainders.Count; i++)
        {
            if (remainders[i].Percent == offered.Percent)
            {
                var known = remainders[i];
                remainders[i] = new Remainder(known.Percent, Math.Min(known.Low, offered.Low), Math.Max(known.High, offered.High));
                return;
            }
        }

        remainders.Add(offered);
    }

    /// <summary>
    /// Each model price (before personalization and policies) with how many valid configurations
    /// have it; empty when nothing is valid. A state keeps the count of prefixes per subtotal, so the
    /// states' subtotals times their final percentage are every total.
    /// </summary>
    public List<KeyValuePair<decimal, BigInteger>> Distribution(Restriction restriction)
    {
        if (DiagramPriceRange.Applies(_pricing))
        {
            return DiagramPriceDistribution.Solve(_pricing, restriction);
        }

        if (_pricing.Rules.IsEmpty && !_pricing.HasValuePrices)
        {
            // Every configuration costs the base price: the distribution is the count (a feature model's, from its circuit).
            var count = _pricing.Model.CountOrRefuse(restriction, "The price distribution", "ask for the price range instead");
            return count.IsZero ? [] : [KeyValuePair.Create(_pricing.Model.Model.BasePrice, count)];
        }

        var budget = 16L * _pricing.Model.PriceRangeStateBudget;
        if (CircuitPriceRange.Applies(_pricing))
        {
            return CircuitPriceRange.Distribution(_pricing, restriction, budget);
        }

        var entries = 0L;
        var terminals = Sweep(restriction, new Dictionary<decimal, BigInteger> { [_pricing.Model.Model.BasePrice] = BigInteger.One }, () => [], (child, parent, module, value, added) =>
        {
            foreach (var (subtotal, count) in parent)
            {
                var total = subtotal + added;
                if (child.TryGetValue(total, out var known))
                {
                    child[total] = known + count;
                    continue;
                }

                if (++entries > budget)
                {
                    throw new ConfiguratorException(ConfiguratorErrorCodes.LimitExceeded,
                        $"The exact price distribution needs more than {budget:N0} subtotals at module '{_pricing.Model.Model.Modules[module].Id}' " +
                        "(price rules over many modules spread the totals wide); raise CompilerOptions.PriceRangeStateBudget, or ask for the price range instead.");
                }

                child[total] = count;
            }
        });

        var result = new List<KeyValuePair<decimal, BigInteger>>();
        foreach (var (key, subtotals) in terminals)
        {
            var factor = 1 + (key.Percent / 100);
            try
            {
                result.AddRange(subtotals.Select(s => KeyValuePair.Create(s.Key * factor, s.Value)));
            }
            catch (OverflowException e)
            {
                throw PriceOverflow.For($"the percentage rules ({key.Percent} % in all)", e);
            }
        }

        return result;
    }

    private ((decimal Min, int[] Cheapest, decimal Max, int[] Dearest)? Range, decimal Score) Solve(Restriction restriction, decimal[][]? scores)
    {
        var states = Sweep(
            restriction,
            new State(_pricing.Model.Model.BasePrice) { Score = 0 },
            () => new State(decimal.MaxValue) { Max = decimal.MinValue },
            (child, parent, module, value, added) => child.Offer(parent, value, added, scores?[module][value] ?? 0));

        var best = 0m;
        if (scores is not null && states.Count > 0)
        {
            // Only the best-scoring terminals compete on price.
            best = states.Values.Max(s => s.Score);
            states = states.Where(s => s.Value.Score == best).ToDictionary(s => s.Key, s => s.Value);
        }

        return (Finish(states.Select(s => (s.Key.Percent, s.Value.Min, s.Value.Max, s.Value)), Path), best);
    }

    /// <summary>
    /// The forward pass over the frontier order: from the root state, each allowed value that keeps
    /// the constraints checked at its level leads to the state of the frontier's values and the
    /// percentage so far, created on first reach and offered the parent with the value's added price.
    /// </summary>
    private Dictionary<StateKey, T> Sweep<T>(Restriction restriction, T root, Func<T> create, Action<T, T, int, int, decimal> offer)
    {
        EnsureFrontierFits();
        var domains = _pricing.Model.Domains;
        var states = new Dictionary<StateKey, T> { [new StateKey([], 0)] = root };
        var values = new int[domains.Length];
        for (var level = 0; level < Plan.LevelCount; level++)
        {
            var module = Plan.Order[level];
            var before = Plan.FrontierBefore(level);
            var after = Plan.FrontierAfter[level];
            var next = new Dictionary<StateKey, T>();
            var scratch = new int[after.Length];
            foreach (var (key, state) in states)
            {
                Interruption.Poll();
                for (var i = 0; i < before.Length; i++)
                {
                    values[before[i]] = key.Values[i];
                }

                for (var value = 0; value < domains[module].ValueCount; value++)
                {
                    if (!restriction.Allows(module, value))
                    {
                        continue;
                    }

                    values[module] = value;
                    if (!Satisfied(ChecksAt[level], values))
                    {
                        continue;
                    }

                    var (added, percent) = Contribution(level, module, value, values);
                    // Look up with a reused key; copy it only when a new state is stored.
                    for (var i = 0; i < after.Length; i++)
                    {
                        scratch[i] = values[after[i]];
                    }

                    if (!next.TryGetValue(new StateKey(scratch, key.Percent + percent), out var child))
                    {
                        if (next.Count == _pricing.Model.PriceRangeStateBudget)
                        {
                            throw StatesExceeded(module);
                        }

                        next[new StateKey((int[])scratch.Clone(), key.Percent + percent)] = child = create();
                    }

                    try
                    {
                        offer(child, state, module, value, added);
                    }
                    catch (OverflowException e)
                    {
                        throw Overflow(module, value, e);
                    }
                }
            }

            states = next;
        }

        return states;
    }

    /// <summary>
    /// The lowest and highest total over the terminal states (each subtotal times its final
    /// percentage; a negative factor turns the highest subtotal into the lowest total) and the
    /// configurations behind them; null when there is no terminal. Ties keep the first.
    /// </summary>
    private static (decimal Min, int[] Cheapest, decimal Max, int[] Dearest)? Finish<T>(IEnumerable<(decimal Percent, decimal Min, decimal Max, T State)> terminals, Func<T, bool, int[]> path)
    {
        (decimal Total, T State, bool UseMin)? best = null, worst = null;
        foreach (var (percent, min, max, state) in terminals)
        {
            var factor = 1 + (percent / 100);
            decimal low, high;
            bool lowFromMin, highFromMax;
            try
            {
                (low, lowFromMin) = factor >= 0 ? (min * factor, true) : (max * factor, false);
                (high, highFromMax) = factor >= 0 ? (max * factor, true) : (min * factor, false);
            }
            catch (OverflowException e)
            {
                throw PriceOverflow.For($"the percentage rules ({percent} % in all)", e);
            }

            if (best is null || low < best.Value.Total)
            {
                best = (low, state, lowFromMin);
            }

            if (worst is null || high > worst.Value.Total)
            {
                worst = (high, state, !highFromMax);
            }
        }

        if (best is not { } b || worst is not { } w)
        {
            return null;
        }

        return (b.Total, path(b.State, b.UseMin), w.Total, path(w.State, w.UseMin));
    }

    /// <summary>Follows the back pointers of the lowest (or highest) subtotal to the root.</summary>
    private int[] Path(State terminal, bool lowest)
    {
        var values = new int[_pricing.Model.Domains.Length];
        var state = terminal;
        for (var level = Plan.LevelCount - 1; level >= 0; level--)
        {
            // The ! is safe: every state below the root was reached from a parent.
            values[Plan.Order[level]] = lowest ? state.MinValue : state.MaxValue;
            state = (lowest ? state.MinParent : state.MaxParent)!;
        }

        return values;
    }

    /// <summary>
    /// Refuses at once where the frontier program cannot fit: a model on the clause engine without
    /// its circuit (the Linux kernel's) has neither a diagram nor a circuit because it is too wide,
    /// and the program's states would grow for minutes before its budget stopped them.
    /// </summary>
    private void EnsureFrontierFits()
    {
        if (CircuitPriceRange.LacksCircuit(_pricing))
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.LimitExceeded,
                $"The exact prices of model '{_pricing.Model.Model.Id}' need its compiled circuit, which did not fit CompilerOptions.CircuitEdgeBudget or " +
                "CircuitDecisionBudget; a model this wide fits no other exact program of ours either. Raise the budgets, or price complete configurations instead.");
        }
    }

    private ConfiguratorException StatesExceeded(int module) =>
        new(ConfiguratorErrorCodes.LimitExceeded,
            $"The exact price range needs more than {_pricing.Model.PriceRangeStateBudget:N0} states at module '{_pricing.Model.Model.Modules[module].Id}' " +
            "(percentage rules that read many modules multiply them); raise CompilerOptions.PriceRangeStateBudget, or price complete configurations instead.");

    private ConfiguratorException Overflow(int module, int value, OverflowException? inner) =>
        PriceOverflow.AtValue(_pricing.Model, module, value, inner);

    /// <summary>The price a value adds at its level and the percentage its rules add; a saturated amount is an overflow.</summary>
    private (decimal Added, decimal Percent) Contribution(int level, int module, int value, int[] values)
    {
        var added = _pricing.ValuePrices[module][value];
        var percent = 0m;
        foreach (var rule in RulesAt[level])
        {
            if (rule.When.Evaluate(values))
            {
                if (rule.IsPercentage)
                {
                    // The ! is safe: percentage rules have a percent.
                    percent += rule.Source.Percent!.Value;
                }
                else
                {
                    // The ! is safe: rules without a percent have an amount.
                    added += rule.Amount!.Evaluate(values);
                }
            }
        }

        // Rule arithmetic saturates at decimal's limits; as a price that would be a wrong answer.
        return added is decimal.MaxValue or decimal.MinValue ? throw Overflow(module, value, null) : (added, percent);
    }

    private static bool Satisfied(ImmutableArray<CompiledConstraint> checks, int[] values)
    {
        foreach (var check in checks)
        {
            if (!check.IsSatisfied(values))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The lowest and highest amount from a state to the end that finishes with <see cref="Percent"/> in all.</summary>
    private readonly record struct Remainder(decimal Percent, decimal Low, decimal High);

    /// <summary>A value taken from a state: the child it leads to, the price it adds, whether the restriction allows it.</summary>
    /// <remarks>Laid out by the runtime: the decimal first, 32 bytes instead of 40 in declaration order.</remarks>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    private readonly record struct Edge(int Parent, int Value, int Child, decimal Added, bool Allowed);

    /// <summary>Where a state's lowest (or highest) prefix came from: the previous level's state and the value taken.</summary>
    private readonly record struct Origin(int State, int Value);

    /// <summary>
    /// One level's states of <see cref="Forward"/>: keys by index, and for those within the
    /// restriction the lowest and highest prefix and where each came from.
    /// </summary>
    private sealed class Layer
    {
        public List<StateKey> Keys { get; } = [];

        public Dictionary<StateKey, int> Index { get; } = [];

        public List<decimal> Low { get; } = [];

        public List<decimal> High { get; } = [];

        public List<Origin> LowFrom { get; } = [];

        public List<Origin> HighFrom { get; } = [];

        public List<Edge> Edges { get; } = [];

        private readonly List<bool> _within = [];

        /// <summary>Whether a path within the restriction reaches the state (only such states lift the next level's restriction).</summary>
        public bool IsWithin(int state) => _within[state];

        public int Add(StateKey key)
        {
            Index[key] = Keys.Count;
            Keys.Add(key);
            Low.Add(decimal.MaxValue);
            High.Add(decimal.MinValue);
            LowFrom.Add(default);
            HighFrom.Add(default);
            _within.Add(false);
            return Keys.Count - 1;
        }

        /// <summary>Offers a prefix within the restriction; as <see cref="State.Offer"/>, only a strictly lower (higher) one replaces the first.</summary>
        public void Reach(int state, decimal low, decimal high, Origin origin)
        {
            _within[state] = true;
            if (low < Low[state])
            {
                (Low[state], LowFrom[state]) = (low, origin);
            }

            if (high > High[state])
            {
                (High[state], HighFrom[state]) = (high, origin);
            }
        }
    }

    /// <summary>The frontier's values and the percentage so far.</summary>
    private readonly record struct StateKey(int[] Values, decimal Percent)
    {
        public bool Equals(StateKey other) => Percent == other.Percent && IntArrayComparer.Instance.Equals(Values, other.Values);

        public override int GetHashCode() => HashCode.Combine(IntArrayComparer.Instance.GetHashCode(Values), Percent);
    }

    /// <summary>A state's lowest and highest score so far.</summary>
    private sealed class ScoreBounds(decimal min, decimal max)
    {
        public decimal Min { get; set; } = min;

        public decimal Max { get; set; } = max;
    }

    /// <summary>The lowest and highest subtotal reaching a state, and where each came from.</summary>
    private sealed class State(decimal start)
    {
        public decimal Min { get; private set; } = start;

        public decimal Max { get; set; } = start;

        public State? MinParent { get; private set; }

        public int MinValue { get; private set; }

        public State? MaxParent { get; private set; }

        public int MaxValue { get; private set; }

        /// <summary>The best score reaching this state (0 when not optimizing); only prefixes with it are kept.</summary>
        public decimal Score { get; set; } = decimal.MinValue;

        public void Offer(State parent, int value, decimal added, decimal score)
        {
            var candidate = parent.Score + score;
            if (candidate < Score)
            {
                return;
            }

            if (candidate > Score)
            {
                // A better score: what came before no longer counts.
                (Score, Min, Max) = (candidate, decimal.MaxValue, decimal.MinValue);
            }

            // Checked: an overflow is reported by the caller, never saturated into a wrong range.
            var low = parent.Min + added;
            var high = parent.Max + added;
            if (low < Min)
            {
                (Min, MinParent, MinValue) = (low, parent, value);
            }

            if (high > Max)
            {
                (Max, MaxParent, MaxValue) = (high, parent, value);
            }
        }
    }
    /// <summary>The frontier program's order and what each level checks and prices.</summary>
    private sealed record FrontierPlan(LevelPlan Plan, ImmutableArray<ImmutableArray<CompiledPriceRule>> RulesAt, ImmutableArray<ImmutableArray<CompiledConstraint>> ChecksAt)
    {
        public static FrontierPlan Create(ModelPricing pricing)
        {
            // Without price rules the model's own plan is the one (the compiler ordered it, breadth-first on large feature models).
            var model = pricing.Model;
            var real = model.Constraints.ToHashSet();
            var pseudo = pricing.Rules.Select(r => new CompiledConstraint(new Constraint("$price:" + r.Source.Id), -1, r.Scope, model.Domains, _ => true));
            var plan = pricing.Rules.IsEmpty ? model.Plan : LevelPlan.Create(model.Domains, [.. model.Constraints, .. pseudo]);
            var position = new int[plan.LevelCount];
            for (var level = 0; level < plan.LevelCount; level++)
            {
                position[plan.Order[level]] = level;
            }

            return new FrontierPlan(
                plan,
                [.. Enumerable.Range(0, plan.LevelCount).Select(level =>
                    pricing.Rules.Where(r => (r.Scope.IsEmpty ? 0 : r.Scope.Max(m => position[m])) == level).ToImmutableArray())],
                [.. plan.ChecksAt.Select(checks => checks.Where(real.Contains).ToImmutableArray())]);
        }
    }
}
