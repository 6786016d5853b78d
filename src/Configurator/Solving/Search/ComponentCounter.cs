using System.Numerics;
using Configurator.Internal;

namespace Configurator.Solving.Search;

/// <summary>
/// Exact counting by search with component caching: after each decision and its propagation, the
/// constraints every remaining combination satisfies are dropped, the open modules fall apart into
/// parts that share no constraint, each part is counted on its own and the counts multiply. A part's
/// count is cached under the part's constraints and the current domains of the modules they read,
/// which is all that count depends on, so equal parts met anywhere in the search are counted once.
/// Per call (it holds the cache), never shared.
/// </summary>
/// <remarks>Sang, Bacchus, Beame, Kautz and Pitassi, "Combining component caching and clause learning
/// for effective model counting", SAT 2004; the same idea on finite domains, with propagation by
/// the model's propagators instead of unit resolution.</remarks>
internal sealed class ComponentCounter
{
    private const int CacheLimit = 1_000_000;

    private readonly Propagation _propagation;
    private readonly IReadOnlyList<Propagator> _propagators;
    private readonly DomainStore _store;
    private readonly Dictionary<int[], BigInteger> _cache;

    // Scratch, reused between calls: union-find parents, degrees and a stamp per module.
    private readonly int[] _parent;
    private readonly int[] _degree;
    private readonly int[] _stamp;
    private int _stampNow;
    private bool _existsOnly;

    /// <param name="propagation">The propagators (one per constraint).</param>
    /// <param name="store">The domains, propagated.</param>
    /// <param name="moduleCount">The number of modules.</param>
    /// <param name="cache">
    /// Part counts to share with other counters over the same propagators (a key names the part's
    /// constraints and its modules' domains, so it holds whatever the restriction); null for a new one.
    /// </param>
    public ComponentCounter(Propagation propagation, DomainStore store, int moduleCount, Dictionary<int[], BigInteger>? cache = null)
    {
        _cache = cache ?? NewCache();
        _propagation = propagation;
        _propagators = propagation.Propagators;
        _store = store;
        _parent = new int[moduleCount];
        _degree = new int[moduleCount];
        _stamp = new int[moduleCount];
    }

    /// <summary>An empty cache of part counts, to share between counters.</summary>
    public static Dictionary<int[], BigInteger> NewCache() => new(IntArrayComparer.Instance);

    /// <summary>
    /// The number of ways to complete the given modules under every constraint, the other modules
    /// taken as they stand in the store (which must be propagated).
    /// </summary>
    public BigInteger Count(IEnumerable<int> modules) => CountParts([.. modules], [.. Enumerable.Range(0, _propagators.Count)]);

    /// <summary>
    /// Whether the given modules can be completed at all: the same search, stopping each part at
    /// its first completion. Its cache then holds lower bounds, so a counter used for this must
    /// not count afterwards, nor share its cache.
    /// </summary>
    public bool Exists(IEnumerable<int> modules)
    {
        _existsOnly = true;
        return !Count(modules).IsZero;
    }

    private BigInteger CountParts(int[] modules, int[] constraints)
    {
        if (modules.Any(m => _store.Size(m) == 0))
        {
            // A restriction can empty a module no constraint reads, which propagation never sees.
            return BigInteger.Zero;
        }

        var open = modules.Where(m => _store.Size(m) > 1).ToArray();
        foreach (var module in open)
        {
            _parent[module] = module;
        }

        var active = new List<(int Constraint, int First)>();
        foreach (var constraint in constraints)
        {
            var scope = _propagators[constraint].Scope;
            var first = -1;
            foreach (var module in scope)
            {
                if (_store.Size(module) > 1)
                {
                    first = module;
                    break;
                }
            }

            // Propagation leaves no constraint without an open module unsatisfied.
            if (first >= 0 && !_propagators[constraint].IsEntailed(_store))
            {
                active.Add((constraint, first));
            }
        }

        foreach (var (constraint, first) in active)
        {
            foreach (var module in _propagators[constraint].Scope)
            {
                if (module != first && _store.Size(module) > 1)
                {
                    _parent[Find(module)] = Find(first);
                }
            }
        }

        var parts = new Dictionary<int, (List<int> Modules, List<int> Constraints)>();
        foreach (var module in open)
        {
            var root = Find(module);
            if (!parts.TryGetValue(root, out var part))
            {
                part = ([], []);
                parts.Add(root, part);
            }

            part.Modules.Add(module);
        }

        foreach (var (constraint, first) in active)
        {
            parts[Find(first)].Constraints.Add(constraint);
        }

        var result = BigInteger.One;
        foreach (var (partModules, partConstraints) in parts.Values)
        {
            result *= partConstraints.Count == 0 ? _store.Size(partModules[0]) : CountPart([.. partModules], [.. partConstraints]);
            if (result.IsZero)
            {
                break;
            }
        }

        return result;
    }

    private BigInteger CountPart(int[] modules, int[] constraints)
    {
        var key = Key(constraints);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var branch = Branching(modules, constraints);
        var rest = modules.Where(m => m != branch).ToArray();
        var sum = BigInteger.Zero;
        foreach (var value in _store.Values(branch).ToList())
        {
            var mark = _store.Mark();
            if (_store.Fix(branch, value) && _propagation.Run(_store, branch))
            {
                sum += CountParts(rest, constraints);
            }

            _store.Undo(mark);
            if (_existsOnly && !sum.IsZero)
            {
                break;
            }
        }

        if (_cache.Count >= CacheLimit)
        {
            // Bounded memory: forget and go on; counts stay exact, only slower.
            _cache.Clear();
        }

        _cache[key] = sum;
        return sum;
    }

    /// <summary>The part's constraints, then each module they read with its current domain.</summary>
    private int[] Key(int[] constraints)
    {
        _stampNow++;
        var modules = new List<int>();
        foreach (var constraint in constraints)
        {
            foreach (var module in _propagators[constraint].Scope)
            {
                if (_stamp[module] != _stampNow)
                {
                    _stamp[module] = _stampNow;
                    modules.Add(module);
                }
            }
        }

        modules.Sort();
        var key = new List<int>(constraints.Length + (modules.Count * 3) + 1) { constraints.Length };
        key.AddRange(constraints);
        foreach (var module in modules)
        {
            key.Add(module);
            foreach (var word in _store.Words(module))
            {
                key.Add(unchecked((int)word));
                key.Add(unchecked((int)(word >> 32)));
            }
        }

        return [.. key];
    }

    /// <summary>The module that most of the part's constraints read, the smaller domain among equals.</summary>
    private int Branching(int[] modules, int[] constraints)
    {
        foreach (var module in modules)
        {
            _degree[module] = 0;
        }

        foreach (var constraint in constraints)
        {
            foreach (var module in _propagators[constraint].Scope)
            {
                if (_store.Size(module) > 1)
                {
                    _degree[module]++;
                }
            }
        }

        var best = modules[0];
        foreach (var module in modules)
        {
            if (_degree[module] > _degree[best] || (_degree[module] == _degree[best] && _store.Size(module) < _store.Size(best)))
            {
                best = module;
            }
        }

        return best;
    }

    private int Find(int module)
    {
        while (_parent[module] != module)
        {
            _parent[module] = _parent[_parent[module]];
            module = _parent[module];
        }

        return module;
    }
}
