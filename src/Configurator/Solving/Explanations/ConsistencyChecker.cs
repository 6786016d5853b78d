using Configurator.Solving.Domains;
using Configurator.Solving.Search;

namespace Configurator.Solving.Explanations;

/// <summary>
/// Decides whether some configuration satisfies a subset of a model's constraints and a
/// restriction: search with propagation, smallest domain first. Explanations ask this many times
/// with different subsets, so the model's propagators are built once and picked per call.
/// </summary>
internal sealed class ConsistencyChecker(IReadOnlyList<ModuleDomain> domains, Propagator[] propagators)
{
    /// <summary>Whether the constraints at <paramref name="constraintPositions"/> and the restriction can all hold.</summary>
    public bool IsConsistent(IEnumerable<int> constraintPositions, Restriction restriction)
    {
        var store = new DomainStore(domains, restriction);
        if (Enumerable.Range(0, domains.Count).Any(m => store.Size(m) == 0))
        {
            return false;
        }

        var propagation = new Propagation(domains.Count, [.. constraintPositions.Select(p => propagators[p])]);
        return propagation.Run(store, -1) && Search(store, propagation);
    }

    private bool Search(DomainStore store, Propagation propagation)
    {
        var next = -1;
        for (var m = 0; m < domains.Count; m++)
        {
            if (store.Size(m) > 1 && (next < 0 || store.Size(m) < store.Size(next)))
            {
                next = m;
            }
        }

        // Every module fixed and every propagator at its fixpoint: propagators reject a fixed
        // assignment that breaks their constraint, so this is a solution.
        if (next < 0)
        {
            return true;
        }

        foreach (var value in store.Values(next).ToList())
        {
            var mark = store.Mark();
            var found = store.Fix(next, value) && propagation.Run(store, next) && Search(store, propagation);
            store.Undo(mark);
            if (found)
            {
                return true;
            }
        }

        return false;
    }
}
