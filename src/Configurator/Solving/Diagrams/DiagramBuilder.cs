using System.Collections.Immutable;
using Configurator.Solving.Constraints;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Diagrams;

/// <summary>
/// Builds a <see cref="DecisionDiagram"/> level by level. A node stands for the values of the
/// frontier (the decided modules that open constraints still read); two partial configurations
/// with equal frontier values have the same completions, so they share a node. The diagram is then
/// pruned of dead ends and reduced bottom-up (nodes with equal outgoing edges merged).
/// </summary>
internal static class DiagramBuilder
{
    /// <summary>Builds the diagram, or returns null when it would exceed <paramref name="nodeBudget"/> nodes.</summary>
    public static DecisionDiagram? Build(LevelPlan plan, IReadOnlyList<ModuleDomain> domains, int nodeBudget)
    {
        var levels = plan.LevelCount;
        var sums = new Sums(plan, domains);
        var parents = new List<int>[levels];
        var labels = new List<int>[levels];
        var children = new List<int>[levels];
        var nodesAt = new int[levels + 1];
        nodesAt[0] = 1;
        var states = new List<int[]> { Array.Empty<int>() };
        var scratch = new int[domains.Count];
        var total = 1;

        for (var level = 0; level < levels; level++)
        {
            var module = plan.Order[level];
            var before = sums.FrontierBefore(level);
            var after = sums.Frontier[level];
            var checks = sums.ChecksAt[level];
            var next = new Dictionary<int[], int>(Internal.IntArrayComparer.Instance);
            var nextStates = new List<int[]>();
            var key = new int[after.Length + sums.OpenAfter(level)];
            (parents[level], labels[level], children[level]) = ([], [], []);

            for (var parent = 0; parent < states.Count; parent++)
            {
                Internal.Interruption.Poll();
                var state = states[parent];
                for (var i = 0; i < before.Length; i++)
                {
                    scratch[before[i]] = state[i];
                }

                for (var value = 0; value < domains[module].ValueCount; value++)
                {
                    scratch[module] = value;
                    if (!Satisfied(checks, scratch) || !sums.Advance(level, state, before.Length, value, key, after.Length))
                    {
                        continue;
                    }

                    for (var i = 0; i < after.Length; i++)
                    {
                        key[i] = scratch[after[i]];
                    }

                    if (!next.TryGetValue(key, out var child))
                    {
                        if (++total > nodeBudget)
                        {
                            return null;
                        }

                        child = nextStates.Count;
                        var stored = (int[])key.Clone();
                        nextStates.Add(stored);
                        next.Add(stored, child);
                    }

                    parents[level].Add(parent);
                    labels[level].Add(value);
                    children[level].Add(child);
                }
            }

            states = nextStates;
            nodesAt[level + 1] = states.Count;
        }

        return Reduce(plan, parents, labels, children, nodesAt, [.. domains.Select(d => d.ValueCount)]);
    }

