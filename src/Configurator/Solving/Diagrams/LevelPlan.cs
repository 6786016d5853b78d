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
    private LevelPlan(ImmutableArray<int> order, ImmutableArray<ImmutableArray<CompiledConstraint>> checks, ImmutableArray<ImmutableArray<int>> frontiers)
    {
        Order = order;
        ChecksAt = checks;
        FrontierAfter = frontiers;
    }

    /// <summary>Level to module.</summary>
    public ImmutableArray<int> Order { get; }

    /// <summary>Per level, the constraints whose last module in the order is decided there.</summary>
    public ImmutableArray<ImmutableArray<CompiledConstraint>> ChecksAt { get; }

    /// <summary>Per level, the modules whose values later levels still need (ascending module index).</summary>
    public ImmutableArray<ImmutableArray<int>> FrontierAfter { get; }

    public int LevelCount => Order.Length;

    /// <summary>The frontier before <paramref name="level"/> is decided.</summary>
    public ImmutableArray<int> FrontierBefore(int level) => level == 0 ? [] : FrontierAfter[level - 1];

    public static LevelPlan Create(IReadOnlyList<ModuleDomain> domains, IReadOnlyList<CompiledConstraint> constraints) =>
        Create(VariableOrder.Compute(domains, constraints), constraints);

    /// <summary>The plan for a given order (level to module).</summary>
    public static LevelPlan Create(ImmutableArray<int> order, IReadOnlyList<CompiledConstraint> constraints)
    {
        var position = Positions(order);
        var checks = Enumerable.Range(0, order.Length)
            .Select(level => constraints.Where(c => LastLevel(c, position) == level).ToImmutableArray())
            .ToImmutableArray();
        return new LevelPlan(order, checks, Frontiers(order, constraints));
    }

    /// <summary>Per level, the frontier after it when only <paramref name="constraints"/> are open (ascending module index).</summary>
    public static ImmutableArray<ImmutableArray<int>> Frontiers(ImmutableArray<int> order, IEnumerable<CompiledConstraint> constraints)
    {
        var position = Positions(order);

        // A module stays on the frontier until the last level of any constraint that reads it.
        var neededUntil = new int[order.Length];
        foreach (var constraint in constraints)
        {
            var last = LastLevel(constraint, position);
            foreach (var module in constraint.Scope)
            {
                neededUntil[module] = Math.Max(neededUntil[module], last);
            }
        }

        return [.. Enumerable.Range(0, order.Length)
            .Select(level => Enumerable.Range(0, order.Length).Where(m => position[m] <= level && neededUntil[m] > level).ToImmutableArray())];
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

    private static int LastLevel(CompiledConstraint constraint, int[] position) => constraint.Scope.IsEmpty ? 0 : constraint.Scope.Max(m => position[m]);
}
