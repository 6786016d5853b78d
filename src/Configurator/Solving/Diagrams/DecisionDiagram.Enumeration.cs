using System.Numerics;

namespace Configurator.Solving.Diagrams;

internal sealed partial class DecisionDiagram
{
    private const ulong CancellationCheckMask = (1 << 16) - 1;

    public ulong Enumerate(Restriction restriction, BigInteger start, ulong limit, int[] values, CompiledModel model, ConfigurationHandler handler, CancellationToken cancellationToken)
    {
        if (IsEmpty || limit == 0)
        {
            return 0;
        }

        var levels = Plan.LevelCount;
        var alive = restriction.IsEmpty ? null : Alive(restriction);
        if (alive is not null && !alive[Root])
        {
            return 0;
        }

        var allowed = new bool[]?[levels];
        for (var level = 0; level < levels; level++)
        {
            allowed[level] = restriction.AllowedValues(Plan.Order[level]);
        }

        // The path being explored: per level, its node and the next edge to try.
        var stackNode = new int[levels];
        var stackEdge = new int[levels];
        if (!start.IsZero && start >= Count(restriction))
        {
            // Past the end (a page or shard that starts where the space ends).
            return 0;
        }

        var depth = start.IsZero ? StartAtFirst(stackNode, stackEdge) : StartAtRank(restriction, start, values, stackNode, stackEdge);

        var order = Plan.Order;
        var leafModule = order[levels - 1];
        var leafAllowed = allowed[levels - 1];
        ulong visited = 0;
        ulong steps = 0;
        while (depth >= 0)
        {
            var node = stackNode[depth];
            var end = EdgeStart[node + 1];
            var edge = stackEdge[depth];
            if (depth == levels - 1)
            {
                // The hot loop: every edge of a last-level node completes a configuration.
                for (; edge < end; edge++)
                {
                    var value = EdgeValue[edge];
                    if (leafAllowed is not null && !leafAllowed[value])
                    {
                        continue;
                    }

                    values[leafModule] = value;
                    handler(new ConfigurationView(model, values));
                    if (++visited == limit)
                    {
                        return visited;
                    }

                    if ((visited & CancellationCheckMask) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }

                depth--;
                continue;
            }

            if ((++steps & CancellationCheckMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var levelAllowed = allowed[depth];
            while (edge < end && !((levelAllowed is null || levelAllowed[EdgeValue[edge]]) && (alive is null || alive[EdgeChild[edge]])))
            {
                edge++;
            }

            if (edge == end)
            {
                depth--;
                continue;
            }

            stackEdge[depth] = edge + 1;
            values[order[depth]] = EdgeValue[edge];
            var child = EdgeChild[edge];
            depth++;
            stackNode[depth] = child;
            stackEdge[depth] = EdgeStart[child];
        }

        return visited;
    }

    private int StartAtFirst(int[] stackNode, int[] stackEdge)
    {
        stackNode[0] = Root;
        stackEdge[0] = EdgeStart[Root];
        return 0;
    }

    /// <summary>Sets the path to the configuration of rank <paramref name="rank"/>, so that the loop resumes there.</summary>
    private int StartAtRank(Restriction restriction, BigInteger rank, int[] values, int[] stackNode, int[] stackEdge)
    {
        var counts = restriction.IsEmpty ? UnrestrictedCounts : CountNodes(restriction);
        var node = Root;
        var last = Plan.LevelCount - 1;
        for (var level = 0; level <= last; level++)
        {
            var edge = ChooseEdge(node, level, restriction, counts, ref rank);
            stackNode[level] = node;

            // Above the last level the loop continues after the chosen edge; at the last level it starts on it.
            stackEdge[level] = level == last ? edge : edge + 1;
            values[Plan.Order[level]] = EdgeValue[edge];
            node = EdgeChild[edge];
        }

        return last;
    }
}
