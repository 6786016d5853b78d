using System.Collections.Immutable;
using System.Numerics;
using Configurator.Internal;

namespace Configurator.Solving.Diagrams;

/// <summary>
/// A multi-valued decision diagram of every valid configuration: one level per module in the
/// plan's order, edges labelled with module values, and every path from the root to the terminal a
/// valid configuration. It has no dead ends, so enumeration never backtracks without output; counts
/// per node make counting, ranking and uniform sampling linear in the diagram's size. Immutable.
/// </summary>
/// <remarks>
/// Compiling configuration problems to decision diagrams: Amilhastre, Fargier and Marquis,
/// "Consistency restoration and explanations in dynamic CSPs: application to configuration",
/// Artificial Intelligence 135 (2002); Hadzic et al., "Fast backtrack-free product configuration
/// using a precompiled solution space representation" (2004).
/// </remarks>
internal sealed partial class DecisionDiagram : ISolverEngine
{
    // Whether every node's unrestricted count fits in 64 bits: then so does every restricted one.
    private readonly bool _countsFitInWord;

    internal DecisionDiagram(LevelPlan plan, int[] edgeStart, int[] edgeValue, int[] edgeChild, int[] levelStart, int[] valueCounts)
    {
        Plan = plan;
        ValueCounts = valueCounts;
        EdgeStart = edgeStart;
        EdgeValue = edgeValue;
        EdgeChild = edgeChild;
        LevelStart = levelStart;
        UnrestrictedCounts = CountNodes(null);
        _countsFitInWord = UnrestrictedCounts.All(count => count <= ulong.MaxValue);
    }

    public LevelPlan Plan { get; }

    /// <summary>Per node, the index of its first edge; one more entry than nodes.</summary>
    public int[] EdgeStart { get; }

    public int[] EdgeValue { get; }

    public int[] EdgeChild { get; }

    /// <summary>Per level, the first node id; nodes are numbered level by level, root 0, terminal last.</summary>
    public int[] LevelStart { get; }

    public int NodeCount => EdgeStart.Length - 1;

    public int EdgeCount => EdgeValue.Length;

    /// <summary>Whether the model has no valid configuration at all.</summary>
    public bool IsEmpty => NodeCount == 0;

    public const int Root = 0;

    private int Terminal => NodeCount - 1;

    private ImmutableArray<BigInteger> UnrestrictedCounts { get; }

    public BigInteger Count(Restriction restriction) =>
        IsEmpty ? BigInteger.Zero
        : restriction.IsEmpty ? UnrestrictedCounts[Root]
        : _countsFitInWord ? CountInWords(restriction)
        : CountNodes(restriction)[Root];

    /// <summary>The restricted count of the root, in 64-bit words (no big numbers, no allocation per node).</summary>
    private ulong CountInWords(Restriction restriction)
    {
        using var scratch = new Scratch<ulong>(NodeCount);
        var counts = scratch.Items;
        counts[Terminal] = 1;
        for (var level = Plan.LevelCount - 1; level >= 0; level--)
        {
            var allowed = restriction.AllowedValues(Plan.Order[level]);
            for (var node = LevelStart[level]; node < LevelStart[level + 1]; node++)
            {
                var sum = 0UL;
                for (var edge = EdgeStart[node]; edge < EdgeStart[node + 1]; edge++)
                {
                    if (allowed is null || allowed[EdgeValue[edge]])
                    {
                        sum += counts[EdgeChild[edge]];
                    }
                }

                counts[node] = sum;
            }
        }

        return counts[Root];
    }

    public bool Exists(Restriction restriction)
    {
        if (IsEmpty || restriction.IsEmpty || Root == Terminal)
        {
            return !IsEmpty;
        }

        // Depth first from the root along allowed edges, stopping at the first path to the terminal:
        // a restriction of a few modules usually finds one at once, and one that leaves nothing
        // visits only what its allowed edges reach, not the whole diagram as a liveness pass does.
        // A node left without a path is dead; a node is never met again on its own path (levels only go down).
        using var deadScratch = new Scratch<bool>(NodeCount);
        using var nodeScratch = new Scratch<int>(Plan.LevelCount);
        using var edgeScratch = new Scratch<int>(Plan.LevelCount);
        var dead = deadScratch.Items;
        var path = nodeScratch.Items;
        var next = edgeScratch.Items;
        var depth = 0;
        path[0] = Root;
        next[0] = EdgeStart[Root];
        while (depth >= 0)
        {
            var node = path[depth];
            var allowed = restriction.AllowedValues(Plan.Order[depth]);
            var edge = next[depth];
            while (edge < EdgeStart[node + 1] && ((allowed is not null && !allowed[EdgeValue[edge]]) || dead[EdgeChild[edge]]))
            {
                edge++;
            }

            if (edge == EdgeStart[node + 1])
            {
                dead[node] = true;
                depth--;
                continue;
            }

            var child = EdgeChild[edge];
            if (child == Terminal)
            {
                return true;
            }

            next[depth] = edge + 1;
            depth++;
            path[depth] = child;
            next[depth] = EdgeStart[child];
        }

        return false;
    }

