using Configurator.Internal;
using Configurator.Solving.Constraints;
using Configurator.Solving.Domains;
using Configurator.Solving.Search;

namespace Configurator.Solving.Diagrams;

/// <summary>
/// Builds a reduced <see cref="DecisionDiagram"/> for models whose frontier is too wide for
/// <see cref="DiagramBuilder"/>: a depth-first search in the plan's order, with propagation after
/// every decision, that shares a node between two partial configurations when what is left of the
/// problem is the same. "What is left" is the open modules' domains and, for every constraint that
/// reads both decided and open modules, its residue: for tables, the current rows projected on the
/// open modules (many different decided values leave the same rows); for other constraints, the
/// decided values it reads. Children are built first and nodes with equal edges are merged as they
/// are made, so the diagram comes out reduced.
/// </summary>
/// <remarks>The residue plays the role of the cache key in "DPLL with a trace" (Huang and Darwiche,
/// "The language of search", JAIR 29, 2007), where a search with caching compiles to a decision
/// diagram; keying by residual constraints rather than by values is what keeps Renault Mégane's
/// diagram small (Amilhastre, Fargier and Marquis, Artificial Intelligence 135, 2002).</remarks>
internal sealed class ResidualDiagramBuilder
{
    private readonly LevelPlan _plan;
    private readonly IReadOnlyList<ModuleDomain> _domains;
    private readonly Propagation _propagation;
    private readonly int _nodeBudget;
    private readonly long _stepBudget;
    private readonly DomainStore _store;

    // Per level: the constraints that read modules on both sides of it, and which of their scope positions are open.
    private readonly (Propagator Propagator, bool[] Open)[][] _crossing;

    // Per level: residue -> node (-1 when it has no completion); and edges -> node, which merges equal nodes.
    private readonly Dictionary<int[], int>[] _byResidue;
    private readonly Dictionary<int[], int>[] _byEdges;
    private readonly List<int[]>[] _nodes;
    private int _nodeCount;
    private long _steps;

    // Scratch for residues, reused.
    private readonly List<int> _key = [];
    private readonly HashSet<long> _rows = [];

    private ResidualDiagramBuilder(LevelPlan plan, IReadOnlyList<ModuleDomain> domains, Propagation propagation, int nodeBudget, long stepBudget)
    {
        _plan = plan;
        _domains = domains;
        _propagation = propagation;
        _nodeBudget = nodeBudget;
        _stepBudget = stepBudget;
        _store = new DomainStore(domains, new Restriction(domains.Count));
        var levels = plan.LevelCount;
        var levelOf = new int[domains.Count];
        for (var level = 0; level < levels; level++)
        {
            levelOf[plan.Order[level]] = level;
        }

        _crossing = [.. Enumerable.Range(0, levels + 1).Select(level => propagation.Propagators
            .Where(p => p.Scope.Any(m => levelOf[m] < level) && p.Scope.Any(m => levelOf[m] >= level))
            .Select(p => (p, p.Scope.Select(m => levelOf[m] >= level).ToArray()))
            .ToArray())];
        _byResidue = [.. Enumerable.Range(0, levels + 1).Select(_ => new Dictionary<int[], int>(IntArrayComparer.Instance))];
        _byEdges = [.. Enumerable.Range(0, levels + 1).Select(_ => new Dictionary<int[], int>(IntArrayComparer.Instance))];
        _nodes = [.. Enumerable.Range(0, levels + 1).Select(_ => new List<int[]>())];
    }

    /// <summary>
    /// Builds the diagram, or returns null when it would have more than <paramref name="nodeBudget"/>
    /// nodes or take more than <paramref name="stepBudget"/> decisions to build.
    /// </summary>
    public static DecisionDiagram? Build(LevelPlan plan, IReadOnlyList<ModuleDomain> domains, Propagation propagation, int nodeBudget, long stepBudget)
    {
        var builder = new ResidualDiagramBuilder(plan, domains, propagation, nodeBudget, stepBudget);
        var valueCounts = domains.Select(d => d.ValueCount).ToArray();
        if (!propagation.Run(builder._store, -1))
        {
            return Empty(plan, valueCounts);
        }

        return builder.NodeAt(0) switch
        {
            null => null,
            < 0 => Empty(plan, valueCounts),
            _ => builder.ToDiagram(valueCounts),
        };
    }

