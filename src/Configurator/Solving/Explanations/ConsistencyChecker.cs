using Configurator.Solving.Domains;
using Configurator.Solving.Search;

namespace Configurator.Solving.Explanations;

/// <summary>
/// Decides whether some configuration satisfies a subset of a model's constraints and a
/// restriction: propagation, then counting by search with component caching. Explanations ask this many times
/// with different subsets, so the model's propagators are built once and picked per call.
/// </summary>
/// <remarks>
/// Thread-safe: each call builds its own store; the memo of conflicts is a concurrent map of
/// results that depend on the model and the restriction only.
/// </remarks>
internal sealed class ConsistencyChecker(IReadOnlyList<ModuleDomain> domains, Propagator[] propagators)
{
    // Wired once; a subset runs with a mask rather than a propagation built per check.
    private readonly Propagation _all = new(domains.Count, propagators, domains);

    // Pages ask the same "why" for the same few choices again and again, across sessions.
    private readonly Internal.RememberedAnswers<int[]?> _conflicts = new(100_000);

    /// <summary>Whether the constraints at <paramref name="constraintPositions"/> and the restriction can all hold.</summary>
    public bool IsConsistent(IEnumerable<int> constraintPositions, Restriction restriction)
    {
        var store = new DomainStore(domains, restriction);
        return !store.HasEmptyModule() && IsConsistent(constraintPositions, store);
    }

    /// <summary>
    /// As <see cref="IsConsistent(IEnumerable{int}, Restriction)"/> on a store holding the
    /// restriction, no module empty; the store is as it was afterwards, so one serves every check
    /// of a question.
    /// </summary>
    private bool IsConsistent(IEnumerable<int> constraintPositions, DomainStore store)
    {
        Propagator[] subset = [.. constraintPositions.Select(p => propagators[p])];
        var propagation = new Propagation(domains.Count, subset, domains);

        // Only the modules the constraints read take part: every other module keeps a value of its
        // own (none is empty), whatever the rest take. Explanations ask about a few constraints of
        // a model of many modules, so the search stays as small as the question.
        // Counting with component caching rather than a plain search for one configuration: the
        // plain search can thrash on large feature models (BusyBox), where parts count quickly.
        var mark = store.Mark();
        var consistent = propagation.Run(store, -1)
            && new ComponentCounter(propagation, store, domains.Count).Exists(Enumerable.Range(0, domains.Count).Where(propagation.Reads));
        store.Undo(mark);
        return consistent;
    }

    /// <summary>
    /// A minimal set of constraint positions that the restriction contradicts (earlier positions
    /// kept out where possible), empty when the restriction contradicts the domains alone, or null
    /// when every constraint holds with it.
    /// </summary>
    /// <remarks>
    /// When propagation alone refutes the restriction, only the propagators its trace leads back to
    /// from the failure take part (<see cref="Cone"/>), and running just those refutes it again
    /// (propagation is monotone). One of them on a restricted module often refutes it alone, which
    /// a run of that propagator shows; else QuickXplain runs on them with propagation as the check
    /// (cheap), and a deletion filter with the full check then makes the small set it finds truly
    /// minimal: propagation may need more constraints than search does, never fewer. Otherwise
    /// QuickXplain runs on every constraint with the full check.
    /// </remarks>
    public IReadOnlyList<int>? MinimalConflict(Restriction restriction) =>
        _conflicts.GetOrAdd(restriction, restriction => FindMinimalConflict(restriction)?.ToArray());

    private List<int>? FindMinimalConflict(Restriction restriction)
    {
        // One store for every check of this question: each runs from the restriction and undoes
        // what it changed, instead of building the store again.
        var store = new DomainStore(domains, restriction);
        if (store.HasEmptyModule())
        {
            return [];
        }

        var trace = new List<(int Propagator, int[] Changed)>();
        var clean = store.Mark();
        var propagated = _all.Run(store, -1, effective: null, enabled: null, trace);
        store.Undo(clean);
        if (!propagated)
        {
            var used = Cone(trace);

            // Usually one constraint on a restricted module refutes it alone: one propagator's run
            // each, latest first (the one QuickXplain would keep), before a search over subsets.
            for (var i = used.Count - 1; i >= 0; i--)
            {
                if (propagators[used[i]].Scope.Any(m => restriction.AllowedValues(m) is not null) && !Propagates([used[i]], store))
                {
                    return [used[i]];
                }
            }

            var refuted = QuickXplain.FindConflict(used, subset => Propagates(subset, store)) ?? used;
            for (var i = refuted.Count - 1; i >= 0; i--)
            {
                var without = refuted[..i].Concat(refuted[(i + 1)..]).ToList();
                if (!IsConsistent(without, store))
                {
                    refuted = without;
                }
            }

            return refuted;
        }

        return QuickXplain.FindConflict(Enumerable.Range(0, propagators.Length).ToList(), subset => IsConsistent(subset, store));
    }

    /// <summary>
    /// The propagators a failed propagation rests on: the one that failed, and going back through
    /// the trace, each that removed a value from a module that one already taken reads. Running
    /// only these repeats those removals (propagation is monotone), so it fails again.
    /// </summary>
    private List<int> Cone(List<(int Propagator, int[] Changed)> trace)
    {
        var taken = new bool[propagators.Length];
        var read = new bool[domains.Count];
        for (var i = trace.Count - 1; i >= 0; i--)
        {
            var (propagator, changed) = trace[i];
            if (i == trace.Count - 1 || changed.Any(m => read[m]))
            {
                taken[propagator] = true;
                foreach (var module in propagators[propagator].Scope)
                {
                    read[module] = true;
                }
            }
        }

        return [.. Enumerable.Range(0, propagators.Length).Where(p => taken[p])];
    }

    /// <summary>
    /// Whether propagating the constraints leaves every module a value (false means inconsistent
    /// for sure), on a store holding the restriction, no module empty; the store is as it was afterwards.
    /// </summary>
    private bool Propagates(IReadOnlyList<int> constraintPositions, DomainStore store)
    {
        var mark = store.Mark();
        var propagates = _all.Run(store, constraintPositions);
        store.Undo(mark);
        return propagates;
    }
}
