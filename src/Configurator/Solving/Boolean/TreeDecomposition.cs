namespace Configurator.Solving.Boolean;

/// <summary>
/// A tree decomposition of a formula's primal graph (variables, linked when they share a clause),
/// found by eliminating a vertex of least degree at a time, then hung from its centre so that it is
/// as shallow as it can be. What the counting search reads of it is each variable's depth: the
/// variables of the bags near the root separate the formula, so deciding them first splits it into
/// components early (Korhonen and Järvisalo, "Integrating tree decompositions into decision
/// heuristics of propositional model counters", CP 2021).
/// </summary>
internal static class TreeDecomposition
{
    /// <summary>
    /// Per vertex, the depth of the bag nearest the root that holds it (0 at the root), or null
    /// when the elimination would take more than <paramref name="workBudget"/> steps (a graph that
    /// wide gains nothing from it). A vertex with no neighbour has depth 0.
    /// </summary>
    /// <param name="neighbours">Per vertex, its neighbours: sorted, each once, never itself, each edge both ways. Consumed.</param>
    /// <param name="workBudget">The most neighbour entries the elimination may write.</param>
    public static int[]? Depths(int[][] neighbours, long workBudget)
    {
        if (Decompose(neighbours, workBudget) is not { } decomposition)
        {
            return null;
        }

        var (bags, parent) = decomposition;

        // The elimination forest, children listed per parent.
        var vertices = neighbours.Length;
        var childCount = new int[vertices + 1];
        foreach (var up in parent)
        {
            if (up >= 0)
            {
                childCount[up]++;
            }
        }

        var childStart = new int[vertices + 1];
        for (var v = 0; v < vertices; v++)
        {
            childStart[v + 1] = childStart[v] + childCount[v];
        }

        var children = new int[childStart[vertices]];
        Array.Copy(childStart, childCount, vertices);
        for (var v = 0; v < vertices; v++)
        {
            if (parent[v] >= 0)
            {
                children[childCount[parent[v]]++] = v;
            }
        }

        // Hang each tree from its centre (the middle of a longest path), so that its deepest bag is
        // as near the root as it can be; a vertex's depth is then its nearest bag's.
        var forest = new Forest(parent, childStart, children);
        var depth = new int[vertices];
        Array.Fill(depth, int.MaxValue);
        for (var root = 0; root < vertices; root++)
        {
            if (parent[root] >= 0)
            {
                continue;
            }

            var far = forest.Farthest(root);
            var end = forest.Farthest(far);
            var centre = end;
            for (var step = forest.Distance[end] / 2; step > 0; step--)
            {
                centre = forest.From[centre];
            }

            forest.Farthest(centre);
            foreach (var node in forest.Reached)
            {
                var nodeDepth = forest.Distance[node];
                depth[node] = Math.Min(depth[node], nodeDepth);
                foreach (var v in bags[node])
                {
                    depth[v] = Math.Min(depth[v], nodeDepth);
                }
            }
        }

        return depth;
    }

    /// <summary>
    /// The decomposition as minimum degree elimination makes it: per vertex, its bag (the vertex
    /// itself and these, its neighbours when it went, which then became a clique) and its parent
    /// (its bag's member that went first after it; -1 at a root). Null over the budget.
    /// </summary>
    /// <param name="neighbours">As for <see cref="Depths"/>. Consumed.</param>
    /// <param name="workBudget">As for <see cref="Depths"/>.</param>
    internal static (int[][] Bags, int[] Parent)? Decompose(int[][] neighbours, long workBudget)
    {
        var vertices = neighbours.Length;
        var count = new int[vertices];
        for (var v = 0; v < vertices; v++)
        {
            count[v] = neighbours[v].Length;
        }

        // Sorted lists, merged as the neighbours of each vertex that goes become a clique.
        var position = new int[vertices];
        var bags = new int[vertices][];
        var queue = new DegreeQueue(count);
        var merged = new int[16];
        var work = 0L;
        var eliminated = 0;
        while (queue.TryTake(out var vertex))
        {
            var degree = count[vertex];
            var bag = neighbours[vertex].AsSpan(0, degree).ToArray();
            bags[vertex] = bag;
            neighbours[vertex] = [];
            position[vertex] = eliminated++;
            foreach (var a in bag)
            {
                var own = neighbours[a].AsSpan(0, count[a]);
                int length;
                if (own.Length == bag.Length && RemoveTwin(own, bag, vertex, a))
                {
                    // Almost every update on feature models (333,000 of automotive2_4's 340,000)
                    // is a neighbour that shares the vertex's neighbourhood: both are members of
                    // one clique (a group's clauses). The union then adds nothing and a shift is
                    // what is left of the merge: its 16.6 million entries took 60-150 ms, now 20-40.
                    length = own.Length - 1;
                }
                else
                {
                    if (merged.Length < own.Length + bag.Length)
                    {
                        merged = new int[2 * (own.Length + bag.Length)];
                    }

                    length = Merge(own, bag, vertex, a, merged);
                    if (neighbours[a].Length < length)
                    {
                        neighbours[a] = new int[Math.Max(length, 2 * neighbours[a].Length)];
                    }

                    merged.AsSpan(0, length).CopyTo(neighbours[a]);
                }

                queue.Move(a, count[a], length);
                count[a] = length;
                work += length;
            }

            if (work > workBudget)
            {
                return null;
            }
        }

        var parent = new int[vertices];
        for (var v = 0; v < vertices; v++)
        {
            parent[v] = -1;
            foreach (var u in bags[v])
            {
                if (parent[v] < 0 || position[u] < position[parent[v]])
                {
                    parent[v] = u;
                }
            }
        }

        return (bags, parent);
    }

