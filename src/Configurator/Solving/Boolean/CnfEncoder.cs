using Configurator.Solving.Constraints;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Boolean;

/// <summary>
/// Turns a compiled model into a counting-exact <see cref="CnfFormula"/>, or says why it cannot.
/// Rules become formulas over value literals; clauses, implications and groups become clauses as
/// they stand; nested sub-formulas get an auxiliary variable defined in both directions (Tseitin),
/// so it is a function of the module variables and counts stay exact; linear comparisons of
/// numbers (a group's <c>count(a) + count(b) == count(parent)</c>, a budget) become exactly-one and
/// at-most-one groups when their coefficients are all one and otherwise an ordered decision
/// diagram of the running sum whose nodes are defined the same way; anything else over a few
/// modules (texts, products, <c>in</c>) is expanded into a decision tree of its scope. Per call.
/// </summary>
internal sealed class CnfEncoder
{
    /// <summary>Past this many clauses the formula is not worth building; the other engines take the model.</summary>
    public const int ClauseLimit = 4_000_000;

    // Groups up to this size get pairwise exclusions: binary clauses are links and implications
    // to the counting search, cheap, while the prefix-or chain beyond adds a variable per member
    // that the search branches on (automotive2_4's alternative groups of up to 231 features:
    // 24 as the limit gave 10,048 auxiliary variables and a 4.4 s count; 256 gives 263 and 2.7 s).
    private const int PairwiseLimit = 256;
    private const int TabulateLimit = 4_096;
    private const int SumNodeLimit = 200_000;

    private readonly IReadOnlyList<ModuleDomain> _domains;

    // The clauses one after another, and where each ends (see CnfFormula).
    private readonly Configurator.Internal.IntBuffer _literals = new();
    private readonly Configurator.Internal.IntBuffer _starts = new();

    // Per clause, the position of the constraint it encodes; -1 for the modules' own clauses and
    // the constant true (explanations switch constraints off, never those).
    private readonly Configurator.Internal.IntBuffer _origins = new();
    private int _position = -1;
    private readonly int[][] _valueLiterals;
    private readonly Dictionary<Node, int> _named = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<int> _seen = [];
    private int _variables;
    private int _true;

    private CnfEncoder(IReadOnlyList<ModuleDomain> domains)
    {
        _domains = domains;
        _starts.Add(0);
        _valueLiterals = new int[domains.Count][];
        for (var m = 0; m < domains.Count; m++)
        {
            var count = domains[m].ValueCount;
            if (count == 1)
            {
                _valueLiterals[m] = [0];
            }
            else if (count == 2)
            {
                var x = ++_variables;
                _valueLiterals[m] = [-x, x];
            }
            else
            {
                _valueLiterals[m] = [.. Enumerable.Range(0, count).Select(_ => ++_variables)];
            }
        }

        for (var m = 0; m < domains.Count; m++)
        {
            if (domains[m].ValueCount > 2)
            {
                ExactlyOne(_valueLiterals[m]);
            }
        }
    }

    /// <summary>The formula, or null with the reason (a rule shape without an exact encoding, or too many clauses).</summary>
    public static CnfFormula? TryEncode(IReadOnlyList<ModuleDomain> domains, IReadOnlyList<CompiledConstraint> constraints, out string? reason)
    {
        var encoder = new CnfEncoder(domains);
        try
        {
            foreach (var constraint in constraints)
            {
                Configurator.Internal.Interruption.Poll();
                encoder._position = constraint.Position;

                // Named sub-formulas stay within their constraint, so that the clauses defining
                // one belong to the constraint that uses it.
                encoder._named.Clear();
                encoder.Encode(constraint);
            }
        }
        catch (NotEncodableException e)
        {
            reason = e.Message;
            return null;
        }

        reason = null;
        // The buffers as they stand, not copied: on a large model each is megabytes.
        return new CnfFormula(encoder._variables, encoder._literals.Items, encoder._starts.Items, encoder._starts.Count - 1, encoder._valueLiterals, encoder._origins.Items);
    }

