using System.Numerics;
using Configurator.Solving.Diagrams;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Search;

/// <summary>
/// The engine for models whose decision diagram would exceed the node budget: depth-first search
/// in the plan's order with propagation after every decision (compact-table over rows on tables
/// and tabulated rules, bounds reasoning on larger rules), and each constraint checked when its
/// last module is decided. Counting, ranking and availability count with component caching
/// (<see cref="ComponentCounter"/>). Enumerates in exactly the diagram's order.
/// </summary>
internal sealed class SearchEngine(LevelPlan plan, IReadOnlyList<ModuleDomain> domains, Propagation propagation) : ISolverEngine
{
    public BigInteger Count(Restriction restriction) => Count(restriction, null);

    public bool Exists(Restriction restriction) => !Count(restriction).IsZero;

    private BigInteger Count(Restriction restriction, Dictionary<int[], BigInteger>? cache)
    {
        var search = new SearchState(this, restriction, cache);
        return search.Start() ? search.CountFrom(0) : BigInteger.Zero;
    }

    public bool[][] UsableValues(Restriction restriction)
    {
        // One count per value not yet known usable: counting with component caching stays fast on
        // models where a plain depth-first search for one configuration thrashes (BusyBox). The
        // first configuration of the restriction shows one usable value per module at once, and
        // the counts share one cache of part counts, as parts recur from one value to the next.
        var cache = ComponentCounter.NewCache();
        var usable = new bool[domains.Count][];
        for (var module = 0; module < domains.Count; module++)
        {
            usable[module] = new bool[domains[module].ValueCount];
        }

        if (!Count(restriction).IsZero)
        {
            var first = new int[domains.Count];
            Unrank(restriction, BigInteger.Zero, first);
            for (var module = 0; module < first.Length; module++)
            {
                usable[module][first[module]] = true;
            }
        }

        for (var module = 0; module < domains.Count; module++)
        {
            var others = restriction.Without(module);
            for (var value = 0; value < usable[module].Length; value++)
            {
                if (!usable[module][value])
                {
                    var probe = others.Copy();
                    probe.Fix(module, value, usable[module].Length);
                    usable[module][value] = !Count(probe, cache).IsZero;
                }
            }
        }

        return usable;
    }

    public void Unrank(Restriction restriction, BigInteger rank, int[] values)
    {
        var search = new SearchState(this, restriction);
        search.Start();
        for (var level = 0; level < plan.LevelCount; level++)
        {
            foreach (var value in search.Candidates(level))
            {
                var mark = search.Store.Mark();
                if (!search.Decide(level, value))
                {
                    search.Store.Undo(mark);
                    continue;
                }

                var below = search.CountFrom(level + 1);
                if (rank < below)
                {
                    break;
                }

                rank -= below;
                search.Store.Undo(mark);
            }
        }

        search.Values.CopyTo(values, 0);
    }

    public ulong Enumerate(Restriction restriction, BigInteger start, ulong limit, int[] values, CompiledModel model, ConfigurationHandler handler, CancellationToken cancellationToken)
    {
        var search = new SearchState(this, restriction);
        var skip = start;
        ulong visited = 0;
        if (limit > 0 && search.Start())
        {
            Visit(0);
        }

        return visited;

        // Returns false to stop.
        bool Visit(int level)
        {
            if (level == plan.LevelCount)
            {
                search.Values.CopyTo(values, 0);
                handler(new ConfigurationView(model, values));
                if ((++visited & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                return visited < limit;
            }

            foreach (var value in search.Candidates(level))
            {
                var mark = search.Store.Mark();
                var go = search.Decide(level, value);
                if (go && !skip.IsZero)
                {
                    // Skip whole sub-problems until the start rank lies inside one.
                    var below = search.CountFrom(level + 1);
                    if (skip >= below)
                    {
                        skip -= below;
                        go = false;
                    }
                }

                var keepGoing = !go || Visit(level + 1);
                search.Store.Undo(mark);
                if (!keepGoing)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Per-call state: the domains, the decided values and the counter with its cache of part counts.</summary>
    private sealed class SearchState
    {
        private readonly SearchEngine _engine;
        private readonly ComponentCounter _counter;

        public SearchState(SearchEngine engine, Restriction restriction, Dictionary<int[], BigInteger>? cache = null)
        {
            _engine = engine;
            Store = new DomainStore(engine.Domains, restriction);
            Values = new int[engine.Domains.Count];
            _counter = new ComponentCounter(engine.Propagation, Store, engine.Domains.Count, cache);
        }

        public DomainStore Store { get; }

        public int[] Values { get; }

        private LevelPlan Plan => _engine.Plan;

        /// <summary>Propagates the restriction; false when nothing can satisfy it.</summary>
        public bool Start() => _engine.Propagation.Run(Store, -1);

        /// <summary>The values left for the module of <paramref name="level"/>, ascending (a snapshot).</summary>
        public List<int> Candidates(int level) => [.. Store.Values(Plan.Order[level])];

        /// <summary>Decides the module of <paramref name="level"/>; false when that fails (the caller undoes).</summary>
        public bool Decide(int level, int value)
        {
            var module = Plan.Order[level];
            Values[module] = value;
            if (!Store.Fix(module, value) || !_engine.Propagation.Run(Store, module))
            {
                return false;
            }

            foreach (var check in Plan.ChecksAt[level])
            {
                if (!check.IsSatisfied(Values))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The number of completions from <paramref name="level"/> on, given the values decided before it.</summary>
        public BigInteger CountFrom(int level) => _counter.Count(Plan.Order.Skip(level));
    }

    private LevelPlan Plan => plan;

    private IReadOnlyList<ModuleDomain> Domains => domains;

    private Propagation Propagation => propagation;
}
