using Configurator.Solving.Boolean;
using CsCheck;

namespace Configurator.Tests.Solving;

public sealed class TreeDecompositionTests
{
    [Fact]
    public void Depths_Path_HangFromItsMiddle()
    {
        // A path eliminates from its ends inwards: a chain of bags 100 deep from the last vertex
        // eliminated. Hung from the chain's centre, no bag is more than half of it away.
        const int length = 101;
        var depths = TreeDecomposition.Depths(Graph(length, Enumerable.Range(0, length - 1).Select(v => (v, v + 1))), long.MaxValue)!;

        Assert.InRange(depths.Max(), 49, 51);
        Assert.InRange(depths[length / 2], 0, 1);
        Assert.Equal(depths.Max(), Math.Max(depths[0], depths[length - 1]));
    }

    [Fact]
    public void Depths_TwoCliquesThroughOneVertex_PutTheCutVertexAtTheRoot()
    {
        // Two cliques of six, each joined to vertex 12 alone: 12 is the only vertex whose removal
        // splits the graph, and the bags that hold it are the decomposition's centre (the root's
        // may hold one clique with it, never both).
        var edges = new List<(int, int)>();
        foreach (var start in (int[])[0, 6])
        {
            for (var a = start; a < start + 6; a++)
            {
                edges.Add((a, 12));
                for (var b = a + 1; b < start + 6; b++)
                {
                    edges.Add((a, b));
                }
            }
        }

        var depths = TreeDecomposition.Depths(Graph(13, edges), long.MaxValue)!;

        Assert.Equal(0, depths[12]);
        Assert.True(Enumerable.Range(0, 6).All(v => depths[v] > 0) || Enumerable.Range(6, 6).All(v => depths[v] > 0), $"depths {string.Join(", ", depths)}");
    }

    [Fact]
    public void Decompose_RandomGraphs_IsATreeDecomposition() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // What makes it one: every edge has a bag holding both ends, and the bags holding a
            // vertex hang together (exactly one of them has a parent whose bag does not hold it).
            var random = new Random(seed);
            var vertices = random.Next(1, 40);
            var edges = Enumerable.Range(0, random.Next(0, 3 * vertices)).Select(_ => (random.Next(vertices), random.Next(vertices))).ToList();
            var (bags, parent) = TreeDecomposition.Decompose(Graph(vertices, edges), long.MaxValue)!.Value;
            var bag = Enumerable.Range(0, vertices).Select(node => bags[node].Append(node).ToHashSet()).ToArray();

            foreach (var (a, b) in edges)
            {
                Assert.Contains(bag, holding => holding.Contains(a) && holding.Contains(b));
            }

            for (var v = 0; v < vertices; v++)
            {
                var tops = Enumerable.Range(0, vertices).Count(node => bag[node].Contains(v) && (parent[node] < 0 || !bag[parent[node]].Contains(v)));
                Assert.Equal(1, tops);
            }

            var depths = TreeDecomposition.Depths(Graph(vertices, edges), long.MaxValue)!;
            Assert.All(depths, depth => Assert.InRange(depth, 0, vertices - 1));
        }, iter: 500);

    [Fact]
    public void Depths_OverTheWorkBudget_AreNotFound()
    {
        // A clique of 30: eliminating its first vertex alone writes 29 lists of 28.
        var edges = Enumerable.Range(0, 30).SelectMany(a => Enumerable.Range(a + 1, 29 - a).Select(b => (a, b)));
        Assert.Null(TreeDecomposition.Depths(Graph(30, edges), 100));
        Assert.NotNull(TreeDecomposition.Depths(Graph(30, edges), 1_000_000));
    }

    /// <summary>Sorted neighbour lists, each edge both ways, loops and repeats dropped.</summary>
    private static int[][] Graph(int vertices, IEnumerable<(int A, int B)> edges)
    {
        var sets = Enumerable.Range(0, vertices).Select(_ => new SortedSet<int>()).ToArray();
        foreach (var (a, b) in edges.Where(e => e.A != e.B))
        {
            sets[a].Add(b);
            sets[b].Add(a);
        }

        return [.. sets.Select(set => set.ToArray())];
    }
}