    private static DecisionDiagram Empty(LevelPlan plan, int[] valueCounts) => new(plan, [0], [], [], new int[plan.LevelCount + 2], valueCounts);

    /// <summary>The node (index within its level) for the current state at <paramref name="level"/>; -1 for a dead end; null when over budget.</summary>
    private int? NodeAt(int level)
    {
        if (level == _plan.LevelCount)
        {
            return Node(level, []);
        }

        var residue = Residue(level);
        if (_byResidue[level].TryGetValue(residue, out var known))
        {
            return known;
        }

        var module = _plan.Order[level];
        var edges = new List<int>();
        foreach (var value in _store.Values(module).ToList())
        {
            if (++_steps > _stepBudget)
            {
                return null;
            }

            var mark = _store.Mark();
            int? child = _store.Fix(module, value) && _propagation.Run(_store, module) ? NodeAt(level + 1) : -1;
            _store.Undo(mark);
            if (child is not { } found)
            {
                return null;
            }

            if (found >= 0)
            {
                edges.Add(value);
                edges.Add(found);
            }
        }

        var node = edges.Count == 0 ? -1 : Node(level, [.. edges]);
        if (node is not { } made)
        {
            return null;
        }

        _byResidue[level].Add(residue, made);
        return made;
    }

    /// <summary>The node with these edges (value, child pairs), made once per level; null past the node budget.</summary>
    private int? Node(int level, int[] edges)
    {
        if (_byEdges[level].TryGetValue(edges, out var node))
        {
            return node;
        }

        if (++_nodeCount > _nodeBudget)
        {
            return null;
        }

        node = _nodes[level].Count;
        _nodes[level].Add(edges);
        _byEdges[level].Add(edges, node);
        return node;
    }

    /// <summary>The open modules' domains (those not full), then each crossing constraint's residue.</summary>
    private int[] Residue(int level)
    {
        var key = _key;
        key.Clear();
        for (var next = level; next < _plan.LevelCount; next++)
        {
            var module = _plan.Order[next];
            if (_store.Size(module) == _domains[module].ValueCount)
            {
                continue;
            }

            key.Add(next);
            foreach (var word in _store.Words(module))
            {
                key.Add(unchecked((int)word));
                key.Add(unchecked((int)(word >> 32)));
            }
        }

        for (var c = 0; c < _crossing[level].Length; c++)
        {
            var (propagator, open) = _crossing[level][c];
            if (propagator.IsEntailed(_store))
            {
                continue;
            }

            key.Add(-1 - c);
            if (propagator is TablePropagator table)
            {
                var rows = table.Projection(_store, open, _domains, _rows);
                key.Add(rows.Length);
                foreach (var row in rows)
                {
                    key.Add(unchecked((int)row));
                    key.Add(unchecked((int)(row >> 32)));
                }
            }
            else
            {
                for (var position = 0; position < open.Length; position++)
                {
                    if (!open[position])
                    {
                        key.Add(_store.FixedValue(propagator.Scope[position]));
                    }
                }
            }
        }

        return [.. key];
    }

    /// <summary>Numbers the nodes level by level (root 0, terminal last) into a diagram.</summary>
    private DecisionDiagram ToDiagram(int[] valueCounts)
    {
        var levels = _plan.LevelCount;
        var levelStart = new int[levels + 2];
        for (var level = 0; level <= levels; level++)
        {
            levelStart[level + 1] = levelStart[level] + _nodes[level].Count;
        }

        var nodeCount = levelStart[levels + 1];
        var edgeStart = new int[nodeCount + 1];
        var edgeValue = new List<int>();
        var edgeChild = new List<int>();
        var id = 0;
        for (var level = 0; level <= levels; level++)
        {
            foreach (var edges in _nodes[level])
            {
                edgeStart[id++] = edgeValue.Count;
                for (var e = 0; e < edges.Length; e += 2)
                {
                    edgeValue.Add(edges[e]);
                    edgeChild.Add(levelStart[level + 1] + edges[e + 1]);
                }
            }
        }

        edgeStart[nodeCount] = edgeValue.Count;
        return new DecisionDiagram(_plan, edgeStart, [.. edgeValue], [.. edgeChild], levelStart, valueCounts);
    }
}
