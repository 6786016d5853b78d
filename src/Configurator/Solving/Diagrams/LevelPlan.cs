using System.Collections.Immutable;
using Configurator.Solving.Constraints;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Diagrams;

/// <summary>
/// The order in which modules are decided and what each step needs: the constraints that become
/// fully decided at a level (checked there), and the frontier after it (the decided modules that
/// constraints still open depend on). The frontier's values are all the future needs to know of the
/// past, which is what lets counts of sub-problems be shared. Immutable.
/// </summary>
internal sealed class LevelPlan
{
    private readonly Lazy<ImmutableArray<ImmutableArray<int>>> _frontiers;

    private LevelPlan(ImmutableArray<int> order, ImmutableArray<ImmutableArray<CompiledConstraint>> checks, ImmutableArray<CompiledConstraint> constraints)
    {
        Order = order;
        ChecksAt = checks;
        FrontierWidth = (int)VariableOrder.WidestFrontier(order, constraints, [.. Enumerable.Repeat(1.0, order.Length)]);

        // Every level's frontier as an array is the width times the levels: 18,616 levels and
        // frontiers of thousands on automotive2_4, a tenth of its whole count's time, for a plan the
        // clause engine never walks. Made when first read.
        _frontiers = new(() => Frontiers(order, constraints));
    }

    /// <summary>Level to module.</summary>
    public ImmutableArray<int> Order { get; }

    /// <summary>Per level, the constraints whose last module in the order is decided there.</summary>
    public ImmutableArray<ImmutableArray<CompiledConstraint>> ChecksAt { get; }

    /// <summary>Per level, the modules whose values later levels still need (ascending module index).</summary>
    public ImmutableArray<ImmutableArray<int>> FrontierAfter => _frontiers.Value;

    /// <summary>The most modules any level's frontier holds.</summary>
    public int FrontierWidth { get; }

    public int LevelCount => Order.Length;

    /// <summary>The frontier before <paramref name="level"/> is decided.</summary>
    public ImmutableArray<int> FrontierBefore(int level) => level == 0 ? [] : FrontierAfter[level - 1];

    public static LevelPlan Create(IReadOnlyList<ModuleDomain> domains, IReadOnlyList<CompiledConstraint> constraints) =>
        Create(VariableOrder.Compute(domains, constraints), constraints);

    /// <summary>The plan for a given order (level to module).</summary>
    public static LevelPlan Create(ImmutableArray<int> order, IReadOnlyList<CompiledConstraint> constraints)
    {
        // Each constraint's last level once, then a bucket per level (in constraint order): linear,
        // where asking every level about every constraint took most of compiling a DIMACS model.
        var position = Positions(order);
        var checks = new List<CompiledConstraint>?[order.Length];
        foreach (var constraint in constraints)
        {
            (checks[LastLevel(constraint, position)] ??= []).Add(constraint);
        }

        return new LevelPlan(order, [.. checks.Select(c => c is null ? [] : c.ToImmutableArray())], [.. constraints]);
    }

    /// <summary>Per level, the frontier after it when only <paramref name="constraints"/> are open (ascending module index).</summary>
    public static ImmutableArray<ImmutableArray<int>> Frontiers(ImmutableArray<int> order, IEnumerable<CompiledConstraint> constraints)
    {
        var position = Positions(order);

        // A module stays on the frontier from its own level until the last level of any constraint that reads it.
        var neededUntil = new int[order.Length];
        foreach (var constraint in constraints)
        {
            var last = LastLevel(constraint, position);
            foreach (var module in constraint.Scope)
            {
                neededUntil[module] = Math.Max(neededUntil[module], last);
            }
        }

        // One sweep over the levels: a module joins at its level and leaves at the level it is needed until.
        var leaving = new List<int>?[order.Length];
        for (var m = 0; m < order.Length; m++)
        {
            if (neededUntil[m] > position[m])
            {
                (leaving[neededUntil[m]] ??= []).Add(m);
            }
        }

        var frontier = new SortedSet<int>();
        var frontiers = ImmutableArray.CreateBuilder<ImmutableArray<int>>(order.Length);
        for (var level = 0; level < order.Length; level++)
        {
            foreach (var m in leaving[level] ?? [])
            {
                frontier.Remove(m);
            }

            var module = order[level];
            if (neededUntil[module] > level)
            {
                frontier.Add(module);
            }

            frontiers.Add([.. frontier]);
        }

        return frontiers.MoveToImmutable();
    }

    /// <summary>Module to level.</summary>
    public static int[] Positions(ImmutableArray<int> order)
    {
        var position = new int[order.Length];
        for (var level = 0; level < order.Length; level++)
        {
            position[order[level]] = level;
        }

        return position;
    }

    private static int LastLevel(CompiledConstraint constraint, int[] position)
    {
        var last = 0;
        foreach (var module in constraint.Scope)
        {
            last = Math.Max(last, position[module]);
        }

        return last;
    }
}
