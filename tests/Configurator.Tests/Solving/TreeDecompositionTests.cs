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
    public void Decompose_RandomCliqueGraphs_EqualsAPlainMinimumDegreeElimination() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Feature models' primal graphs are mostly cliques (a group's clauses) joined by a few
            // edges, where the decomposition takes its shortcut for a clique's members: the result
            // must be what eliminating with plain sets gives, bag for bag and parent for parent.
            var random = new Random(seed);
            var vertices = random.Next(1, 48);
            var edges = new List<(int, int)>();
            for (var clique = random.Next(0, 8); clique > 0; clique--)
            {
                var members = Enumerable.Range(0, random.Next(2, 12)).Select(_ => random.Next(vertices)).Distinct().ToArray();
                edges.AddRange(members.SelectMany(a => members.Where(b => a < b).Select(b => (a, b))));
            }

            edges.AddRange(Enumerable.Range(0, random.Next(0, vertices)).Select(_ => (random.Next(vertices), random.Next(vertices))));
            var (bags, parent) = TreeDecomposition.Decompose(Graph(vertices, edges), long.MaxValue)!.Value;
            var (expectedBags, expectedParent) = PlainElimination(Graph(vertices, edges));

            for (var v = 0; v < vertices; v++)
            {
                Assert.Equal(expectedBags[v], bags[v]);
            }

            Assert.Equal(expectedParent, parent);
        }, iter: 2_000);

    [Fact]
    public void Depths_OverTheWorkBudget_AreNotFound()
    {
        // A clique of 30: eliminating its first vertex alone writes 29 lists of 28.
        var edges = Enumerable.Range(0, 30).SelectMany(a => Enumerable.Range(a + 1, 29 - a).Select(b => (a, b)));
        Assert.Null(TreeDecomposition.Depths(Graph(30, edges), 100));
        Assert.NotNull(TreeDecomposition.Depths(Graph(30, edges), 1_000_000));
    }

    /// <summary>
    /// Minimum degree elimination over sets, as the decomposition documents it: the vertex of least
    /// degree goes first, among equals the one whose degree was set last (its queue's order); its
    /// neighbours then become a clique. Bags sorted; a parent is the bag's member that went first.
    /// </summary>
    private static (int[][] Bags, int[] Parent) PlainElimination(int[][] graph)
    {
        var vertices = graph.Length;
        var neighbours = graph.Select(list => list.ToHashSet()).ToArray();
        var setAt = Enumerable.Range(0, vertices).ToArray();
        var clock = vertices;
        var left = Enumerable.Range(0, vertices).ToHashSet();
        var position = new int[vertices];
        var bags = new int[vertices][];
        for (var step = 0; step < vertices; step++)
        {
            var vertex = left.OrderBy(v => neighbours[v].Count).ThenByDescending(v => setAt[v]).First();
            left.Remove(vertex);
            position[vertex] = step;
            bags[vertex] = [.. neighbours[vertex].Order()];
            foreach (var a in bags[vertex])
            {
                neighbours[a].Remove(vertex);
                neighbours[a].UnionWith(bags[vertex].Where(b => b != a));
                setAt[a] = clock++;
            }
        }

        var parent = Enumerable.Range(0, vertices).Select(v => bags[v].Length == 0 ? -1 : bags[v].MinBy(u => position[u])).ToArray();
        return (bags, parent);
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
