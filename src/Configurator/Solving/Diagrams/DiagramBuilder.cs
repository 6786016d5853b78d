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
            var before = plan.FrontierBefore(level);
            var after = plan.FrontierAfter[level];
            var checks = plan.ChecksAt[level];
            var next = new Dictionary<int[], int>(Internal.IntArrayComparer.Instance);
            var nextStates = new List<int[]>();
            var key = new int[after.Length];
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
                    if (!Satisfied(checks, scratch))
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
}
