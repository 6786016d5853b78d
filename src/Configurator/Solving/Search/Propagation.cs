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

    public Propagation(IReadOnlyList<ModuleDomain> domains, IReadOnlyList<CompiledConstraint> constraints, PropagatorChoice choice = PropagatorChoice.Strongest)
        : this(domains.Count, [.. constraints.Select(c => Propagator.Create(c, domains, choice))])
    {
    }

    /// <summary>Wires already created propagators (a subset of a model's, for explanations).</summary>
    public Propagation(int moduleCount, Propagator[] propagators)
    {
        var domains = Enumerable.Range(0, moduleCount).ToArray();
        _propagators = propagators;
        _propagatorsOf = [.. domains.Select(m => Enumerable.Range(0, _propagators.Length).Where(p => _propagators[p].Scope.Contains(m)).ToArray())];
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
    public bool Run(DomainStore store, int module, bool[]? effective, bool[]? enabled)
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
                if (enabled is null || enabled[p])
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
            queued[next] = false;
            changed.Clear();
            if (!_propagators[next].Propagate(store, changed))
            {
                effective?[next] = true;
                return false;
            }

            if (changed.Count > 0 && effective is not null)
            {
                effective[next] = true;
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
}