    /// <summary>
    /// The least i such that <paramref name="hard"/> and <paramref name="soft"/>[0..i] leave no
    /// configuration; -1 when <paramref name="hard"/> alone leaves none, <paramref name="end"/> when
    /// <paramref name="hard"/> and <paramref name="soft"/>[0..end) leave one. Each soft entry allows
    /// some values of one module.
    /// </summary>
    /// <remarks>
    /// One bottom-up pass: a configuration survives the prefixes shorter than the first soft entry
    /// it breaks, so the answer is the best, over the configurations <paramref name="hard"/> allows,
    /// of that first broken index: a widest-path problem, with an edge's width the first entry that
    /// forbids its value.
    /// </remarks>
    public int EarliestRefuting(Restriction hard, IReadOnlyList<(int Module, bool[] Allowed)> soft, int end)
    {
        if (IsEmpty)
        {
            return -1;
        }

        // Per module a soft entry touches: for each value, the first entry that forbids it (end if none).
        var firstForbidding = new int[ValueCounts.Length][];
        for (var j = 0; j < end; j++)
        {
            var (module, allowed) = soft[j];
            if (firstForbidding[module] is not { } first)
            {
                first = firstForbidding[module] = new int[ValueCounts[module]];
                Array.Fill(first, end);
            }

            for (var value = 0; value < first.Length; value++)
            {
                if (!allowed[value] && first[value] > j)
                {
                    first[value] = j;
                }
            }
        }

        using var scratch = new Scratch<int>(NodeCount);
        var best = scratch.Items;
        best[Terminal] = end;
        for (var level = Plan.LevelCount - 1; level >= 0; level--)
        {
            var module = Plan.Order[level];
            var allowed = hard.AllowedValues(module);
            var first = firstForbidding[module];
            for (var node = LevelStart[level]; node < LevelStart[level + 1]; node++)
            {
                var widest = -1;
                for (var edge = EdgeStart[node]; edge < EdgeStart[node + 1] && widest < end; edge++)
                {
                    var value = EdgeValue[edge];
                    if (allowed is not null && !allowed[value])
                    {
                        continue;
                    }

                    var width = Math.Min(best[EdgeChild[edge]], first is null ? end : first[value]);
                    widest = Math.Max(widest, width);
                }

                best[node] = widest;
            }
        }

        return best[Root];
    }

    public void Unrank(Restriction restriction, BigInteger rank, int[] values)
    {
        var counts = restriction.IsEmpty ? UnrestrictedCounts : CountNodes(restriction);
        var node = Root;
        for (var level = 0; level < Plan.LevelCount; level++)
        {
            var edge = ChooseEdge(node, level, restriction, counts, ref rank);
            values[Plan.Order[level]] = EdgeValue[edge];
            node = EdgeChild[edge];
        }
    }

    /// <summary>Follows the edge whose subtree holds configuration <paramref name="rank"/>, reducing the rank to one within it.</summary>
    private int ChooseEdge(int node, int level, Restriction restriction, ImmutableArray<BigInteger> counts, ref BigInteger rank)
    {
        var allowed = restriction.AllowedValues(Plan.Order[level]);
        for (var edge = EdgeStart[node]; edge < EdgeStart[node + 1]; edge++)
        {
            if (allowed is not null && !allowed[EdgeValue[edge]])
            {
                continue;
            }

            var below = counts[EdgeChild[edge]];
            if (rank < below)
            {
                return edge;
            }

            rank -= below;
        }

        throw new ArgumentOutOfRangeException(nameof(rank), "The rank is not below the count.");
    }

