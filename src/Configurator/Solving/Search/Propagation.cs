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
        _propagatorsOf = [.. Enumerable.Range(0, moduleCount).Select(m => Enumerable.Range(0, _propagators.Length).Where(p => _propagators[p].Scope.Contains(m)).ToArray())];
    }

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
    public bool Run(DomainStore store, int module, bool[]? effective, bool[]? enabled, List<(int Propagator, int[] Changed)>? trace)
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

        if (module < 0)
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