    /// <summary>
    /// When <paramref name="own"/> (a neighbour's list, holding <paramref name="gone"/>) without
    /// <paramref name="gone"/> is <paramref name="bag"/> (as long, holding <paramref name="self"/>)
    /// without <paramref name="self"/>, removes <paramref name="gone"/> from it in place and says so:
    /// then <see cref="Merge"/> would have written the same. Compares memory, not element by element.
    /// </summary>
    private static bool RemoveTwin(Span<int> own, ReadOnlySpan<int> bag, int gone, int self)
    {
        var i = own.BinarySearch(gone);
        var j = bag.BinarySearch(self);
        if (i < 0 || j < 0 || !EqualWithout(own, i, bag, j))
        {
            return false;
        }

        own[(i + 1)..].CopyTo(own[i..]);
        return true;
    }

    /// <summary>Whether <paramref name="x"/> without its entry <paramref name="i"/> equals <paramref name="y"/> (as long) without its entry <paramref name="j"/>.</summary>
    private static bool EqualWithout(ReadOnlySpan<int> x, int i, ReadOnlySpan<int> y, int j)
    {
        if (i > j)
        {
            return EqualWithout(y, j, x, i);
        }

        return x[..i].SequenceEqual(y[..i])
            && x[(i + 1)..(j + 1)].SequenceEqual(y[i..j])
            && x[(j + 1)..].SequenceEqual(y[(j + 1)..]);
    }

    /// <summary>
    /// The sorted union of <paramref name="own"/> and <paramref name="bag"/> without
    /// <paramref name="gone"/> and <paramref name="self"/>, written to <paramref name="into"/>; its length.
    /// </summary>
    private static int Merge(ReadOnlySpan<int> own, ReadOnlySpan<int> bag, int gone, int self, int[] into)
    {
        var (i, j, length) = (0, 0, 0);
        while (i < own.Length || j < bag.Length)
        {
            int next;
            if (j == bag.Length || (i < own.Length && own[i] < bag[j]))
            {
                next = own[i++];
            }
            else if (i == own.Length || bag[j] < own[i])
            {
                next = bag[j++];
            }
            else
            {
                next = own[i++];
                j++;
            }

            if (next != gone && next != self)
            {
                into[length++] = next;
            }
        }

        return length;
    }

    /// <summary>The vertices not yet eliminated, by degree: a list per degree, linked both ways.</summary>
    private sealed class DegreeQueue
    {
        private readonly int[] _first;
        private readonly int[] _next;
        private readonly int[] _previous;
        private int _least;

        public DegreeQueue(int[] degrees)
        {
            _first = new int[degrees.Length + 1];
            Array.Fill(_first, -1);
            _next = new int[degrees.Length];
            _previous = new int[degrees.Length];
            for (var v = 0; v < degrees.Length; v++)
            {
                Add(v, degrees[v]);
            }

            _least = 0;
        }

        /// <summary>Takes a vertex of least degree out; false when none is left.</summary>
        public bool TryTake(out int vertex)
        {
            while (_least < _first.Length && _first[_least] < 0)
            {
                _least++;
            }

            vertex = _least < _first.Length ? _first[_least] : -1;
            if (vertex < 0)
            {
                return false;
            }

            Remove(vertex, _least);
            return true;
        }

        /// <summary>Moves a vertex from one degree's list to another's.</summary>
        public void Move(int vertex, int from, int to)
        {
            Remove(vertex, from);
            Add(vertex, to);
            _least = Math.Min(_least, to);
        }

        private void Add(int vertex, int degree)
        {
            _previous[vertex] = -1;
            _next[vertex] = _first[degree];
            if (_first[degree] >= 0)
            {
                _previous[_first[degree]] = vertex;
            }

            _first[degree] = vertex;
        }

        private void Remove(int vertex, int degree)
        {
            if (_previous[vertex] >= 0)
            {
                _next[_previous[vertex]] = _next[vertex];
            }
            else
            {
                _first[degree] = _next[vertex];
            }

            if (_next[vertex] >= 0)
            {
                _previous[_next[vertex]] = _previous[vertex];
            }
        }
    }

    /// <summary>Breadth-first walks over an elimination forest's tree edges, both ways.</summary>
    private sealed class Forest(int[] parent, int[] childStart, int[] children)
    {
        private readonly int[] _seen = new int[parent.Length];
        private int _stamp;

        /// <summary>Per node reached by the last walk, its distance from the start.</summary>
        public int[] Distance { get; } = new int[parent.Length];

        /// <summary>Per node reached by the last walk, the node it was reached from (-1 at the start).</summary>
        public int[] From { get; } = new int[parent.Length];

        /// <summary>The nodes the last walk reached, nearest first.</summary>
        public List<int> Reached { get; } = [];

        /// <summary>Walks from <paramref name="start"/> over its tree; the node reached last (one farthest from it).</summary>
        public int Farthest(int start)
        {
            _stamp++;
            Reached.Clear();
            Reached.Add(start);
            _seen[start] = _stamp;
            Distance[start] = 0;
            From[start] = -1;
            for (var q = 0; q < Reached.Count; q++)
            {
                var node = Reached[q];
                if (parent[node] >= 0)
                {
                    Visit(parent[node], node);
                }

                for (var c = childStart[node]; c < childStart[node + 1]; c++)
                {
                    Visit(children[c], node);
                }
            }

            return Reached[^1];
        }

        private void Visit(int node, int from)
        {
            if (_seen[node] != _stamp)
            {
                _seen[node] = _stamp;
                Distance[node] = Distance[from] + 1;
                From[node] = from;
                Reached.Add(node);
            }
        }
    }
}