    /// <summary>Counts the paths from each node to the terminal that the restriction allows.</summary>
    private ImmutableArray<BigInteger> CountNodes(Restriction? restriction)
    {
        var counts = new BigInteger[NodeCount];
        if (IsEmpty)
        {
            return [.. counts];
        }

        counts[Terminal] = BigInteger.One;
        for (var level = Plan.LevelCount - 1; level >= 0; level--)
        {
            var allowed = restriction?.AllowedValues(Plan.Order[level]);
            for (var node = LevelStart[level]; node < LevelStart[level + 1]; node++)
            {
                var sum = BigInteger.Zero;
                for (var edge = EdgeStart[node]; edge < EdgeStart[node + 1]; edge++)
                {
                    if (allowed is null || allowed[EdgeValue[edge]])
                    {
                        sum += counts[EdgeChild[edge]];
                    }
                }

                counts[node] = sum;
            }
        }

        return ImmutableArray.Create(counts);
    }

    public bool[][] UsableValues(Restriction restriction)
    {
        if (IsEmpty)
        {
            return [.. ValueCounts.Select(count => new bool[count])];
        }

        using var aliveScratch = new Scratch<bool>(NodeCount);
        using var reachedScratch = new Scratch<bool>(NodeCount);
        var alive = aliveScratch.Items;
        var reached = reachedScratch.Items;
        Alive(restriction, alive);

        // Forward: which nodes the root reaches through allowed edges. The plan's levels hold every
        // module once, so each gets its values.
        var usable = new bool[ValueCounts.Length][];
        reached[Root] = true;
        for (var level = 0; level < Plan.LevelCount; level++)
        {
            var module = Plan.Order[level];
            var allowed = restriction.AllowedValues(module);
            var values = new bool[ValueCounts[module]];
            for (var node = LevelStart[level]; node < LevelStart[level + 1]; node++)
            {
                if (!reached[node])
                {
                    continue;
                }

                for (var edge = EdgeStart[node]; edge < EdgeStart[node + 1]; edge++)
                {
                    // The module's own restriction does not limit what it could switch to (the child's
                    // liveness involves only the levels below)...
                    var child = EdgeChild[edge];
                    values[EdgeValue[edge]] |= alive[child];

                    // ...but does limit the paths through it to the levels below.
                    if (allowed is null || allowed[EdgeValue[edge]])
                    {
                        reached[child] = true;
                    }
                }
            }

            usable[module] = values;
        }

        return usable;
    }

    /// <summary>The first configuration the restriction allows, in the diagram's edge order, or null when there is none.</summary>
    public int[]? First(Restriction restriction)
    {
        if (IsEmpty)
        {
            return null;
        }

        using var scratch = new Scratch<bool>(NodeCount);
        var alive = scratch.Items;
        Alive(restriction, alive);
        if (!alive[Root])
        {
            return null;
        }

        var values = new int[ValueCounts.Length];
        var node = Root;
        for (var level = 0; level < Plan.LevelCount; level++)
        {
            var allowed = restriction.AllowedValues(Plan.Order[level]);
            var edge = EdgeStart[node];
            while (!alive[EdgeChild[edge]] || (allowed is not null && !allowed[EdgeValue[edge]]))
            {
                edge++;
            }

            values[Plan.Order[level]] = EdgeValue[edge];
            node = EdgeChild[edge];
        }

        return values;
    }

    /// <summary>Per module, how many values its domain has.</summary>
    internal int[] ValueCounts { get; }

    /// <summary>Whether each node has a path to the terminal that the restriction allows.</summary>
    private bool[] Alive(Restriction restriction)
    {
        var alive = new bool[NodeCount];
        Alive(restriction, alive);
        return alive;
    }

    /// <summary>Writes into <paramref name="alive"/> (cleared, at least a node per item) whether each node has a path to the terminal that the restriction allows.</summary>
    private void Alive(Restriction restriction, bool[] alive)
    {
        alive[Terminal] = true;
        for (var level = Plan.LevelCount - 1; level >= 0; level--)
        {
            var allowed = restriction.AllowedValues(Plan.Order[level]);
            for (var node = LevelStart[level]; node < LevelStart[level + 1]; node++)
            {
                for (var edge = EdgeStart[node]; edge < EdgeStart[node + 1] && !alive[node]; edge++)
                {
                    alive[node] = alive[EdgeChild[edge]] && (allowed is null || allowed[EdgeValue[edge]]);
                }
            }
        }
    }
}
