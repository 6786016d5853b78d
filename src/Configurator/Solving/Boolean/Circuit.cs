using System.Numerics;

namespace Configurator.Solving.Boolean;

/// <summary>
/// A formula compiled into a decision-DNNF circuit, recorded from the counting search of
/// <see cref="ClauseSearch"/>: an OR node for each decision (its two branches disagree on the
/// decided variable), an AND node for the literals a branch sets and its independent components
/// (no two children share a variable), one shared sub-circuit per cached component. Every
/// variable appears on every path (a variable that no clause constrains is an OR of its two
/// literals), so a pass from the leaves to the root counts the assignments that agree with any
/// fixed literals, and a pass back down finds every literal some such assignment can take.
/// Immutable; every pass allocates its own buffers, so one circuit serves every thread.
/// </summary>
/// <remarks>Darwiche, "Decomposable negation normal form" (JACM 2001) for the passes; Huang and
/// Darwiche, "DPLL with a trace" (SAT 2005) for recording a search as a decision-DNNF.</remarks>
internal sealed class Circuit
{
    // Node ids: 0 false, 1 true, 2 + l the leaf of internal literal l (2v true, 2v + 1 false), then
    // the inner nodes in the order they were made, children before parents.
    private readonly int _first;
    private readonly int[] _start;
    private readonly int[] _children;
    private readonly bool[] _isOr;
    private readonly int _root;

    // With nothing fixed, every session's first page and every module's own pass: counts and
    // possible literals computed once. A count under fixed values recomputes only the nodes above
    // a fixed variable's leaves and reads the rest from here (the BigInteger pass over a million
    // nodes was most of a step on automotive2_4).
    private readonly Lazy<BigInteger[]> _freeCounts;
    private readonly Lazy<bool[]?> _freeLiterals;

    private Circuit(int variables, int[] start, int[] children, bool[] isOr, int root)
    {
        VariableCount = variables;
        _first = 2 + (2 * variables);
        _start = start;
        _children = children;
        _isOr = isOr;
        _root = root;
        _freeCounts = new(() => Counts(new sbyte[variables], null));
        _freeLiterals = new(() => PossibleLiteralsOf(new sbyte[variables]));
    }

    /// <summary>The number of variables.</summary>
    public int VariableCount { get; }

    /// <summary>The number of AND and OR nodes.</summary>
    public int NodeCount => _isOr.Length;

    /// <summary>The number of edges from AND and OR nodes to their children.</summary>
    public int EdgeCount => _children.Length;

    /// <summary>The number of assignments that agree with <paramref name="fixedValues"/> (per variable, 0-based: 1 true, -1 false, 0 open).</summary>
    public BigInteger Count(sbyte[] fixedValues) => Value(Counts(fixedValues, _freeCounts.Value), _root, fixedValues);

    /// <summary>Whether some assignment agrees with <paramref name="fixedValues"/>.</summary>
    public bool Exists(sbyte[] fixedValues) => Satisfiable(fixedValues)[_root];

    /// <summary>
    /// Per internal literal (2v true, 2v + 1 false), whether some assignment that agrees with
    /// <paramref name="fixedValues"/> makes it true: one pass up, one down. Null when no assignment agrees.
    /// </summary>
    public bool[]? PossibleLiterals(sbyte[] fixedValues) =>
        Array.TrueForAll(fixedValues, v => v == 0) ? (bool[]?)_freeLiterals.Value?.Clone() : PossibleLiteralsOf(fixedValues);

    private bool[]? PossibleLiteralsOf(sbyte[] fixedValues)
    {
        var satisfiable = Satisfiable(fixedValues);
        if (!satisfiable[_root])
        {
            return null;
        }

        // Reached: satisfiable, and some path from the root leads here with every AND sibling
        // satisfiable, so any assignment below joins one of the rest into a whole (the children
        // share no variables).
        var reached = new bool[_first + _isOr.Length];
        reached[_root] = true;
        for (var node = _first + _isOr.Length - 1; node >= _first; node--)
        {
            if (!reached[node])
            {
                continue;
            }

            // A reached node is satisfiable, so every child of a reached AND is too.
            for (var e = _start[node - _first]; e < _start[node - _first + 1]; e++)
            {
                var child = _children[e];
                if (satisfiable[child])
                {
                    reached[child] = true;
                }
            }
        }

        return reached[2.._first];
    }

