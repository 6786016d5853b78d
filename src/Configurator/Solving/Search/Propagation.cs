using Configurator.Solving.Constraints;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Search;

/// <summary>
/// Runs propagators to a fixpoint: a queue of those whose modules changed, each run until none
/// changes anything more or a domain empties. Holds only immutable wiring; the store is per call.
/// </summary>
internal sealed class Propagation
{
    private readonly Propagator[] _propagators;
    private readonly int[][] _propagatorsOf;

    // When known, a run of everything skips the propagators quiet on full domains whose modules are all full.
    private readonly IReadOnlyList<ModuleDomain>? _domains;

    public Propagation(IReadOnlyList<ModuleDomain> domains, IReadOnlyList<CompiledConstraint> constraints, PropagatorChoice choice = PropagatorChoice.Strongest)
        : this(domains.Count, [.. constraints.Select(c => Propagator.Create(c, domains, choice))], domains)
    {
    }

    /// <summary>Wires already created propagators (a subset of a model's, for explanations).</summary>
    public Propagation(int moduleCount, Propagator[] propagators, IReadOnlyList<ModuleDomain>? domains = null)
    {
        _domains = domains;
        _propagators = propagators;
        _propagatorsOf = PropagatorsOf(moduleCount, propagators);
    }

    /// <summary>
    /// Per module, the positions of the propagators that read it, in order; one pass over the scopes,
    /// since explanations wire a few propagators of a model of many modules, over and over.
    /// </summary>
    private static int[][] PropagatorsOf(int moduleCount, Propagator[] propagators)
    {
        // Two passes, counting then filling: no list per module.
        var counts = new int[moduleCount];
        foreach (var (module, _) in ScopeEntries(propagators, moduleCount))
        {
            counts[module]++;
        }

        var result = new int[moduleCount][];
        for (var m = 0; m < moduleCount; m++)
        {
            result[m] = counts[m] == 0 ? [] : new int[counts[m]];
            counts[m] = 0;
        }

        foreach (var (module, position) in ScopeEntries(propagators, moduleCount))
        {
            result[module][counts[module]++] = position;
        }

        return result;
    }

    /// <summary>Each module each propagator reads, in the propagators' order; a module named twice in one scope once.</summary>
    private static IEnumerable<(int Module, int Position)> ScopeEntries(Propagator[] propagators, int moduleCount)
    {
        var lastSeen = new int[moduleCount];
        Array.Fill(lastSeen, -1);
        for (var p = 0; p < propagators.Length; p++)
        {
            foreach (var module in propagators[p].Scope)
            {
                if (lastSeen[module] != p)
                {
                    lastSeen[module] = p;
                    yield return (module, p);
                }
            }
        }
    }

    /// <summary>Whether some propagator reads the module.</summary>
    public bool Reads(int module) => _propagatorsOf[module].Length > 0;

    /// <summary>The propagators, one per constraint in the order given.</summary>
    public IReadOnlyList<Propagator> Propagators => _propagators;

    /// <summary>Propagates after <paramref name="module"/> changed, or everything when it is -1; returns false on failure.</summary>
    public bool Run(DomainStore store, int module) => Run(store, module, effective: null);

    /// <summary>
    /// Propagates as <see cref="Run(DomainStore, int)"/> and marks in <paramref name="effective"/>
    /// each propagator that removed a value or failed: the only ones a refutation rests on.
    /// </summary>
    public bool Run(DomainStore store, int module, bool[]? effective) => Run(store, module, effective, enabled: null);

    /// <summary>As <see cref="Run(DomainStore, int, bool[])"/>, running only the propagators <paramref name="enabled"/> marks (all when null).</summary>
    public bool Run(DomainStore store, int module, bool[]? effective, bool[]? enabled) => Run(store, module, effective, enabled, trace: null);

    /// <summary>
    /// As <see cref="Run(DomainStore, int, bool[], bool[])"/>, and records in <paramref name="trace"/>
    /// each run of a propagator that changed something, with the modules it changed, in order; a
    /// failing run comes last, with none.
    /// </summary>
    public bool Run(DomainStore store, int module, bool[]? effective, bool[]? enabled, List<(int Propagator, int[] Changed)>? trace) =>
        Run(store, module, effective, enabled, trace, subset: null);

    /// <summary>
    /// Propagates everything as <see cref="Run(DomainStore, int)"/> with -1 does, running only the
    /// propagators at <paramref name="positions"/>: the start is queued from those alone, not
    /// found by a look at every propagator, since explanations run a few of many, over and over.
    /// </summary>
    public bool Run(DomainStore store, IReadOnlyList<int> positions)
    {
        var enabled = new bool[_propagators.Length];
        foreach (var position in positions)
        {
            enabled[position] = true;
        }

        return Run(store, -1, effective: null, enabled, trace: null, subset: positions);
    }

    private bool Run(DomainStore store, int module, bool[]? effective, bool[]? enabled, List<(int Propagator, int[] Changed)>? trace, IReadOnlyList<int>? subset)
    {
        var queued = new bool[_propagators.Length];
        var queue = new Queue<int>();
        void Enqueue(int m, int except = -1)
        {
            foreach (var p in _propagatorsOf[m])
            {
                if (!queued[p] && p != except && (enabled is null || enabled[p]))
                {
                    queued[p] = true;
                    queue.Enqueue(p);
                }
            }
        }

        if (subset is not null)
        {
            foreach (var p in subset)
            {
                if (!queued[p] && !IsIdle(store, _propagators[p]))
                {
                    queued[p] = true;
                    queue.Enqueue(p);
                }
            }
        }
        else if (module < 0)
        {
            for (var p = 0; p < _propagators.Length; p++)
            {
                if ((enabled is null || enabled[p]) && !IsIdle(store, _propagators[p]))
                {
                    queued[p] = true;
                    queue.Enqueue(p);
                }
            }
        }
        else
        {
            Enqueue(module);
        }

        var changed = new List<int>();
        while (queue.TryDequeue(out var next))
        {
            Configurator.Internal.Interruption.Poll();
            queued[next] = false;
            changed.Clear();
            if (!_propagators[next].Propagate(store, changed))
            {
                effective?[next] = true;
                trace?.Add((next, []));
                return false;
            }

            if (changed.Count > 0)
            {
                effective?[next] = true;
                trace?.Add((next, [.. changed.Distinct()]));
            }

            // An idempotent propagator has nothing more to do for its own changes.
            var except = _propagators[next].IsIdempotent ? next : -1;
            foreach (var m in changed)
            {
                Enqueue(m, except);
            }
        }

        return true;
    }

    /// <summary>Whether a propagator has nothing to do yet: quiet on full domains, and its modules are all full.</summary>
    private bool IsIdle(DomainStore store, Propagator propagator)
    {
        if (_domains is null)
        {
            return false;
        }

        foreach (var module in propagator.Scope)
        {
            if (!store.IsFull(module))
            {
                return false;
            }
        }

        return propagator.IsQuietWhenFull(_domains);
    }
}