    private static bool Satisfied(System.Collections.Immutable.ImmutableArray<Constraints.CompiledConstraint> checks, int[] values)
    {
        foreach (var check in checks)
        {
            if (!check.IsSatisfied(values))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Drops nodes without a path to the terminal, merges equivalent nodes, and numbers the rest level by level.</summary>
    private static DecisionDiagram Reduce(LevelPlan plan, List<int>[] parents, List<int>[] labels, List<int>[] children, int[] nodesAt, int[] valueCounts)
    {
        var levels = plan.LevelCount;

        // canonical[level][node]: the id of the node's representative within the level, or -1 when dead.
        var canonical = new int[levels + 1][];
        canonical[levels] = nodesAt[levels] == 0 ? [-1] : [0];
        var kept = new List<(int Value, int Child)>[levels];
        var keptCount = new int[levels + 1];
        keptCount[levels] = nodesAt[levels] == 0 ? 0 : 1;

        for (var level = levels - 1; level >= 0; level--)
        {
            var outgoing = new List<(int Value, int Child)>?[nodesAt[level]];
            for (var e = 0; e < parents[level].Count; e++)
            {
                var child = canonical[level + 1][children[level][e]];
                if (child >= 0)
                {
                    (outgoing[parents[level][e]] ??= []).Add((labels[level][e], child));
                }
            }

            canonical[level] = new int[nodesAt[level]];
            var signatures = new Dictionary<string, int>(StringComparer.Ordinal);
            var representatives = new List<(int Value, int Child)>();
            var edgesOfRepresentative = new List<List<(int Value, int Child)>>();
            for (var node = 0; node < nodesAt[level]; node++)
            {
                if (outgoing[node] is not { Count: > 0 } edges)
                {
                    canonical[level][node] = -1;
                    continue;
                }

                var signature = string.Join(';', edges.Select(e => $"{e.Value},{e.Child}"));
                if (!signatures.TryGetValue(signature, out var id))
                {
                    id = edgesOfRepresentative.Count;
                    signatures.Add(signature, id);
                    edgesOfRepresentative.Add(edges);
                }

                canonical[level][node] = id;
            }

            keptCount[level] = edgesOfRepresentative.Count;
            kept[level] = [];
            foreach (var edges in edgesOfRepresentative)
            {
                kept[level].AddRange(edges);
                kept[level].Add((-1, -1)); // node separator
            }
        }

        if (keptCount[0] == 0)
        {
            return new DecisionDiagram(plan, [0], [], [], new int[levels + 2], valueCounts);
        }

        // Number nodes level by level: level l's nodes follow those of every level above.
        var levelStart = new int[levels + 2];
        for (var level = 0; level <= levels; level++)
        {
            levelStart[level + 1] = levelStart[level] + keptCount[level];
        }

        var nodeCount = levelStart[levels + 1];
        var edgeStart = new int[nodeCount + 1];
        var edgeValue = new List<int>();
        var edgeChild = new List<int>();
        var nodeId = 0;
        for (var level = 0; level < levels; level++)
        {
            foreach (var (value, child) in kept[level])
            {
                if (value < 0)
                {
                    edgeStart[++nodeId] = edgeValue.Count;
                    continue;
                }

                edgeValue.Add(value);
                edgeChild.Add(levelStart[level + 1] + child);
            }
        }

        // The terminal has no edges.
        edgeStart[nodeCount] = edgeValue.Count;
        return new DecisionDiagram(plan, edgeStart, [.. edgeValue], [.. edgeChild], levelStart, valueCounts);
    }

    /// <summary>
    /// The plan's rules that are linear sums (<see cref="LinearSum"/>), carried through the levels as
    /// partial sums rather than as the modules they read: a node's key is the frontier of the other
    /// constraints, then one entry per open sum, the interned partial sum or <see cref="Entailed"/>
    /// once every completion satisfies it. A partial sum that no completion can bring within the
    /// bound ends the path at once.
    /// </summary>
    private sealed class Sums
    {
        private const int Entailed = -1;

        // A sum the parent's key has no entry for: it starts at this level, from zero.
        private const int NotStarted = -2;

        private readonly LinearSum[] _sums;
        // Per level: the sums open after it (indices into _sums); per sum and level, the term position
        // of the level's module (-1 when it does not read it) and the least and greatest rest of the sum.
        private readonly int[][] _openAfter;
        private readonly int[][] _termAt;
        private readonly decimal[][] _restLow;
        private readonly decimal[][] _restHigh;

        // Per sum, its partial sums by id and ids by partial sum.
        private readonly List<decimal>[] _partials;
        private readonly Dictionary<decimal, int>[] _ids;

        // Per level, the sums it advances (open before it, or starting at it), and for each its entry
        // in the parent's key and in the child's (-1 when it has none: starting, or closing here).
        private readonly int[][] _advanced;
        private readonly int[][] _slotBefore;
        private readonly int[][] _slotAfter;

        public Sums(LevelPlan plan, IReadOnlyList<ModuleDomain> domains)
        {
            var levels = plan.LevelCount;
            var all = plan.ChecksAt.SelectMany(checks => checks).ToList();
            _sums = [.. all.Select(c => LinearSum.TryCreate(c, domains)).OfType<LinearSum>()];
            var summed = _sums.Select(s => s.Constraint).ToHashSet();
            ChecksAt = [.. plan.ChecksAt.Select(checks => checks.Where(c => !summed.Contains(c)).ToImmutableArray())];
            Frontier = _sums.Length == 0 ? plan.FrontierAfter : LevelPlan.Frontiers(plan.Order, all.Where(c => !summed.Contains(c)));

            var position = LevelPlan.Positions(plan.Order);
            var first = _sums.Select(s => s.Scope.Min(m => position[m])).ToArray();
            var last = _sums.Select(s => s.Scope.Max(m => position[m])).ToArray();
            _openAfter = [.. Enumerable.Range(0, levels).Select(level => Enumerable.Range(0, _sums.Length).Where(s => first[s] <= level && level < last[s]).ToArray())];
            _advanced = [.. Enumerable.Range(0, levels).Select(level => Enumerable.Range(0, _sums.Length).Where(s => first[s] <= level && level <= last[s]).ToArray())];
            _slotBefore = [.. Enumerable.Range(0, levels).Select(level => _advanced[level].Select(s => level == 0 ? -1 : Array.IndexOf(_openAfter[level - 1], s)).ToArray())];
            _slotAfter = [.. Enumerable.Range(0, levels).Select(level => _advanced[level].Select(s => Array.IndexOf(_openAfter[level], s)).ToArray())];
            _termAt = new int[_sums.Length][];
            _restLow = new decimal[_sums.Length][];
            _restHigh = new decimal[_sums.Length][];
            for (var s = 0; s < _sums.Length; s++)
            {
                var sum = _sums[s];
                _termAt[s] = [.. plan.Order.Select(m => sum.Scope.IndexOf(m))];
                (_restLow[s], _restHigh[s]) = (new decimal[levels], new decimal[levels]);
                decimal low = 0, high = 0;
                for (var level = levels - 1; level >= 0; level--)
                {
                    // The rest after `level`: the terms of the levels below it.
                    (_restLow[s][level], _restHigh[s][level]) = (low, high);
                    if (_termAt[s][level] is var term and >= 0)
                    {
                        low += sum.Terms[term].Min();
                        high += sum.Terms[term].Max();
                    }
                }
            }

            _partials = [.. _sums.Select(_ => new List<decimal>())];
            _ids = [.. _sums.Select(_ => new Dictionary<decimal, int>())];
        }

        /// <summary>Per level, the constraints other than sums whose last module is decided there.</summary>
        public ImmutableArray<ImmutableArray<CompiledConstraint>> ChecksAt { get; }

        /// <summary>Per level, the frontier after it for the constraints other than sums.</summary>
        public ImmutableArray<ImmutableArray<int>> Frontier { get; }

        /// <summary>How many sums are open after <paramref name="level"/>: the entries they take in a node's key.</summary>
        public int OpenAfter(int level) => _openAfter[level].Length;

        public ImmutableArray<int> FrontierBefore(int level) => level == 0 ? [] : Frontier[level - 1];

        /// <summary>
        /// Writes the sums' entries of the child's key from <paramref name="offset"/> on, for the
        /// parent's <paramref name="state"/> (whose sum entries start at <paramref name="parentOffset"/>)
        /// and <paramref name="value"/> of the level's module; false when a sum can no longer hold.
        /// </summary>
        public bool Advance(int level, int[] state, int parentOffset, int value, int[] key, int offset)
        {
            var advanced = _advanced[level];
            for (var i = 0; i < advanced.Length; i++)
            {
                var s = advanced[i];
                var before = _slotBefore[level][i];
                var id = before < 0 ? NotStarted : state[parentOffset + before];
                if (id != Entailed)
                {
                    var sum = _sums[s];
                    var partial = id < 0 ? 0m : _partials[s][id];
                    if (_termAt[s][level] is var term and >= 0)
                    {
                        partial += sum.Terms[term][value];
                    }

                    var baseline = partial + sum.Constant;
                    switch (sum.HoldsOver(baseline + _restLow[s][level], baseline + _restHigh[s][level]))
                    {
                        case false:
                            return false;
                        case true:
                            id = Entailed;
                            break;
                        default:
                            // Still open (at its last level nothing is left to decide, so it holds or not).
                            id = Intern(s, partial);
                            break;
                    }
                }

                if (_slotAfter[level][i] is var after and >= 0)
                {
                    key[offset + after] = id;
                }
            }

            return true;
        }

        private int Intern(int sum, decimal partial)
        {
            if (!_ids[sum].TryGetValue(partial, out var id))
            {
                id = _partials[sum].Count;
                _partials[sum].Add(partial);
                _ids[sum].Add(partial, id);
            }

            return id;
        }
    }
}