    /// <summary>
    /// The assignment of the given rank (0-based, below <see cref="Count"/>) among those that agree
    /// with <paramref name="fixedValues"/>, in the circuit's own order: per variable, 0-based, whether it is true.
    /// </summary>
    public bool[] Unrank(sbyte[] fixedValues, BigInteger rank)
    {
        var counts = Counts(fixedValues, _freeCounts.Value);
        var assignment = new bool[VariableCount];
        var stack = new Stack<(int Node, BigInteger Rank)>();
        stack.Push((_root, rank));
        while (stack.TryPop(out var item))
        {
            var (node, r) = item;
            if (node < _first)
            {
                if (node >= 2)
                {
                    var literal = node - 2;
                    assignment[literal >> 1] = (literal & 1) == 0;
                }

                continue;
            }

            var (from, to) = (_start[node - _first], _start[node - _first + 1]);
            if (_isOr[node - _first])
            {
                var below = Value(counts, _children[from], fixedValues);
                stack.Push(r < below ? (_children[from], r) : (_children[from + 1], r - below));
                continue;
            }

            // A mixed-radix digit per child: the rank within each independent part.
            for (var e = from; e < to; e++)
            {
                var child = _children[e];
                var size = Value(counts, child, fixedValues);
                if (size.IsOne)
                {
                    stack.Push((child, BigInteger.Zero));
                    continue;
                }

                (r, var digit) = BigInteger.DivRem(r, size);
                stack.Push((child, digit));
            }
        }

        return assignment;
    }

    /// <summary>
    /// Per inner node, the assignments below it that agree with the fixed values. With
    /// <paramref name="free"/> (the counts with nothing fixed), a node none of whose descendants is a
    /// fixed variable's leaf takes its free count, and only the others are multiplied and added.
    /// </summary>
    private BigInteger[] Counts(sbyte[] fixedValues, BigInteger[]? free)
    {
        var counts = new BigInteger[_isOr.Length];
        var changed = free is null ? null : new bool[_first + _isOr.Length];
        if (changed is not null)
        {
            for (var node = 2; node < _first; node++)
            {
                changed[node] = fixedValues[(node - 2) >> 1] != 0;
            }
        }

        for (var i = 0; i < counts.Length; i++)
        {
            var (from, to) = (_start[i], _start[i + 1]);
            if (changed is not null)
            {
                var any = false;
                for (var e = from; e < to && !any; e++)
                {
                    any = changed[_children[e]];
                }

                if (!any)
                {
                    counts[i] = free![i];
                    continue;
                }

                changed[_first + i] = true;
            }

            if (_isOr[i])
            {
                counts[i] = Value(counts, _children[from], fixedValues) + Value(counts, _children[from + 1], fixedValues);
                continue;
            }

            var product = BigInteger.One;
            for (var e = from; e < to && !product.IsZero; e++)
            {
                var factor = Value(counts, _children[e], fixedValues);
                if (!factor.IsOne)
                {
                    product *= factor;
                }
            }

            counts[i] = product;
        }

        return counts;
    }

    private BigInteger Value(BigInteger[] counts, int node, sbyte[] fixedValues) =>
        node >= _first ? counts[node - _first] : Allows(node, fixedValues) ? BigInteger.One : BigInteger.Zero;

