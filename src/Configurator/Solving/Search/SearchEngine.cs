using System.Numerics;
using Configurator.Internal;
using Configurator.Solving.Diagrams;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Search;

/// <summary>
/// The engine for models whose decision diagram would exceed the node budget: depth-first search
/// in the plan's order, checking each constraint when its last module is decided. Counting caches
/// the count of every sub-problem by its frontier values, so equal sub-problems are counted once;
/// ranking and sampling reuse those counts. Enumerates in exactly the diagram's order.
/// </summary>
/// <remarks>Caching sub-problem counts by the state that separates past from future is the idea behind
/// component caching in #SAT solvers (Sang, Bacchus, Beame, Kautz and Pitassi, SAT 2004).</remarks>
internal sealed class SearchEngine(LevelPlan plan, IReadOnlyList<ModuleDomain> domains) : ISolverEngine
{
    public BigInteger Count(Restriction restriction) => new Counter(plan, domains, restriction).CountFrom(0, new int[domains.Count]);

    public void Unrank(Restriction restriction, BigInteger rank, int[] values)
    {
        var counter = new Counter(plan, domains, restriction);
        for (var level = 0; level < plan.LevelCount; level++)
        {
            var module = plan.Order[level];
            for (var value = 0; value < domains[module].ValueCount; value++)
            {
                if (!counter.Admits(level, value, values))
                {
                    continue;
                }

                var below = counter.CountFrom(level + 1, values);
                if (rank < below)
                {
                    break;
                }

                rank -= below;
            }
        }
    }

    public ulong Enumerate(Restriction restriction, BigInteger start, ulong limit, int[] values, CompiledModel model, ConfigurationHandler handler, CancellationToken cancellationToken)
    {
        var counter = new Counter(plan, domains, restriction);
        var skip = start;
        ulong visited = 0;
        if (limit > 0)
        {
            Visit(0);
        }

        return visited;

        // Returns false to stop.
        bool Visit(int level)
        {
            if (level == plan.LevelCount)
            {
                handler(new ConfigurationView(model, values));
                if ((++visited & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                return visited < limit;
            }

            var module = plan.Order[level];
            for (var value = 0; value < domains[module].ValueCount; value++)
            {
                if (!counter.Admits(level, value, values))
                {
                    continue;
                }

                if (!skip.IsZero)
                {
                    // Skip whole sub-problems until the start rank lies inside one.
                    var below = counter.CountFrom(level + 1, values);
                    if (skip >= below)
                    {
                        skip -= below;
                        continue;
                    }
                }

                if (!Visit(level + 1))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Per-call state: the restriction and the cache of sub-problem counts.</summary>
    private sealed class Counter(LevelPlan plan, IReadOnlyList<ModuleDomain> domains, Restriction restriction)
    {
        private const int CacheLimit = 4_000_000;
        private readonly Dictionary<int[], BigInteger>[] _cache = [.. Enumerable.Range(0, plan.LevelCount + 1).Select(_ => new Dictionary<int[], BigInteger>(IntArrayComparer.Instance))];
        private int _cached;

        /// <summary>Sets the module of <paramref name="level"/> to <paramref name="value"/> and says whether that is allowed and consistent.</summary>
        public bool Admits(int level, int value, int[] values)
        {
            var module = plan.Order[level];
            if (!restriction.Allows(module, value))
            {
                return false;
            }

            values[module] = value;
            foreach (var check in plan.ChecksAt[level])
            {
                if (!check.IsSatisfied(values))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The number of completions from <paramref name="level"/> on, given the values decided before it.</summary>
        public BigInteger CountFrom(int level, int[] values)
        {
            if (level == plan.LevelCount)
            {
                return BigInteger.One;
            }

            var frontier = plan.FrontierBefore(level);
            var key = new int[frontier.Length];
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = values[frontier[i]];
            }

            if (_cache[level].TryGetValue(key, out var cached))
            {
                return cached;
            }

            var sum = BigInteger.Zero;
            var module = plan.Order[level];
            for (var value = 0; value < domains[module].ValueCount; value++)
            {
                if (Admits(level, value, values))
                {
                    sum += CountFrom(level + 1, values);
                }
            }

            if (_cached++ > CacheLimit)
            {
                // Bounded memory: forget and keep going; results stay exact, only slower.
                foreach (var level2 in _cache)
                {
                    level2.Clear();
                }

                _cached = 0;
            }

            _cache[level][key] = sum;
            return sum;
        }
    }
}
