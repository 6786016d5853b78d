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
    private readonly LevelPlan _plan;

    // Per level: the price rules whose last module is decided there.
    private readonly ImmutableArray<ImmutableArray<CompiledPriceRule>> _rulesAt;

    // Constraints are checked at the level that decides their last module; pseudo-constraints (price rules) are not checked.
    private readonly ImmutableArray<ImmutableArray<CompiledConstraint>> _checksAt;

    public PriceRangeSolver(ModelPricing pricing)
    {
        _pricing = pricing;
        var model = pricing.Model;
        var real = model.Constraints.ToHashSet();
        var pseudo = pricing.Rules.Select(r => new CompiledConstraint(new Constraint("$price:" + r.Source.Id), -1, r.Scope, model.Domains, _ => true));
        _plan = LevelPlan.Create(model.Domains, [.. model.Constraints, .. pseudo]);
        var position = new int[_plan.LevelCount];
        for (var level = 0; level < _plan.LevelCount; level++)
        {
            position[_plan.Order[level]] = level;
        }

        _rulesAt = [.. Enumerable.Range(0, _plan.LevelCount).Select(level =>
            pricing.Rules.Where(r => (r.Scope.IsEmpty ? 0 : r.Scope.Max(m => position[m])) == level).ToImmutableArray())];
        _checksAt = [.. _plan.ChecksAt.Select(checks => checks.Where(real.Contains).ToImmutableArray())];
    }

    /// <summary>The range of the model's price (before personalization and policies), or null when nothing is valid.</summary>
    public (decimal Min, int[] Cheapest, decimal Max, int[] Dearest)? Solve(Restriction restriction) =>
        DiagramPriceRange.Applies(_pricing) ? DiagramPriceRange.Solve(_pricing, restriction) : Solve(restriction, null).Range;

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

        var (range, score) = Solve(restriction, scores);
        return range is { } result ? (score, result.Min, result.Cheapest) : null;
    }

    /// <summary>
    /// The lowest and highest sum of per-module-value scores over the valid configurations, in one
    /// pass that keeps two numbers per state and no configuration (a session's attribute at every
    /// step); null when nothing is valid. <paramref name="negated"/> is the scores negated, for the
    /// decision-diagram path, which finds each end as a best score.
    /// </summary>
    public (decimal Min, decimal Max)? ScoreRange(Restriction restriction, decimal[][] scores, decimal[][] negated)
    {
        if (DiagramPriceRange.Applies(_pricing))
        {
            // The ! is safe: the same restriction has a valid configuration once the first has one.
            return DiagramPriceRange.Optimize(_pricing, restriction, scores) is { } highest
                ? (-DiagramPriceRange.Optimize(_pricing, restriction, negated)!.Value.Score, highest.Score)
                : null;
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

        var entries = 0L;
        var budget = 16L * _pricing.Model.PriceRangeStateBudget;
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

        return (Finish(states), best);
    }

    /// <summary>
    /// The forward pass over the frontier order: from the root state, each allowed value that keeps
    /// the constraints checked at its level leads to the state of the frontier's values and the
    /// percentage so far, created on first reach and offered the parent with the value's added price.
    /// </summary>
    private Dictionary<StateKey, T> Sweep<T>(Restriction restriction, T root, Func<T> create, Action<T, T, int, int, decimal> offer)
    {
        var domains = _pricing.Model.Domains;
        var states = new Dictionary<StateKey, T> { [new StateKey([], 0)] = root };
        var values = new int[domains.Length];
        for (var level = 0; level < _plan.LevelCount; level++)
        {
            var module = _plan.Order[level];
            var before = _plan.FrontierBefore(level);
            var after = _plan.FrontierAfter[level];
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
                    if (!Satisfied(_checksAt[level], values))
                    {
                        continue;
                    }

                    var (added, percent) = Contribution(level, module, value, values);
                    if (added is decimal.MaxValue or decimal.MinValue)
                    {
                        // Rule arithmetic saturates at decimal's limits; as a price that would be a wrong answer.
                        throw PriceOverflow.For($"the prices with {_pricing.Model.Model.Modules[module].Id}={string.Join('+', _pricing.Model.OptionIdsOf(module, value))}", null);
                    }
                    // Look up with a reused key; copy it only when a new state is stored.
                    for (var i = 0; i < after.Length; i++)
                    {
                        scratch[i] = values[after[i]];
                    }

                    if (!next.TryGetValue(new StateKey(scratch, key.Percent + percent), out var child))
                    {
                        if (next.Count == _pricing.Model.PriceRangeStateBudget)
                        {
                            throw new ConfiguratorException(ConfiguratorErrorCodes.LimitExceeded,
                                $"The exact price range needs more than {_pricing.Model.PriceRangeStateBudget:N0} states at module '{_pricing.Model.Model.Modules[module].Id}' " +
                                "(percentage rules that read many modules multiply them); raise CompilerOptions.PriceRangeStateBudget, or price complete configurations instead.");
                        }

                        next[new StateKey((int[])scratch.Clone(), key.Percent + percent)] = child = create();
                    }

                    try
                    {
                        offer(child, state, module, value, added);
                    }
                    catch (OverflowException e)
                    {
                        throw PriceOverflow.For($"the prices with {_pricing.Model.Model.Modules[module].Id}={string.Join('+', _pricing.Model.OptionIdsOf(module, value))}", e);
                    }
                }
            }

            states = next;
        }

        return states;
    }

    private (decimal Min, int[] Cheapest, decimal Max, int[] Dearest)? Finish(Dictionary<StateKey, State> terminals)
    {
        (decimal Total, State State, bool UseMin)? best = null, worst = null;
        foreach (var (key, state) in terminals)
        {
            var factor = 1 + (key.Percent / 100);
            decimal low, high;
            bool lowFromMin, highFromMax;
            try
            {
                (low, lowFromMin) = factor >= 0 ? (state.Min * factor, true) : (state.Max * factor, false);
                (high, highFromMax) = factor >= 0 ? (state.Max * factor, true) : (state.Min * factor, false);
            }
            catch (OverflowException e)
            {
                throw PriceOverflow.For($"the percentage rules ({key.Percent} % in all)", e);
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

        return (b.Total, Path(b.State, b.UseMin), w.Total, Path(w.State, w.UseMin));
    }

    /// <summary>Follows the back pointers of the lowest (or highest) subtotal to the root.</summary>
    private int[] Path(State terminal, bool lowest)
    {
        var values = new int[_pricing.Model.Domains.Length];
        var state = terminal;
        for (var level = _plan.LevelCount - 1; level >= 0; level--)
        {
            // The ! is safe: every state below the root was reached from a parent.
            values[_plan.Order[level]] = lowest ? state.MinValue : state.MaxValue;
            state = (lowest ? state.MinParent : state.MaxParent)!;
        }

        return values;
    }

    private (decimal Added, decimal Percent) Contribution(int level, int module, int value, int[] values)
    {
        var added = _pricing.ValuePrices[module][value];
        var percent = 0m;
        foreach (var rule in _rulesAt[level])
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

        return (added, percent);
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

    /// <summary>The frontier's values and the percentage so far.</summary>
    private readonly record struct StateKey(int[] Values, decimal Percent)
    {
        public bool Equals(StateKey other) => Percent == other.Percent && IntArrayComparer.Instance.Equals(Values, other.Values);

        public override int GetHashCode() => HashCode.Combine(IntArrayComparer.Instance.GetHashCode(Values), Percent);
    }

    /// <summary>The lowest and highest subtotal reaching a state, and where each came from.</summary>
    /// <summary>A state's lowest and highest score so far.</summary>
    private sealed class ScoreBounds(decimal min, decimal max)
    {
        public decimal Min { get; set; } = min;

        public decimal Max { get; set; } = max;
    }

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
}
