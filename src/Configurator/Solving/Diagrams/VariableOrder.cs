using System.Collections.Immutable;
using Configurator.Internal;
using Configurator.Solving.Constraints;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Diagrams;

/// <summary>
/// Chooses the order in which modules are decided so that the frontier (decided modules that open
/// constraints still read) stays small: greedily, the next module is the neighbour of the decided
/// ones that leaves the smallest frontier, measured as the product of its domain sizes. On a ring of
/// pairwise tables this keeps two modules on the frontier; on a chain, one.
/// </summary>
/// <remarks>A greedy min-width heuristic in the spirit of the orderings used for bucket elimination and
/// decision-diagram compilation (Dechter, <i>Constraint Processing</i>, 2003, ch. 4).</remarks>
internal static class VariableOrder
{
    private const int MinFillLimit = 400;

    /// <summary>
    /// The order, among a few heuristics, whose widest frontier is lightest: the greedy min-frontier
    /// order, a min-fill elimination order and its reverse, and a breadth-first (Cuthill–McKee) order.
    /// Each suits different shapes (rings and chains, tree-like models, banded ones).
    /// </summary>
    public static ImmutableArray<int> Compute(IReadOnlyList<ModuleDomain> domains, IReadOnlyList<CompiledConstraint> constraints)
    {
        var weight = domains.Select(d => Math.Log(Math.Max(2, d.ValueCount))).ToArray();
        List<ImmutableArray<int>> candidates = [Greedy(domains, constraints), BreadthFirst(domains.Count, constraints)];

        // Min-fill costs about n^2 times the neighbourhood size squared; large models skip it.
        if (domains.Count <= MinFillLimit)
        {
            var minFill = MinFill(domains.Count, constraints, weight);
            candidates.Add(minFill);
            candidates.Add([.. minFill.Reverse()]);
        }

        return candidates.MinBy(order => WidestFrontier(order, constraints, weight));
    }

    /// <summary>The weight (sum of log domain sizes) of the widest frontier an order leads to.</summary>
    internal static double WidestFrontier(ImmutableArray<int> order, IReadOnlyList<CompiledConstraint> constraints, double[] weight)
    {
        var position = new int[order.Length];
        for (var level = 0; level < order.Length; level++)
        {
            position[order[level]] = level;
        }

        // A module stays on the frontier from its own level until the last level of any constraint that reads it.
        var neededUntil = new int[order.Length];
        foreach (var constraint in constraints)
        {
            var last = constraint.Scope.IsEmpty ? 0 : constraint.Scope.Max(m => position[m]);
            foreach (var module in constraint.Scope)
            {
                neededUntil[module] = Math.Max(neededUntil[module], last);
            }
        }

        var delta = new double[order.Length + 1];
        for (var m = 0; m < order.Length; m++)
        {
            if (neededUntil[m] > position[m])
            {
                delta[position[m]] += weight[m];
                delta[neededUntil[m]] -= weight[m];
            }
        }

        double current = 0, widest = 0;
        foreach (var change in delta)
        {
            current += change;
            widest = Math.Max(widest, current);
        }

        return widest;
    }

    /// <summary>Eliminates, each time, the module whose neighbours need the fewest new links (ties: the lighter module).</summary>
    internal static ImmutableArray<int> MinFill(int n, IReadOnlyList<CompiledConstraint> constraints, double[] weight)
    {
        var neighbours = Enumerable.Range(0, n).Select(_ => new HashSet<int>()).ToArray();
        foreach (var constraint in constraints)
        {
            foreach (var a in constraint.Scope)
            {
                foreach (var b in constraint.Scope.Where(b => b != a))
                {
                    neighbours[a].Add(b);
                }
            }
        }

        var eliminated = new bool[n];
        var order = ImmutableArray.CreateBuilder<int>(n);
        for (var step = 0; step < n; step++)
        {
            Internal.Interruption.Poll();
            var best = Enumerable.Range(0, n).Where(m => !eliminated[m])
                .MinBy(m => (Fill(m), neighbours[m].Count, weight[m], m));
            eliminated[best] = true;
            order.Add(best);
            var around = neighbours[best].ToList();
            foreach (var a in around)
            {
                neighbours[a].Remove(best);
                foreach (var b in around.Where(b => b != a))
                {
                    neighbours[a].Add(b);
                }
            }
        }

        return order.MoveToImmutable();

        int Fill(int m)
        {
            var around = neighbours[m].ToList();
            var missing = 0;
            for (var i = 0; i < around.Count; i++)
            {
                for (var j = i + 1; j < around.Count; j++)
                {
                    missing += neighbours[around[i]].Contains(around[j]) ? 0 : 1;
                }
            }

            return missing;
        }
    }

