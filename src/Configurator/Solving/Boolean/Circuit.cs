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
    private readonly Lazy<(bool Exists, bool[] Literals)> _freeLiterals;

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
    /// <paramref name="fixedValues"/> on every other variable makes it true: for a free variable,
    /// whether it can take that value; for a fixed one, whether it could take it instead (what a
    /// customer could switch a yes/no choice to). With whether some assignment agrees with them all.
    /// One pass up, one down.
    /// </summary>
    /// <remarks>
    /// The pass down is the circuit's derivative with respect to each leaf (Darwiche, "A differential
    /// approach to inference in Bayesian networks", JACM 2003): a leaf is reached when some path from
    /// the root gets to it with every AND sibling satisfiable, whether or not the leaf itself agrees.
    /// A path to a leaf of variable v meets no other leaf of v (the AND's parts share no variable),
    /// so v's own fixed value never counts against it, and one pass answers every variable at once
    /// (it was a pass per fixed variable, most of a step on automotive2_4 after a dozen choices).
    /// </remarks>
    public (bool Exists, bool[] Literals) PossibleLiterals(sbyte[] fixedValues) =>
        Array.TrueForAll(fixedValues, v => v == 0) ? (_freeLiterals.Value.Exists, (bool[])_freeLiterals.Value.Literals.Clone()) : PossibleLiteralsOf(fixedValues);

    private (bool Exists, bool[] Literals) PossibleLiteralsOf(sbyte[] fixedValues)
    {
        var satisfiable = Satisfiable(fixedValues);
        var reached = PassDown(satisfiable, new Reach());
        return (satisfiable[_root], reached[2.._first]);
    }

    /// <summary>
    /// The pass down of <see cref="PossibleLiterals"/> from the root, children after their parents:
    /// an OR passes on to both branches; an AND to every part when all are satisfiable, to its one
    /// unsatisfiable part when only one is, to none otherwise. Returns which nodes it reached;
    /// <paramref name="pass"/> is told of every node's AND parts and of every passing on.
    /// </summary>
    private bool[] PassDown<TPass>(bool[] satisfiable, TPass pass)
        where TPass : IDownPass
    {
        var reached = new bool[_first + _isOr.Length];
        reached[_root] = true;
        for (var node = _first + _isOr.Length - 1; node >= _first; node--)
        {
            if (!reached[node])
            {
                continue;
            }

            var (from, to, isOr) = (_start[node - _first], _start[node - _first + 1], _isOr[node - _first]);
            var unsatisfied = isOr ? -1 : UnsatisfiedChild(satisfiable, from, to);
            if (unsatisfied == -2)
            {
                continue;
            }

            if (!isOr)
            {
                pass.AtAnd(from, to);
            }

            for (var e = from; e < to; e++)
            {
                var child = _children[e];
                if (unsatisfied < 0 || child == unsatisfied)
                {
                    pass.PassOn(node, child, isOr, firstTime: !reached[child]);
                    reached[child] = true;
                }
            }
        }

        return reached;
    }

    /// <summary>An AND's one unsatisfiable child; -1 when every child is satisfiable, -2 when more than one is not.</summary>
    private int UnsatisfiedChild(bool[] satisfiable, int from, int to)
    {
        var unsatisfied = -1;
        for (var e = from; e < to; e++)
        {
            if (!satisfiable[_children[e]])
            {
                if (unsatisfied != -1)
                {
                    return -2;
                }

                unsatisfied = _children[e];
            }
        }

        return unsatisfied;
    }

    /// <summary>
    /// Some assignment that agrees with <paramref name="fixedValues"/> (at each OR its first
    /// satisfiable branch), or null when none does: one Boolean pass up and a walk down, where
    /// <see cref="Unrank"/> needs a pass of BigInteger counts.
    /// </summary>
    public bool[]? Any(sbyte[] fixedValues)
    {
        var satisfiable = Satisfiable(fixedValues);
        if (!satisfiable[_root])
        {
            return null;
        }

        // Each satisfiable OR's first satisfiable branch.
        var choice = new int[_isOr.Length];
        for (var i = 0; i < _isOr.Length; i++)
        {
            for (var e = _start[i]; e < _start[i + 1] && _isOr[i] && choice[i] == 0; e++)
            {
                choice[i] = satisfiable[_children[e]] ? _children[e] : 0;
            }
        }

        return Walk(choice);
    }

    /// <summary>The assignment of the sub-circuit the root spans when each OR node takes its <paramref name="choice"/> (by inner node).</summary>
    private bool[] Walk(int[] choice)
    {
        var assignment = new bool[VariableCount];
        var stack = new Stack<int>();
        stack.Push(_root);
        while (stack.TryPop(out var node))
        {
            if (node < _first)
            {
                if (node >= 2)
                {
                    assignment[(node - 2) >> 1] = ((node - 2) & 1) == 0;
                }
            }
            else if (_isOr[node - _first])
            {
                stack.Push(choice[node - _first]);
            }
            else
            {
                for (var e = _start[node - _first]; e < _start[node - _first + 1]; e++)
                {
                    stack.Push(_children[e]);
                }
            }
        }

        return assignment;
    }

    /// <summary>
    /// The assignment that agrees with <paramref name="fixedValues"/> at the lowest total
    /// <paramref name="cost"/> (per internal literal, what making it true costs), the lowest total
    /// <paramref name="tieCost"/> among equals; null when no assignment agrees. One pass up (an OR
    /// takes its cheaper branch, an AND adds its parts, which share no variable, and every variable
    /// is on every path, so each assignment pays for each of its literals once) and one walk down.
    /// </summary>
    /// <exception cref="OverflowException">A total is beyond decimal's range.</exception>
    public (decimal Cost, decimal TieCost, bool[] Assignment)? Cheapest(sbyte[] fixedValues, decimal[] cost, decimal[]? tieCost)
    {
        var satisfiable = Satisfiable(fixedValues);
        if (!satisfiable[_root])
        {
            return null;
        }

        var (primary, secondary, choice) = Below(satisfiable, cost, tieCost);
        return (primary[_root], secondary?[_root] ?? 0m, Walk(choice));
    }

    /// <summary>
    /// Per satisfiable node, leaves included, the lowest total cost of an assignment below it (with
    /// the lowest tie cost among equals) and, per OR node, the branch that has it.
    /// </summary>
    private (decimal[] Primary, decimal[]? Secondary, int[] Choice) Below(bool[] satisfiable, decimal[] cost, decimal[]? tieCost)
    {
        var (primary, secondary, choice) = (new decimal[_first + _isOr.Length], tieCost is null ? null : new decimal[_first + _isOr.Length], new int[_isOr.Length]);
        cost.CopyTo(primary, 2);
        tieCost?.CopyTo(secondary!, 2);
        for (var i = 0; i < _isOr.Length; i++)
        {
            var node = _first + i;
            if (!satisfiable[node])
            {
                continue;
            }

            var (from, to) = (_start[i], _start[i + 1]);
            if (_isOr[i])
            {
                var best = -1;
                for (var e = from; e < to; e++)
                {
                    var child = _children[e];
                    if (satisfiable[child] && (best < 0 || primary[child] < primary[best] || (primary[child] == primary[best] && secondary is not null && secondary[child] < secondary[best])))
                    {
                        best = child;
                    }
                }

                (choice[i], primary[node]) = (best, primary[best]);
                secondary?[node] = secondary[best];
                continue;
            }

            for (var e = from; e < to; e++)
            {
                primary[node] += primary[_children[e]];
                secondary?[node] += secondary[_children[e]];
            }
        }

        return (primary, secondary, choice);
    }

    /// <summary>
    /// Per internal literal, the lowest total <paramref name="cost"/> of an assignment that agrees
    /// with <paramref name="fixedValues"/> on every other variable and makes the literal true (as
    /// <see cref="PossibleLiterals"/> reads them), or null where none does; with the lowest total of
    /// an assignment that agrees with them all, null when none does. The cheapest assignment below
    /// every satisfiable node (one pass up, as <see cref="Cheapest"/>), then the cheapest rest of an
    /// assignment around each node (one pass down: an OR's branch inherits the OR's, an AND's part
    /// adds its siblings', which must all be satisfiable).
    /// </summary>
    /// <exception cref="OverflowException">A total is beyond decimal's range.</exception>
    public (decimal? Lowest, decimal?[] PerLiteral) CheapestPerLiteral(sbyte[] fixedValues, decimal[] cost)
    {
        var satisfiable = Satisfiable(fixedValues);
        var (below, _, _) = Below(satisfiable, cost, null);

        // Around a node: the cheapest rest of an assignment through it, over the paths that reach it.
        var around = new decimal[_first + _isOr.Length];
        var reached = PassDown(satisfiable, new Cheapen(_children, satisfiable, below, around));
        var result = new decimal?[2 * VariableCount];
        for (var literal = 0; literal < result.Length; literal++)
        {
            result[literal] = reached[2 + literal] ? around[2 + literal] + cost[literal] : null;
        }

        return (satisfiable[_root] ? below[_root] : null, result);
    }

    /// <summary>
    /// Each total <paramref name="cost"/> (per internal literal, what making it true costs) of the
    /// assignments that agree with <paramref name="fixedValues"/>, with how many have it, ascending:
    /// counting with each count split by cost, so an OR adds its branches' tables and an AND
    /// convolves its parts' (the circuit is smooth: every assignment takes one literal of each
    /// variable). A node's table is let go once its last parent has read it; null when more than
    /// <paramref name="entryBudget"/> entries would be alive at once.
    /// </summary>
    /// <exception cref="OverflowException">A total is beyond decimal's range.</exception>
    public KeyValuePair<decimal, BigInteger>[]? CostDistribution(sbyte[] fixedValues, decimal[] cost, long entryBudget)
    {
        var parents = new int[_isOr.Length];
        foreach (var child in _children)
        {
            if (child >= _first)
            {
                parents[child - _first]++;
            }
        }

        // Each leaf's table once: nothing, no cost, or its literal's cost, one way each.
        var leaves = new KeyValuePair<decimal, BigInteger>[_first][];
        for (var node = 0; node < _first; node++)
        {
            leaves[node] = !Allows(node, fixedValues) ? [] : [KeyValuePair.Create(node < 2 ? 0m : cost[node - 2], BigInteger.One)];
        }

        var tables = new KeyValuePair<decimal, BigInteger>[]?[_isOr.Length];
        long alive = 0;
        KeyValuePair<decimal, BigInteger>[] Read(int node)
        {
            if (node < _first)
            {
                return leaves[node];
            }

            // ! : children come before parents, and a table lives until its last parent read it.
            var table = tables[node - _first]!;
            if (--parents[node - _first] == 0 && node != _root)
            {
                tables[node - _first] = null;
                alive -= table.Length;
            }

            return table;
        }

        // An AND's running product in one table and the next in the other, swapped per part and
        // sorted once at the end (sorting after every part made BusyBox's root take most of a minute).
        var product = new Dictionary<decimal, BigInteger>();
        var next = new Dictionary<decimal, BigInteger>();
        for (var i = 0; i < _isOr.Length; i++)
        {
            Configurator.Internal.Interruption.Poll();
            var (from, to) = (_start[i], _start[i + 1]);
            product.Clear();
            Add(product, Read(_children[from]));
            var e = from + 1;
            for (; e < to && (product.Count > 0 || _isOr[i]); e++)
            {
                var other = Read(_children[e]);
                if (_isOr[i])
                {
                    Add(product, other);
                    continue;
                }

                Configurator.Internal.Interruption.Poll();
                next.Clear();
                foreach (var (total, count) in other)
                {
                    foreach (var (subtotal, ways) in product)
                    {
                        Add(next, subtotal + total, count.IsOne ? ways : ways * count);
                    }

                    if (alive + next.Count > entryBudget)
                    {
                        return null;
                    }
                }

                (product, next) = (next, product);
            }

            // An AND cut short by an empty part still lets go of the parts it did not read.
            for (; e < to; e++)
            {
                Read(_children[e]);
            }

            var table = product.Count == 0 ? [] : product.ToArray();
            if (table.Length > 1)
            {
                Array.Sort(table, (a, b) => a.Key.CompareTo(b.Key));
            }

            tables[i] = table;
            alive += table.Length;
            if (alive > entryBudget)
            {
                return null;
            }
        }

        return _root >= _first ? tables[_root - _first] : Read(_root);
    }

    private static void Add(Dictionary<decimal, BigInteger> sums, KeyValuePair<decimal, BigInteger>[] table)
    {
        foreach (var (total, count) in table)
        {
            Add(sums, total, count);
        }
    }

    /// <summary>Adds ways to a total's count with one lookup (a new total starts from zero).</summary>
    private static void Add(Dictionary<decimal, BigInteger> sums, decimal total, BigInteger ways) =>
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, total, out _) += ways;

    /// <summary>
    /// Per internal literal, the number of assignments that agree with <paramref name="fixedValues"/>
    /// on every other variable and make it true (as <see cref="PossibleLiterals"/> reads them): the
    /// counting pass up, then its derivative down, where an OR's branch inherits the OR's count of
    /// ways around it and an AND's part the AND's times the product of its siblings' counts. With
    /// the number of assignments that agree with them all, from the same pass up.
    /// </summary>
    public (BigInteger All, BigInteger[] PerLiteral) CountsPerLiteral(sbyte[] fixedValues)
    {
        var counts = Counts(fixedValues, _freeCounts.Value);
        var around = new BigInteger[_first + _isOr.Length];
        around[_root] = BigInteger.One;
        for (var node = _first + _isOr.Length - 1; node >= _first; node--)
        {
            if (around[node].IsZero)
            {
                continue;
            }

            var (from, to) = (_start[node - _first], _start[node - _first + 1]);
            if (_isOr[node - _first])
            {
                for (var e = from; e < to; e++)
                {
                    around[_children[e]] += around[node];
                }

                continue;
            }

            // The product of the parts' counts but a zero one's; a part's siblings multiply to it
            // over the part's own count, or to it alone for the one zero part.
            var (product, zero) = (BigInteger.One, -1);
            for (var e = from; e < to && zero != -2; e++)
            {
                var value = Value(counts, _children[e], fixedValues);
                if (value.IsZero)
                {
                    zero = zero == -1 ? _children[e] : -2;
                }
                else if (!value.IsOne)
                {
                    product *= value;
                }
            }

            for (var e = from; e < to && zero != -2; e++)
            {
                var child = _children[e];
                if (zero == -1)
                {
                    var value = Value(counts, child, fixedValues);
                    around[child] += around[node] * (value.IsOne ? product : product / value);
                }
                else if (child == zero)
                {
                    around[child] += around[node] * product;
                }
            }
        }

        return (Value(counts, _root, fixedValues), around[2.._first]);
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
    /// The assignments that agree with <paramref name="fixedValues"/> from rank
    /// <paramref name="start"/> on, in <see cref="Unrank"/>'s order: one rank's walk down, then an
    /// odometer. Each OR on the walk is a digit of two branches, each AND a mixed-radix number of its
    /// parts (the first the lowest digit), so the next assignment advances the lowest digit that
    /// has not run out and restarts the ones below it; parts with one assignment are never visited
    /// again. Each is the same buffer (per variable, 0-based, whether it is true): copy what you keep.
    /// </summary>
    public IEnumerable<bool[]> Assignments(sbyte[] fixedValues, BigInteger start)
    {
        var counts = Counts(fixedValues, _freeCounts.Value);
        if (start.Sign < 0 || start >= Value(counts, _root, fixedValues))
        {
            yield break;
        }

        var odometer = new Odometer(this, counts, fixedValues);
        var root = odometer.Start(_root, start);
        do
        {
            yield return odometer.Assignment;
        }
        while (root is not null && odometer.Advance(root));
    }

    /// <summary>
    /// An odometer over a circuit's assignments (see <see cref="Assignments"/>). A digit exists only
    /// where a node has more than one assignment below it on the current walk: an OR's is its branch
    /// (with the digit of the branch below it), an AND's the digits of its parts with more than one.
    /// Both passes are iterative: a circuit can be thousands of nodes deep.
    /// </summary>
    private sealed class Odometer(Circuit circuit, BigInteger[] counts, sbyte[] fixedValues)
    {
        private readonly Stack<(int Node, BigInteger Rank, Digit? Parent, int Slot)> _starts = new();
        private readonly Stack<(Digit Digit, int Next)> _advances = new();

        public bool[] Assignment { get; } = new bool[circuit.VariableCount];

        /// <summary>Writes the assignment of <paramref name="rank"/> below <paramref name="node"/> and returns its digit, null when the node has one assignment.</summary>
        public Digit? Start(int node, BigInteger rank)
        {
            Digit? top = null;
            var isTop = true;
            _starts.Push((node, rank, null, -1));
            while (_starts.TryPop(out var item))
            {
                var (n, r, parent, slot) = item;
                if (n < circuit._first)
                {
                    if (n >= 2)
                    {
                        Assignment[(n - 2) >> 1] = ((n - 2) & 1) == 0;
                    }

                    continue;
                }

                var (from, to) = (circuit._start[n - circuit._first], circuit._start[n - circuit._first + 1]);
                var several = !counts[n - circuit._first].IsOne;
                Digit? digit;
                if (circuit._isOr[n - circuit._first])
                {
                    var first = Size(circuit._children[from]);
                    var branch = r < first ? 0 : 1;
                    digit = several ? new Digit(n, branch, new Digit?[1]) : null;
                    _starts.Push((circuit._children[from + branch], branch == 0 ? r : r - first, digit, 0));
                }
                else
                {
                    var parts = 0;
                    for (var e = from; e < to; e++)
                    {
                        parts += Size(circuit._children[e]).IsOne ? 0 : 1;
                    }

                    digit = parts == 0 ? null : new Digit(n, 0, new Digit?[parts]);
                    for (int e = from, part = 0; e < to; e++)
                    {
                        var size = Size(circuit._children[e]);
                        if (size.IsOne)
                        {
                            _starts.Push((circuit._children[e], BigInteger.Zero, null, -1));
                            continue;
                        }

                        (r, var within) = BigInteger.DivRem(r, size);
                        _starts.Push((circuit._children[e], within, digit, part++));
                    }
                }

                if (isTop)
                {
                    (top, isTop) = (digit, false);
                }
                else if (parent is not null)
                {
                    parent.Parts[slot] = digit;
                }
            }

            return top;
        }

        /// <summary>Moves to the next assignment; at the last one, back to the first below <paramref name="root"/> and false.</summary>
        public bool Advance(Digit root)
        {
            var advanced = false;
            _advances.Push((root, 0));
            while (_advances.TryPop(out var item))
            {
                var (digit, next) = item;
                if (!circuit._isOr[digit.Node - circuit._first])
                {
                    // An AND: the lowest part that advances; the ones before it have gone back to their first.
                    if ((next > 0 && advanced) || next == digit.Parts.Length)
                    {
                        continue;
                    }

                    _advances.Push((digit, next + 1));
                    _advances.Push((digit.Parts[next]!, 0));
                    continue;
                }

                if (next == 0 && digit.Parts[0] is { } below)
                {
                    _advances.Push((digit, 1));
                    _advances.Push((below, 0));
                    continue;
                }

                if (next == 1 && advanced)
                {
                    continue;
                }

                // An OR whose branch has run out (or has one assignment): the second branch's first, or back to the first branch's first.
                advanced = false;
                var other = circuit._children[circuit._start[digit.Node - circuit._first] + 1 - digit.Branch];
                if (!Size(other).IsZero)
                {
                    digit.Branch = 1 - digit.Branch;
                    digit.Parts[0] = Start(other, BigInteger.Zero);
                    advanced = digit.Branch == 1;
                }
            }

            return advanced;
        }

        private BigInteger Size(int node) => circuit.Value(counts, node, fixedValues);
    }

    /// <summary>An odometer's digit: a node on the current walk, an OR's branch, the digits below it.</summary>
    private sealed class Digit(int node, int branch, Digit?[] parts)
    {
        public int Node { get; } = node;

        public int Branch { get; set; } = branch;

        public Digit?[] Parts { get; } = parts;
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

    /// <summary>What <see cref="PassDown"/> does besides marking the nodes it reaches.</summary>
    private interface IDownPass
    {
        /// <summary>A reached AND node with its children's edges <paramref name="from"/> to <paramref name="to"/>, before it passes on.</summary>
        void AtAnd(int from, int to);

        /// <summary>The node passes on to the child, reached for the first time or again.</summary>
        void PassOn(int node, int child, bool isOr, bool firstTime);
    }

    /// <summary>Only which nodes are reached.</summary>
    private readonly struct Reach : IDownPass
    {
        public void AtAnd(int from, int to)
        {
        }

        public void PassOn(int node, int child, bool isOr, bool firstTime)
        {
        }
    }

    /// <summary>The cheapest rest of an assignment around each node: an OR's branch inherits the OR's, an AND's part adds its siblings' cheapest.</summary>
    private sealed class Cheapen(int[] children, bool[] satisfiable, decimal[] below, decimal[] around) : IDownPass
    {
        // The cheapest of the satisfiable parts of the AND being passed, together.
        private decimal _parts;

        public void AtAnd(int from, int to)
        {
            _parts = 0;
            for (var e = from; e < to; e++)
            {
                _parts += satisfiable[children[e]] ? below[children[e]] : 0;
            }
        }

        public void PassOn(int node, int child, bool isOr, bool firstTime)
        {
            var rest = isOr ? around[node] : around[node] + _parts - (satisfiable[child] ? below[child] : 0);
            if (firstTime || rest < around[child])
            {
                around[child] = rest;
            }
        }
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
