using System.Collections.Immutable;
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
    public static ImmutableArray<int> Compute(IReadOnlyList<ModuleDomain> domains, IReadOnlyList<CompiledConstraint> constraints)
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
