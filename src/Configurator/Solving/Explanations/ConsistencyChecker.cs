using Configurator.Solving.Domains;
using Configurator.Solving.Search;

namespace Configurator.Solving.Explanations;

/// <summary>
/// Decides whether some configuration satisfies a subset of a model's constraints and a
/// restriction: propagation, then counting by search with component caching. Explanations ask this many times
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

        // Counting with component caching rather than a plain search for one configuration: the
        // plain search can thrash on large feature models (BusyBox), where parts count quickly.
        return propagation.Run(store, -1) && new ComponentCounter(propagation, store, domains.Count).Exists(Enumerable.Range(0, domains.Count));
    }
}