    private void Encode(CompiledConstraint constraint)
    {
        if (constraint.Expression is { } expression)
        {
            Assert(expression);
        }
        else if (constraint.Rows is { } rows)
        {
            var scope = constraint.Scope;
            if (rows.Allowed)
            {
                Assert(Or([.. rows.Values.Select(row => And([.. row.Select((value, i) => ValueIs(scope[i], value))]))]));
            }
            else
            {
                foreach (var row in rows.Values)
                {
                    Emit([.. row.Select((value, i) => -Literal(ValueIs(scope[i], value)))]);
                }
            }
        }
        else
        {
            EncodeTabulated(constraint);
        }
    }

    /// <summary>A tabulated table: one clause per forbidden combination, or one term per allowed one when those are fewer.</summary>
    private void EncodeTabulated(CompiledConstraint constraint)
    {
        var scope = constraint.Scope;
        var strides = constraint.Strides.ToArray();
        var bits = constraint.TableBits;
        var combinations = 1;
        foreach (var module in scope)
        {
            combinations *= _domains[module].ValueCount;
        }

        var allowed = new List<int>();
        var forbidden = new List<int>();
        for (var index = 0; index < combinations; index++)
        {
            ((bits[index >> 6] & (1UL << index)) != 0 ? allowed : forbidden).Add(index);
        }

        if (Math.Min(allowed.Count, forbidden.Count) > TabulateLimit * 16)
        {
            throw new NotEncodableException($"Table {constraint.Source.Id ?? $"#{constraint.Position}"} has {allowed.Count:N0} allowed and {forbidden.Count:N0} forbidden combinations.");
        }

        Node Combination(int index) => And([.. scope.Select((module, i) => ValueIs(module, index / strides[i] % _domains[module].ValueCount))]);
        if (forbidden.Count <= allowed.Count)
        {
            foreach (var index in forbidden)
            {
                Assert(Not(Combination(index)));
            }
        }
        else
        {
            Assert(Or([.. allowed.Select(Combination)]));
        }
    }

    // ---- Asserting: clauses directly where the shape allows, named sub-formulas elsewhere.

    private void Assert(BoolExpression expression)
    {
        switch (expression)
        {
            case LogicExpression { Operator: LogicOperator.And } and:
                Assert(and.Left);
                Assert(and.Right);
                return;
            case NumberComparison comparison when Linear(comparison) is { } linear:
                if (!TryAssertCardinality(linear))
                {
                    Assert(Sum(linear));
                }

                return;
            default:
                Assert(Build(expression));
                return;
        }
    }

    private void Assert(Node node)
    {
        switch (node)
        {
            case Constant { Value: true }:
                return;
            case Constant:
                Add([]);
                return;
            case Gate { IsAnd: true } and:
                foreach (var child in and.Children)
                {
                    Assert(child);
                }

                return;
            case Gate or:
                Emit([.. or.Children.Select(Literal)]);
                return;
            default:
                Emit([Literal(node)]);
                return;
        }
    }

    /// <summary>At most / at least / exactly k of literals with unit weights, as clauses: no diagram needed.</summary>
    private bool TryAssertCardinality(LinearForm form)
    {
        var (literals, weights, op, bound) = form;
        if (weights.Any(w => w != 1))
        {
            return false;
        }

        if (op == CompareOperator.NotEqual || bound != decimal.Truncate(bound) || Math.Abs(bound) > int.MaxValue)
        {
            return false;
        }

        var n = literals.Count;
        var b = (long)bound;
        var (atLeast, atMost) = op switch
        {
            CompareOperator.Equal => (b, b),
            CompareOperator.LessOrEqual => (0L, b),
            CompareOperator.Less => (0L, b - 1),
            CompareOperator.GreaterOrEqual => (b, n),
            _ => (b + 1, (long)n),
        };
        (atLeast, atMost) = (Math.Max(atLeast, 0), Math.Min(atMost, n));
        if (atLeast > atMost)
        {
            Add([]);
            return true;
        }

        if ((atLeast is not (0 or 1) && atLeast != n) || (atMost is not (0 or 1) && atMost < n - 1))
        {
            return false;
        }

        if (atLeast == n)
        {
            literals.ForEach(l => Emit([l]));
            return true;
        }

        if (atLeast == 1)
        {
            Emit([.. literals]);
        }

        if (atMost == 0)
        {
            literals.ForEach(l => Emit([-l]));
        }
        else if (atMost == 1)
        {
            AtMostOne(literals);
        }
        else if (atMost == n - 1)
        {
            Emit([.. literals.Select(l => -l)]);
        }

        return true;
    }

    private void ExactlyOne(IReadOnlyList<int> literals)
    {
        Emit([.. literals]);
        AtMostOne(literals);
    }

    /// <summary>Pairwise for small groups; beyond, a chain of prefix ors, each defined by its inputs (so the count is unchanged).</summary>
    private void AtMostOne(IReadOnlyList<int> literals)
    {
        if (literals.Count <= PairwiseLimit)
        {
            for (var i = 0; i < literals.Count; i++)
            {
                for (var j = i + 1; j < literals.Count; j++)
                {
                    Emit([-literals[i], -literals[j]]);
                }
            }

            return;
        }

        var prefix = literals[0];
        for (var i = 1; i < literals.Count; i++)
        {
            Emit([-prefix, -literals[i]]);
            if (i == literals.Count - 1)
            {
                break;
            }

            var next = ++_variables;
            Emit([-next, prefix, literals[i]]);
            Emit([next, -prefix]);
            Emit([next, -literals[i]]);
            prefix = next;
        }
    }

    /// <summary>Keeps a clause without its repeated and constant-false literals; drops one that holds anyway (a literal and its negation, or constant true).</summary>
    private void Emit(ReadOnlySpan<int> clause)
    {
        if (_starts.Count > ClauseLimit)
        {
            throw new NotEncodableException($"The model needs more than {ClauseLimit:N0} clauses.");
        }

        // Written in place and taken back if the clause turns out to hold anyway. Short clauses
        // (most are two literals) are checked against what is written so far; long ones by a set.
        var start = _literals.Count;
        var useSet = clause.Length > 8;
        if (useSet)
        {
            _seen.Clear();
        }

        foreach (var literal in clause)
        {
            if (_true != 0 && (literal == _true || literal == -_true))
            {
                if (literal == _true)
                {
                    _literals.Truncate(start);
                    return;
                }

                continue;
            }

            var (repeated, complement) = useSet
                ? (_seen.Contains(literal), _seen.Contains(-literal))
                : Written(start, literal);
            if (complement)
            {
                _literals.Truncate(start);
                return;
            }

            if (!repeated)
            {
                _literals.Add(literal);
                if (useSet)
                {
                    _seen.Add(literal);
                }
            }
        }

        _starts.Add(_literals.Count);
        _origins.Add(_position);
    }

    /// <summary>Whether the clause being written from <paramref name="start"/> has the literal, and whether it has its negation.</summary>
    private (bool Repeated, bool Complement) Written(int start, int literal)
    {
        var written = _literals.AsSpan()[start..];
        return (written.Contains(literal), written.Contains(-literal));
    }

    /// <summary>Keeps a clause as it stands with its origin: the constraint being encoded unless <paramref name="origin"/> says otherwise.</summary>
    private void Add(ReadOnlySpan<int> clause, int? origin = null)
    {
        _literals.AddRange(clause);
        _starts.Add(_literals.Count);
        _origins.Add(origin ?? _position);
    }

    /// <summary>The literal equivalent to a node: its own for a literal, otherwise a new variable defined by clauses both ways.</summary>
    private int Literal(Node node)
    {
        switch (node)
        {
            case Lit lit:
                return lit.Literal;
            case Constant constant:
                if (_true == 0)
                {
                    _true = ++_variables;
                    Add([_true], origin: -1);
                }

                return constant.Value ? _true : -_true;
        }

        if (_named.TryGetValue(node, out var named))
        {
            return named;
        }

        var children = node switch
        {
            Gate gate => gate.Children.Select(Literal).ToArray(),
            Select select => select.Children.Select(Literal).ToArray(),
            Iff iff => [Literal(iff.Left), Literal(iff.Right)],
            _ => throw new InvalidOperationException(node.GetType().Name),
        };
        var y = ++_variables;
        _named.Add(node, y);
        switch (node)
        {
            case Gate { IsAnd: true }:
                foreach (var child in children)
                {
                    Emit([-y, child]);
                }

                Emit([y, .. children.Select(c => -c)]);
                break;
            case Gate:
                foreach (var child in children)
                {
                    Emit([y, -child]);
                }

                Emit([-y, .. children]);
                break;
            case Select select:
                // Exactly one guard holds, so y equals the child under it.
                for (var i = 0; i < children.Length; i++)
                {
                    Emit([-select.Guards[i], -y, children[i]]);
                    Emit([-select.Guards[i], y, -children[i]]);
                }

                break;
            default:
                var (a, b) = (children[0], children[1]);
                Emit([-y, -a, b]);
                Emit([-y, a, -b]);
                Emit([y, a, b]);
                Emit([y, -a, -b]);
                break;
        }

        return y;
    }

    // ---- Building formulas from rule expressions.

    private Node Build(BoolExpression expression) => expression switch
    {
        ConstantBool constant => Constant.Of(constant.Value),
        ValueFlag flag => ValueSet(flag.Module, flag.Flags),
        NotExpression not => Not(Build(not.Operand)),
        LogicExpression { Operator: LogicOperator.And } and => And([Build(and.Left), Build(and.Right)]),
        LogicExpression { Operator: LogicOperator.Or } or => Or([Build(or.Left), Build(or.Right)]),
        LogicExpression { Operator: LogicOperator.Implies } implies => Or([Not(Build(implies.Left)), Build(implies.Right)]),
        LogicExpression iff => IffOf(Build(iff.Left), Build(iff.Right)),
        BoolComparison { IsEqual: true } equal => IffOf(Build(equal.Left), Build(equal.Right)),
        BoolComparison differ => Not(IffOf(Build(differ.Left), Build(differ.Right))),
        NumberComparison comparison when Linear(comparison) is { } linear => Sum(linear),
        _ => Tabulate(expression),
    };

    private Node ValueSet(int module, IReadOnlyList<bool> flags)
    {
        // Counted before any list is made: most are a yes/no feature's one literal (automotive2_4 has
        // about 60,000 option tests, and two lists each were a seventh of the encoder's time).
        var literals = _valueLiterals[module];
        var inside = 0;
        var first = -1;
        for (var v = 0; v < flags.Count; v++)
        {
            if (flags[v])
            {
                inside++;
                first = first < 0 ? v : first;
            }
        }

        if (inside == flags.Count || inside == 0)
        {
            return Constant.Of(inside > 0);
        }

        if (flags.Count == 2)
        {
            return new Lit(literals[first]);
        }

        // The shorter side: an or of the values inside, or an and of the negated values outside.
        var takeInside = inside <= flags.Count - inside;
        var nodes = new Node[takeInside ? inside : flags.Count - inside];
        var n = 0;
        for (var v = 0; v < flags.Count; v++)
        {
            if (flags[v] == takeInside)
            {
                nodes[n++] = new Lit(takeInside ? literals[v] : -literals[v]);
            }
        }

        return takeInside ? Or(nodes) : And(nodes);
    }

    /// <summary>The module takes the value: its literal (exactly-one makes a one-hot literal enough), true for a one-value module.</summary>
    private Node ValueIs(int module, int value) => _valueLiterals[module][value] is var literal and not 0 ? new Lit(literal) : Constant.True;

    /// <summary>Expands an expression over a small scope into a decision tree of its modules' values.</summary>
    private Node Tabulate(BoolExpression expression)
    {
        var scope = new SortedSet<int>();
        expression.AddScope(scope);
        var modules = scope.ToArray();
        long combinations = 1;
        foreach (var module in modules)
        {
            combinations *= _domains[module].ValueCount;
            if (combinations > TabulateLimit)
            {
                throw new NotEncodableException($"A rule over {modules.Length} modules has no exact clause form short of {combinations:N0}+ cases.");
            }
        }

        var values = new int[_domains.Count];
        return Expand(0);

        Node Expand(int depth)
        {
            if (depth == modules.Length)
            {
                return Constant.Of(expression.Evaluate(values));
            }

            var module = modules[depth];
            var children = new Node[_domains[module].ValueCount];
            for (var value = 0; value < children.Length; value++)
            {
                values[module] = value;
                children[value] = Expand(depth + 1);
            }

            return SelectOf(_valueLiterals[module], children);
        }
    }

    // ---- Linear comparisons.

    private sealed record LinearForm(List<int> Literals, List<decimal> Weights, CompareOperator Operator, decimal Bound);

    /// <summary>
    /// The comparison as Σ weight·literal ⊙ bound with positive weights, or null when a side is not
    /// linear in the modules' values (a product of two modules, a division, a huge weight).
    /// </summary>
    private LinearForm? Linear(NumberComparison comparison)
    {
        var terms = new Dictionary<int, decimal>();
        var constant = 0m;
        try
        {
            if (!Collect(comparison.Left, 1m, terms, ref constant) || !Collect(comparison.Right, -1m, terms, ref constant))
            {
                return null;
            }
        }
        catch (OverflowException)
        {
            return null;
        }

        // Σ w·x + constant ⊙ 0; a negative weight turns to its literal's negation: w·x = w + (-w)·¬x.
        var literals = new List<int>();
        var weights = new List<decimal>();
        foreach (var (variable, weight) in terms.OrderBy(t => t.Key))
        {
            if (weight > 0)
            {
                literals.Add(variable);
                weights.Add(weight);
            }
            else if (weight < 0)
            {
                literals.Add(-variable);
                weights.Add(-weight);
                constant += weight;
            }
        }

        return new LinearForm(literals, weights, comparison.Operator, -constant);
    }

    private bool Collect(NumberExpression expression, decimal scale, Dictionary<int, decimal> terms, ref decimal constant)
    {
        switch (expression)
        {
            case ConstantNumber number:
                constant += scale * number.Value;
                return true;
            case ValueNumber value:
                var literals = _valueLiterals[value.Module];
                var numbers = value.Numbers;
                if (literals.Length == 1)
                {
                    constant += scale * numbers[0];
                }
                else if (literals.Length == 2)
                {
                    constant += scale * numbers[0];
                    Add(terms, literals[1], scale * (numbers[1] - numbers[0]));
                }
                else
                {
                    for (var v = 0; v < literals.Length; v++)
                    {
                        Add(terms, literals[v], scale * numbers[v]);
                    }
                }

                return true;
            case NegateExpression negate:
                return Collect(negate.Operand, -scale, terms, ref constant);
            case ArithmeticExpression { Operator: ArithmeticOperator.Add or ArithmeticOperator.Subtract } sum:
                return Collect(sum.Left, scale, terms, ref constant)
                    && Collect(sum.Right, sum.Operator == ArithmeticOperator.Add ? scale : -scale, terms, ref constant);
            case ArithmeticExpression { Operator: ArithmeticOperator.Multiply } product:
                if (product.Left is ConstantNumber left)
                {
                    return Collect(product.Right, scale * left.Value, terms, ref constant);
                }

                return product.Right is ConstantNumber right && Collect(product.Left, scale * right.Value, terms, ref constant);
            default:
                return false;
        }

        static void Add(Dictionary<int, decimal> terms, int variable, decimal weight)
        {
            if (Math.Abs(weight) > 1e15m)
            {
                throw new OverflowException();
            }

            terms[variable] = terms.GetValueOrDefault(variable) + weight;
        }
    }

    /// <summary>An ordered decision diagram of the running sum, pruned where the outcome is already decided.</summary>
    private static Node Sum(LinearForm form)
    {
        var (literals, weights) = (form.Literals, form.Weights);
        var rest = new decimal[literals.Count + 1];
        for (var i = literals.Count - 1; i >= 0; i--)
        {
            rest[i] = rest[i + 1] + weights[i];
        }

        var memo = new Dictionary<(int, decimal), Node>();
        return Diagram(0, 0m);

        Node Diagram(int i, decimal sum)
        {
            var (low, high) = (sum, sum + rest[i]);
            var decided = form.Operator switch
            {
                CompareOperator.Equal => low == high ? low == form.Bound : form.Bound < low || form.Bound > high ? false : null,
                CompareOperator.NotEqual => low == high ? low != form.Bound : form.Bound < low || form.Bound > high ? true : null,
                CompareOperator.Less => high < form.Bound ? true : low >= form.Bound ? false : null,
                CompareOperator.LessOrEqual => high <= form.Bound ? true : low > form.Bound ? false : (bool?)null,
                CompareOperator.Greater => low > form.Bound ? true : high <= form.Bound ? false : null,
                _ => low >= form.Bound ? true : high < form.Bound ? false : null,
            };
            if (decided is { } truth)
            {
                return Constant.Of(truth);
            }

            if (memo.TryGetValue((i, sum), out var known))
            {
                return known;
            }

            if (memo.Count >= SumNodeLimit)
            {
                throw new NotEncodableException($"A sum over {literals.Count:N0} terms needs more than {SumNodeLimit:N0} diagram nodes.");
            }

            var node = SelectOf([-literals[i], literals[i]], [Diagram(i + 1, sum), Diagram(i + 1, sum + weights[i])]);
            memo.Add((i, sum), node);
            return node;
        }
    }

    // ---- Formula nodes, simplified as they are made.

    private abstract class Node
    {
        public Node? Negation { get; set; }
    }

    private sealed class Constant : Node
    {
        public static readonly Constant True = new(true);
        public static readonly Constant False = new(false);

        private Constant(bool value) => Value = value;

        public bool Value { get; }

        public static Constant Of(bool value) => value ? True : False;
    }

    private sealed class Lit(int literal) : Node
    {
        public int Literal { get; } = literal;
    }

    private sealed class Gate(bool isAnd, Node[] children) : Node
    {
        public bool IsAnd { get; } = isAnd;

        public Node[] Children { get; } = children;
    }

    /// <summary>The child under whichever guard holds; exactly one guard holds in every assignment.</summary>
    private sealed class Select(int[] guards, Node[] children) : Node
    {
        public int[] Guards { get; } = guards;

        public Node[] Children { get; } = children;
    }

    private sealed class Iff(Node left, Node right) : Node
    {
        public Node Left { get; } = left;

        public Node Right { get; } = right;
    }

    private static Node And(Node[] children) => GateOf(true, children);

    private static Node Or(Node[] children) => GateOf(false, children);

    private static Node GateOf(bool isAnd, Node[] children)
    {
        var flat = new List<Node>(children.Length);
        foreach (var child in children)
        {
            if (child is Constant constant)
            {
                if (constant.Value != isAnd)
                {
                    return constant;
                }
            }
            else if (child is Gate gate && gate.IsAnd == isAnd)
            {
                flat.AddRange(gate.Children);
            }
            else
            {
                flat.Add(child);
            }
        }

        return flat.Count switch
        {
            0 => Constant.Of(isAnd),
            1 => flat[0],
            _ => new Gate(isAnd, [.. flat]),
        };
    }

    private static Node IffOf(Node left, Node right) => (left, right) switch
    {
        (Constant { Value: true }, _) => right,
        (Constant, _) => Not(right),
        (_, Constant { Value: true }) => left,
        (_, Constant) => Not(left),
        _ => new Iff(left, right),
    };

    private static Node SelectOf(int[] guards, Node[] children)
    {
        if (children.All(c => ReferenceEquals(c, children[0])))
        {
            return children[0];
        }

        if (children.All(c => c is Constant))
        {
            // A constant per guard: the guards whose child is true, as an or.
            return Or([.. guards.Where((_, i) => ((Constant)children[i]).Value).Select(g => (Node)new Lit(g))]);
        }

        if (guards.Length == 2 && guards[0] == -guards[1])
        {
            var (no, yes, x) = (children[0], children[1], guards[1]);
            return (no, yes) switch
            {
                (Constant { Value: false }, _) => And([new Lit(x), yes]),
                (Constant, _) => Or([new Lit(-x), yes]),
                (_, Constant { Value: false }) => And([new Lit(-x), no]),
                (_, Constant) => Or([new Lit(x), no]),
                _ => new Select(guards, children),
            };
        }

        return new Select(guards, children);
    }

    private static Node Not(Node node)
    {
        if (node.Negation is { } known)
        {
            return known;
        }

        Node negation = node switch
        {
            Constant constant => Constant.Of(!constant.Value),
            Lit lit => new Lit(-lit.Literal),
            Gate gate => GateOf(!gate.IsAnd, [.. gate.Children.Select(Not)]),
            Select select => SelectOf(select.Guards, [.. select.Children.Select(Not)]),
            Iff iff => IffOf(Not(iff.Left), iff.Right),
            _ => throw new InvalidOperationException(node.GetType().Name),
        };
        node.Negation = negation;
        negation.Negation ??= node;
        return negation;
    }

    private sealed class NotEncodableException(string message) : Exception(message);
}