    /// <summary>
    /// Per node, leaves included, whether some assignment that agrees with the fixed values
    /// satisfies it. The leaves are filled first, so the pass up reads every child from one array
    /// (circuits of sessions on large models have millions of edges, most of them to leaves).
    /// </summary>
    private bool[] Satisfiable(sbyte[] fixedValues)
    {
        var satisfiable = new bool[_first + _isOr.Length];
        for (var node = 1; node < _first; node++)
        {
            satisfiable[node] = Allows(node, fixedValues);
        }

        var children = _children;
        for (var i = 0; i < _isOr.Length; i++)
        {
            var (from, to) = (_start[i], _start[i + 1]);
            bool holds;
            if (_isOr[i])
            {
                holds = false;
                for (var e = from; e < to && !holds; e++)
                {
                    holds = satisfiable[children[e]];
                }
            }
            else
            {
                holds = true;
                for (var e = from; e < to && holds; e++)
                {
                    holds = satisfiable[children[e]];
                }
            }

            satisfiable[_first + i] = holds;
        }

        return satisfiable;
    }

    /// <summary>Whether a leaf (false, true or a literal) agrees with the fixed values.</summary>
    private static bool Allows(int node, sbyte[] fixedValues)
    {
        if (node < 2)
        {
            return node == Builder.True;
        }

        var literal = node - 2;
        var fixedValue = fixedValues[literal >> 1];
        return fixedValue == 0 || (fixedValue > 0) == ((literal & 1) == 0);
    }

    /// <summary>Thrown inside a recording when the circuit outgrows its budget.</summary>
    internal sealed class OverBudgetException : Exception;

    /// <summary>Makes the nodes of one circuit, within a budget of edges.</summary>
    internal sealed class Builder(int variables, int edgeBudget)
    {
        /// <summary>The node no assignment satisfies.</summary>
        public const int False = 0;

        /// <summary>The node every assignment satisfies.</summary>
        public const int True = 1;

        private readonly List<int> _start = [0];
        private readonly List<int> _children = [];
        private readonly List<bool> _isOr = [];
        private readonly int[] _freeNode = new int[variables];
        private readonly int _first = 2 + (2 * variables);

        /// <summary>
        /// An AND of the free variables (each an OR of its two literals), the literals (internal
        /// encoding) and the parts; the parts must not be false.
        /// </summary>
        public int And(List<int>? freeVariables, ReadOnlySpan<int> literals, ReadOnlySpan<int> parts)
        {
            foreach (var variable in freeVariables ?? [])
            {
                if (_freeNode[variable] == 0)
                {
                    // Made before this node's children start: a node's children are one run.
                    _freeNode[variable] = Node(isOr: true, [2 + (2 * variable), 2 + (2 * variable) + 1]);
                }
            }

            var mark = _children.Count;
            foreach (var variable in freeVariables ?? [])
            {
                _children.Add(_freeNode[variable]);
            }

            foreach (var literal in literals)
            {
                _children.Add(2 + literal);
            }

            foreach (var part in parts)
            {
                if (part != True)
                {
                    _children.Add(part);
                }
            }

            var count = _children.Count - mark;
            if (count <= 1)
            {
                var only = count == 0 ? True : _children[mark];
                _children.RemoveRange(mark, count);
                return only;
            }

            return Close(isOr: false);
        }

        /// <summary>The OR of two branches of one decision.</summary>
        public int Or(int first, int second)
        {
            if (first == False)
            {
                return second;
            }

            return second == False ? first : Node(isOr: true, [first, second]);
        }

        /// <summary>The circuit with the given root.</summary>
        public Circuit Finish(int root) => new(variables, [.. _start], [.. _children], [.. _isOr], root);

        private int Node(bool isOr, ReadOnlySpan<int> children)
        {
            foreach (var child in children)
            {
                _children.Add(child);
            }

            return Close(isOr);
        }

        private int Close(bool isOr)
        {
            if (_children.Count > edgeBudget)
            {
                throw new OverBudgetException();
            }

            _isOr.Add(isOr);
            _start.Add(_children.Count);
            return _first + _isOr.Count - 1;
        }
    }
}