    /// <summary>Breadth-first from a least-connected module, neighbours by ascending degree (Cuthill–McKee), per connected part.</summary>
    internal static ImmutableArray<int> BreadthFirst(int n, IReadOnlyList<CompiledConstraint> constraints)
    {
        // Neighbour lists as sorted arrays and the starts sorted once: sets per module and a scan
        // of every module per connected part took 130 ms of automotive2_4's compile.
        var lists = new List<int>?[n];
        foreach (var constraint in constraints)
        {
            foreach (var a in constraint.Scope)
            {
                var list = lists[a] ??= [];
                foreach (var b in constraint.Scope)
                {
                    if (b != a)
                    {
                        list.Add(b);
                    }
                }
            }
        }

        var neighbours = lists.Select(list => list is null ? [] : SortedSets.SortDistinct(list)).ToArray();

        // Ascending degree, then module index: the order both the starts and each module's
        // neighbours are taken in.
        int Compare(int x, int y) => neighbours[x].Length != neighbours[y].Length ? neighbours[x].Length.CompareTo(neighbours[y].Length) : x.CompareTo(y);
        var starts = Enumerable.Range(0, n).ToArray();
        Array.Sort(starts, Compare);
        var seen = new bool[n];
        var order = ImmutableArray.CreateBuilder<int>(n);
        var next = new List<int>();
        var queue = new Queue<int>();
        foreach (var start in starts)
        {
            if (seen[start])
            {
                continue;
            }

            queue.Enqueue(start);
            seen[start] = true;
            while (queue.TryDequeue(out var m))
            {
                Internal.Interruption.Poll();
                order.Add(m);
                next.Clear();
                foreach (var x in neighbours[m])
                {
                    if (!seen[x])
                    {
                        next.Add(x);
                    }
                }

                next.Sort(Compare);
                foreach (var x in next)
                {
                    seen[x] = true;
                    queue.Enqueue(x);
                }
            }
        }

        return order.MoveToImmutable();
    }

    internal static ImmutableArray<int> Greedy(IReadOnlyList<ModuleDomain> domains, IReadOnlyList<CompiledConstraint> constraints)
    {
        var n = domains.Count;
        var constraintsOf = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (var c = 0; c < constraints.Count; c++)
        {
            foreach (var module in constraints[c].Scope)
            {
                constraintsOf[module].Add(c);
            }
        }

        var openVariables = constraints.Select(c => c.Scope.Length).ToArray();
        var decided = new bool[n];
        var frontier = new HashSet<int>();
        var order = ImmutableArray.CreateBuilder<int>(n);
        var weight = domains.Select(d => Math.Log(Math.Max(2, d.ValueCount))).ToArray();

        while (order.Count < n)
        {
            var candidates = frontier.SelectMany(m => constraintsOf[m]).SelectMany(c => constraints[c].Scope).Where(m => !decided[m]).Distinct().ToList();
            if (candidates.Count == 0)
            {
                // Start a new connected part at its least constrained module.
                candidates = [Enumerable.Range(0, n).Where(m => !decided[m]).MinBy(m => (constraintsOf[m].Count, m))];
            }

            var best = candidates.MinBy(m => (FrontierCost(m), -Closing(m), m));
            decided[best] = true;
            order.Add(best);
            foreach (var c in constraintsOf[best])
            {
                openVariables[c]--;
            }

            frontier.Add(best);
            frontier.RemoveWhere(m => constraintsOf[m].All(c => openVariables[c] == 0));
        }

        return order.MoveToImmutable();

        // The frontier's weight after deciding `next`.
        double FrontierCost(int next)
        {
            var cost = 0.0;
            foreach (var m in frontier.Append(next))
            {
                var stillOpen = constraintsOf[m].Any(c => openVariables[c] - (constraints[c].Scope.Contains(next) ? 1 : 0) > 0);
                cost += stillOpen ? weight[m] : 0;
            }

            return cost;
        }

        int Closing(int next) => constraintsOf[next].Count(c => openVariables[c] == 1);
    }
}
