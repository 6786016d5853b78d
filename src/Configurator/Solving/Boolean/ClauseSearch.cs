using System.Numerics;
using Configurator.Internal;

namespace Configurator.Solving.Boolean;

/// <summary>
/// Search over a <see cref="CnfFormula"/>: unit propagation with two watched literals per clause,
/// then either exact model counting (<see cref="Count(IReadOnlyList{int})"/>: decisions, components of the residual
/// clauses counted apart and multiplied, each component's count cached under its variables and
/// clauses; first decided are the variables a tree decomposition of the clauses puts near its
/// root, see <see cref="TreeDecomposition"/>) or satisfiability with clause learning
/// (<see cref="Solve"/>: first-UIP conflict analysis, backjumping, activity-ordered decisions,
/// saved phases, restarts). Counting learns
/// from its conflicts too; components and cache keys use the original clauses only. Per call (it
/// holds the assignment and the cache), never shared.
/// </summary>
/// <remarks>Sang, Bacchus, Beame, Kautz and Pitassi (SAT 2004) and Thurley, "sharpSAT" (SAT 2006)
/// for components and their cache; Eén and Sörensson, "An extensible SAT solver" (SAT 2003) for the
/// learning loop.</remarks>
internal sealed class ClauseSearch
{
    private const long CacheBudget = 48_000_000;

    // The backbone pass's propagation budget: a floor plus a multiple of the formula's size
    // (literal occurrences plus variables), in watch and implication entries visited. A probe costs
    // what its literal propagates, so the pass is quadratic where every literal reaches much of the
    // formula: a sum encoded as a diagram of 64,000 auxiliary variables took hours. The benchmark
    // models' whole passes stay under the floor (embtoolkit's visits 1.2 million, 43 times its
    // size; automotive2_4's 1.7 million; Linux 2.6.33.3's 7.8 million, 60 times its size, though
    // the last 3 million find nothing new); the sum's encoding stops after about 2 s. Cut short, the
    // pass leaves the rest to the search.
    private const long BackboneWork = 8;
    private const long BackboneWorkFloor = 16_000_000;

    /// <summary>
    /// The tree decomposition's budget (<see cref="TreeDecomposition.Depths"/>), in neighbour
    /// entries written: this floor plus <see cref="TreeWork"/> times the formula's size. Its
    /// elimination on automotive2_4 writes 16.6 million (20 times its size), about 20 ms
    /// since nearly all are a clique member's list shifted rather than merged.
    /// </summary>
    private const long TreeWorkFloor = 16_000_000;

    /// <summary>The decomposition's budget per literal occurrence of the formula; see <see cref="TreeWorkFloor"/>.</summary>
    private const long TreeWork = 64;

    /// <summary>What a level nearer the decomposition's root adds to a variable's branching score (see <see cref="TreeBonus"/>).</summary>
    private const double TreeWeight = 10;

    private readonly int _variables;

    // The clauses (original ones first, then learnt ones) one after another in _literals, clause c
    // from _clauseStart[c] to _clauseStart[c + 1]: an array each, automotive2_4's 362,000 were as
    // many objects for every collection during the count to copy. Propagation reorders a clause's
    // literals in place (its first two are watched).
    private int[] _literals;
    private int[] _clauseStart;
    private int _clauseCount;
    private readonly int _originalClauses;

    // The original long clauses are the first ones, 0 to this count (see the constructor).
    private readonly int _longClauseCount;

    // Components: the long (three or more literals) original clauses by variable, and the binary
    // ones as links between variables (per variable, a range of _neighbours). A binary clause with
    // both variables open is always unsatisfied and never unit, so a component's variables decide
    // which binary clauses it has: they are links for the search and absent from cache keys, which
    // name the variables and the long clauses only (as sharpSAT's do).
    private readonly int[][] _occurrences;
    private readonly int[] _longClauses;
    private readonly int[] _neighbourStart;
    private readonly int[] _neighbours;

    // Propagation: the original binary clauses as implications, not watches (sharpSAT's and
    // MiniSat's implicit binary clauses). Per literal, a range of (literal it forces once it is
    // false, the clause) pairs; learnt binary clauses stay on the watches. A variable's links could
    // be read from its two literals' ranges, but in that order (by polarity rather than by clause)
    // the component search meets ties differently: 25 % more decisions on automotive2_4.
    private readonly int[] _impliedStart;
    private readonly (int Literal, int Clause)[] _implied;
    // Per literal, the clauses watching it: none until the first watch, since most literals of a
    // feature model are in binary clauses only, which propagation does not watch.
    private readonly IntBuffer?[] _watches;
    private readonly sbyte[] _value;
    private readonly int[] _reason;
    private readonly int[] _level;
    private readonly int[] _trail;
    private readonly List<int> _levelStarts = [];

    // The assumptions (internal literals) whose levels the last Solve left on the trail, in order.
    private int[] _kept = [];
    private int _trailSize;
    private int _head;
    private bool _inconsistent;
    private bool _prepared;

    // Propagation work: watch-list and implication entries visited, for the backbone pass's budget.
    private long _visits;
    private readonly long _size;

    // Counting: stamps for component search, occurrence scores, the cache.
    private readonly int[] _variableMark;
    private readonly int[] _clauseMark;
    private readonly int[] _score;
    private readonly int[] _queue;
    private readonly List<int> _tests = [];
    private readonly int[] _componentOf;
    private readonly double[] _literalActivity;
    private double[]? _treeBonus;
    private long _decisions;
    private long _decisionLimit = long.MaxValue;

    // Whether the next split worth it is counted on two threads (see CountOnTwoThreads).
    private bool _helperWanted;

    // Progress of a recording (Compile): the share of the search the current node stands for (a
    // decision halves it, a split into components divides it among them) and the share finished.
    // A search that finishes nothing of note for StallFraction of its decision budget is given up on.
    private double _share = 1;
    private double _done;
    private long _stallWindow = long.MaxValue;
    private long _stretchFrom;
    private double _stretchDone;
    private int _stamp;
    private readonly ResultCache<BigInteger> _cache;

    // The component keys of each recursion depth, reused: CountSplit nests, so depth d's buffer is
    // its frame's until the frame returns. ArrayPool<int>.Shared held one array per size per thread,
    // so nested frames allocated, and its trimming on every gen-2 collection took a quarter of
    // counting automotive2_4.
    private readonly List<int[]> _keyBuffers = [];
    private int _keyDepth;

    // Solving: activities (and the open variables by activity, once the solver decides), saved phases, analysis marks.
    private VariableOrder? _order;
    private readonly double[] _activity;
    private readonly bool[] _phase;
    private readonly bool[] _seen;
    private double _increment = 1;

    /// <param name="formula">The clauses.</param>
    /// <param name="cache">Component counts to share with other counting searches over the same formula (a key fixes the residual clauses, whatever the assumptions); null for a new one.</param>
    public ClauseSearch(CnfFormula formula, Dictionary<int[], BigInteger>? cache = null)
    {
        _variables = formula.VariableCount;
        var literals = 2 * _variables;
        _watches = new IntBuffer?[literals];

        _value = new sbyte[literals];
        _reason = new int[_variables];
        _level = new int[_variables];
        _trail = new int[_variables];
        _variableMark = new int[_variables];
        _score = new int[_variables];
        _queue = new int[_variables];
        _literalActivity = new double[literals];
        _activity = new double[_variables];
        _phase = new bool[_variables];
        _seen = new bool[_variables];
        _cache = new ResultCache<BigInteger>(cache ?? NewCache(), entrySize: 8);

        // Sized for the formula at once: grown by doubling, these lists were a fifth of the
        // constructor's time on automotive2_4's 362,000 clauses.
        var clauseCount = formula.ClauseCount;
        _literals = new int[formula.LiteralCount + 16];
        _clauseStart = new int[clauseCount + 2];
        var occurrences = new List<int>[_variables];
        var longClauses = new List<int>();
        var units = new List<int>();
        var scratch = new int[16];
        long size = _variables;

        // Two passes, long clauses first: components and their marks deal with the long clauses
        // only, so their per-clause arrays are sized for those (automotive2_4: 2,000 of 364,000).
        // Within each kind the formula's order stands.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var c = 0; c < clauseCount; c++)
            {
                var clause = formula.Clause(c);
                if (pass == 0)
                {
                    size += clause.Length;
                }

                // A repeated literal says nothing twice; a clause with a literal and its negation always
                // holds. Without them, a clause of one variable is a unit and a binary clause links two.
                if (scratch.Length < clause.Length)
                {
                    scratch = new int[Math.Max(clause.Length, 2 * scratch.Length)];
                }

                var copy = Normalize(clause, scratch);
                if (Tautology(copy) || (copy.Length > 2) != (pass == 0))
                {
                    continue;
                }

                if (copy.Length == 0)
                {
                    _inconsistent = true;
                    continue;
                }

                if (copy.Length == 1)
                {
                    units.Add(copy[0]);
                    continue;
                }

                var index = Append(copy);
                foreach (var literal in copy)
                {
                    _literalActivity[literal]++;
                    _activity[literal >> 1] += 1e-3;
                }

                if (copy.Length > 2)
                {
                    Watch(copy[0], index);
                    Watch(copy[1], index);
                    longClauses.Add(index);
                    foreach (var literal in copy)
                    {
                        (occurrences[literal >> 1] ??= []).Add(index);
                    }
                }
            }

            if (pass == 0)
            {
                _longClauseCount = _clauseCount;
            }
        }

        _originalClauses = _clauseCount;
        _size = size;
        _clauseMark = new int[_longClauseCount];
        _componentOf = new int[_variables + _longClauseCount];
        _occurrences = [.. occurrences.Select(o => o?.ToArray() ?? [])];
        _longClauses = [.. longClauses];
        (_neighbourStart, _neighbours) = Adjacency();
        (_impliedStart, _implied) = Implications();
        foreach (var unit in units)
        {
            if (_value[unit] == -1)
            {
                _inconsistent = true;
            }
            else if (_value[unit] == 0)
            {
                Assign(unit, -1);
            }
        }

        _inconsistent |= Propagate() >= 0;
    }

    /// <summary>
    /// A second search in the state <paramref name="parent"/> is in (its trail, its clauses learnt
    /// so far, its activities), for another thread to count some of the parent's components with
    /// (see <see cref="CountParts"/>). It shares what never changes (occurrences, links,
    /// implications, the decomposition's bonus) and copies the rest; its cache starts empty.
    /// </summary>
    private ClauseSearch(ClauseSearch parent)
    {
        _variables = parent._variables;
        _originalClauses = parent._originalClauses;
        _longClauseCount = parent._longClauseCount;
        _occurrences = parent._occurrences;
        _longClauses = parent._longClauses;
        _neighbourStart = parent._neighbourStart;
        _neighbours = parent._neighbours;
        _impliedStart = parent._impliedStart;
        _implied = parent._implied;
        _treeBonus = parent._treeBonus;
        _size = parent._size;

        // Propagation moves the literals of the clauses it watches, so each search has its own.
        _literals = (int[])parent._literals.Clone();
        _clauseStart = (int[])parent._clauseStart.Clone();
        _clauseCount = parent._clauseCount;
        _watches = new IntBuffer?[parent._watches.Length];
        for (var literal = 0; literal < _watches.Length; literal++)
        {
            if (parent._watches[literal] is { } watchers)
            {
                var copy = new IntBuffer();
                copy.AddRange(watchers.AsSpan());
                _watches[literal] = copy;
            }
        }

        _value = (sbyte[])parent._value.Clone();
        _reason = (int[])parent._reason.Clone();
        _level = (int[])parent._level.Clone();
        _trail = (int[])parent._trail.Clone();
        _levelStarts.AddRange(parent._levelStarts);
        _trailSize = parent._trailSize;
        _head = parent._head;
        _prepared = true;
        _literalActivity = (double[])parent._literalActivity.Clone();
        _activity = (double[])parent._activity.Clone();
        _phase = (bool[])parent._phase.Clone();
        _increment = parent._increment;

        _variableMark = new int[_variables];
        _clauseMark = new int[_longClauseCount];
        _componentOf = new int[_variables + _longClauseCount];
        _score = new int[_variables];
        _queue = new int[_variables];
        _seen = new bool[_variables];
        _cache = new ResultCache<BigInteger>(NewCache(), entrySize: 8);
    }

    /// <summary>A clause's literals in the internal encoding, sorted, each once, written to the start of <paramref name="buffer"/>.</summary>
    private static Span<int> Normalize(ReadOnlySpan<int> clause, int[] buffer)
    {
        if (clause.Length == 2)
        {
            // Most clauses of a feature model (its tree and its exclusions): no sort needed.
            var (a, b) = (Internal(clause[0]), Internal(clause[1]));
            (buffer[0], buffer[1]) = (Math.Min(a, b), Math.Max(a, b));
            return buffer.AsSpan(0, a == b ? 1 : 2);
        }

        for (var i = 0; i < clause.Length; i++)
        {
            buffer[i] = Internal(clause[i]);
        }

        return buffer.AsSpan(0, SortedSets.SortDistinct(buffer.AsSpan(0, clause.Length)));
    }

    /// <summary>Whether a clause (sorted, so that a variable's two literals sit side by side) has a literal and its negation.</summary>
    private static bool Tautology(ReadOnlySpan<int> sorted)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == (sorted[i - 1] ^ 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A clause's literals, which propagation may reorder.</summary>
    private Span<int> Clause(int index) => _literals.AsSpan(_clauseStart[index], _clauseStart[index + 1] - _clauseStart[index]);

    /// <summary>Has <paramref name="clause"/> watch <paramref name="literal"/>.</summary>
    private void Watch(int literal, int clause) => (_watches[literal] ??= new IntBuffer()).Add(clause);

    /// <summary>Keeps a clause after the others; returns its index.</summary>
    private int Append(ReadOnlySpan<int> clause)
    {
        var end = _clauseStart[_clauseCount];
        if (end + clause.Length > _literals.Length)
        {
            Array.Resize(ref _literals, Math.Max(end + clause.Length, 2 * _literals.Length));
        }

        if (_clauseCount + 2 > _clauseStart.Length)
        {
            Array.Resize(ref _clauseStart, 2 * _clauseStart.Length);
        }

        clause.CopyTo(_literals.AsSpan(end));
        _clauseStart[++_clauseCount] = end + clause.Length;
        return _clauseCount - 1;
    }

    /// <summary>Per literal, what an original binary clause forces when the literal is false: a range of the second array, from the literal's entry in the first to the next one's; clauses in order.</summary>
    private (int[] Start, (int Literal, int Clause)[] Implied) Implications()
    {
        var start = BinaryStarts(2 * _variables, shift: 0);
        var implied = new (int, int)[start[^1]];
        var next = start[..^1];
        for (var c = 0; c < _originalClauses; c++)
        {
            if (_clauseStart[c + 1] - _clauseStart[c] == 2)
            {
                var (a, b) = (_literals[_clauseStart[c]], _literals[_clauseStart[c] + 1]);
                implied[next[a]++] = (b, c);
                implied[next[b]++] = (a, c);
            }
        }

        return (start, implied);
    }

    /// <summary>Per variable, the variables it shares an original binary clause with: a range of the second array, from the first array's entry for the variable to the next one's; clauses in order.</summary>
    private (int[] Start, int[] Neighbours) Adjacency()
    {
        var start = BinaryStarts(_variables, shift: 1);
        var neighbours = new int[start[^1]];
        var next = start[..^1];
        for (var c = 0; c < _originalClauses; c++)
        {
            if (_clauseStart[c + 1] - _clauseStart[c] == 2)
            {
                var (a, b) = (_literals[_clauseStart[c]] >> 1, _literals[_clauseStart[c] + 1] >> 1);
                neighbours[next[a]++] = b;
                neighbours[next[b]++] = a;
            }
        }

        return (start, neighbours);
    }

    /// <summary>Where each key's range starts (a literal's with shift 0, a variable's with 1) when every original binary clause is listed under both its keys, and last the total.</summary>
    private int[] BinaryStarts(int keys, int shift)
    {
        var start = new int[keys + 1];
        for (var c = 0; c < _originalClauses; c++)
        {
            if (_clauseStart[c + 1] - _clauseStart[c] == 2)
            {
                start[(_literals[_clauseStart[c]] >> shift) + 1]++;
                start[(_literals[_clauseStart[c] + 1] >> shift) + 1]++;
            }
        }

        for (var k = 0; k < keys; k++)
        {
            start[k + 1] += start[k];
        }

        return start;
    }

    /// <summary>An empty cache of component counts, to share between counting searches over one formula.</summary>
    public static Dictionary<int[], BigInteger> NewCache() => new(IntArrayComparer.Instance);

    /// <summary>
    /// How many variables the components outside a split's largest need in all for
    /// <see cref="CountOnTwoThreads"/> to give them a second thread: copying the search for it
    /// takes 1–2 ms and 6.3 MB on automotive2_4 (tests set 0).
    /// </summary>
    internal int HelperVariables { get; init; } = 256;

    /// <summary>How many components the second thread of <see cref="CountOnTwoThreads"/> counted (for tests and measurements).</summary>
    internal int HelperParts { get; private set; }

    /// <summary>How many decisions the counting searches have made so far (for tests and measurements).</summary>
    internal long Decisions => _decisions;

    /// <summary>
    /// Whether the last <see cref="Compile"/> gave up because its search stalled: for
    /// <see cref="StallFraction"/> of its decision budget (at least <see cref="StallFloor"/>), the
    /// share of the search it finished grew by less than <see cref="StallGrowth"/>. The Linux
    /// 2.6.33.3 model finishes one of its 115 top-level components and then nothing more in 50,000
    /// decisions; the benchmark models that finish go 1,920 decisions without progress at most
    /// (automotive2_4, of 15,291).
    /// </summary>
    internal bool Stalled { get; private set; }

    /// <summary>The share of the decision budget a recording may go without progress.</summary>
    internal const double StallFraction = 0.2;

    /// <summary>The relative growth of the finished share that counts as progress.</summary>
    internal const double StallGrowth = 0.01;

    /// <summary>The fewest decisions a recording may go without progress, whatever its budget.</summary>
    internal const long StallFloor = 1_000;

    /// <summary>
    /// The share of the last <see cref="Compile"/>'s search that it finished: 1 when it recorded a
    /// satisfiable formula whole (each decision splits its share in two halves, each split into
    /// components in equal parts, and a finished node adds its share).
    /// </summary>
    internal double Finished => _done;

    /// <summary>
    /// The number of satisfying assignments that make every assumption (DIMACS literals) true.
    /// Leaves the search as it found it.
    /// </summary>
    public BigInteger Count(IReadOnlyList<int> assumptions) => Count(assumptions, long.MaxValue)!.Value;

    /// <summary>
    /// As <see cref="Count(IReadOnlyList{int})"/>, with a second thread: at the first split into
    /// components with <see cref="HelperVariables"/> or more outside the largest, the two
    /// threads take the components from largest to smallest, each with its own search (see
    /// <see cref="CountParts"/>). For a count that is the whole call: the second search's cache
    /// and learnt clauses are not kept.
    /// </summary>
    public BigInteger CountOnTwoThreads(IReadOnlyList<int> assumptions)
    {
        _helperWanted = true;
        try
        {
            return Count(assumptions);
        }
        finally
        {
            _helperWanted = false;
        }
    }

    /// <summary>
    /// As <see cref="Count(IReadOnlyList{int})"/>, or null when the count would take more than
    /// <paramref name="decisionBudget"/> decisions of this call. The search stays usable: what
    /// the cut-off count cached is taken back (a part left unfinished could have made an earlier
    /// part's result wrong; see <see cref="CountSplit"/>), its learnt clauses stay.
    /// </summary>
    public BigInteger? Count(IReadOnlyList<int> assumptions, long decisionBudget)
    {
        LimitDecisions(decisionBudget);
        var remembered = _cache.Remembered;
        try
        {
            return CountAssuming(assumptions);
        }
        catch (DecisionBudgetException)
        {
            _cache.Forget(remembered);
            return null;
        }
        finally
        {
            _decisionLimit = long.MaxValue;
        }
    }

    private BigInteger CountAssuming(IReadOnlyList<int> assumptions)
    {
        Release();
        if (_inconsistent)
        {
            return BigInteger.Zero;
        }

        Prepare();
        if (_inconsistent)
        {
            return BigInteger.Zero;
        }

        var mark = _trailSize;

        // Assumptions sit on a level of their own: clauses learnt while counting then name them,
        // so every learnt clause follows from the formula alone and serves later counts too.
        _levelStarts.Add(mark);
        try
        {
            foreach (var assumption in assumptions)
            {
                var literal = Internal(assumption);
                if (_value[literal] == -1)
                {
                    return BigInteger.Zero;
                }

                if (_value[literal] == 0)
                {
                    Assign(literal, -1);
                }
            }

            if (Propagate() >= 0)
            {
                return BigInteger.Zero;
            }

            return CountOpen<BigInteger, CountResults>(new CountResults(this));
        }
        finally
        {
            Undo(mark);
            _levelStarts.Clear();
        }
    }

    /// <summary>
    /// After <see cref="Solve"/> returned false: assumptions (DIMACS literals) that the formula
    /// alone contradicts together, found by tracing the falsified assumption back to the ones it
    /// rests on (MiniSat's final conflict analysis); empty when the formula is unsatisfiable by itself.
    /// Not minimal in general.
    /// </summary>
    public IReadOnlyList<int> Core { get; private set; } = [];

    /// <summary>
    /// Whether some assignment satisfies the formula and the assumptions; when one does,
    /// <paramref name="model"/> receives it (per variable, 1-based index, its value). Learns clauses
    /// as it goes, which later calls keep. When none does, <see cref="Core"/> says which assumptions clash.
    /// With <paramref name="keepAssumptions"/> the assumptions stay on the trail afterwards, and
    /// the next such call propagates only the assumptions after the prefix it shares with them
    /// (a depth-first walk adds one literal a question: on the Linux kernel's model the walk
    /// re-propagated thousands each time); any other call starts afresh.
    /// </summary>
    public bool Solve(IReadOnlyList<int> assumptions, bool[]? model = null, bool keepAssumptions = false)
    {
        Core = [];
        if (_inconsistent)
        {
            return false;
        }

        var assumed = assumptions.Select(Internal).ToArray();
        var shared = 0;
        while (keepAssumptions && shared < assumed.Length && shared < _kept.Length && shared < _levelStarts.Count && assumed[shared] == _kept[shared])
        {
            shared++;
        }

        Backjump(shared);
        _kept = [];
        long conflicts = 0;
        var restartAt = 100L;
        while (true)
        {
            var conflict = Propagate();
            if (conflict >= 0)
            {
                conflicts++;
                if (_levelStarts.Count == 0)
                {
                    // A conflict with no decision: the clauses (learnt ones are implied) are unsatisfiable.
                    _inconsistent = true;
                    return false;
                }

                var (learnt, level) = Analyze(conflict);
                Backjump(level);
                Assign(learnt[0], learnt.Length == 1 ? -1 : AddLearnt(learnt));

                _increment *= 1.05;
                if (_increment > 1e100)
                {
                    for (var v = 0; v < _variables; v++)
                    {
                        _activity[v] *= 1e-100;
                    }

                    _increment *= 1e-100;
                }

                continue;
            }

            if (conflicts >= restartAt)
            {
                restartAt += restartAt / 2;
                Backjump(0);
                continue;
            }

            var next = -1;
            while (_levelStarts.Count < assumed.Length)
            {
                var literal = assumed[_levelStarts.Count];
                if (_value[literal] == 1)
                {
                    _levelStarts.Add(_trailSize);
                }
                else if (_value[literal] == -1)
                {
                    Core = FinalCore(literal);
                    Keep(assumed, keepAssumptions);
                    return false;
                }
                else
                {
                    next = literal;
                    break;
                }
            }

            if (next < 0)
            {
                next = PickBranch();
                if (next < 0)
                {
                    if (model is not null)
                    {
                        for (var v = 0; v < _variables; v++)
                        {
                            model[v + 1] = _value[2 * v] == 1;
                        }
                    }

                    Keep(assumed, keepAssumptions);
                    return true;
                }
            }

            _levelStarts.Add(_trailSize);
            Assign(next, -1);
        }
    }

    /// <summary>Leaves the levels of the assumptions made so far on the trail (when asked to), or none.</summary>
    private void Keep(int[] assumed, bool keep)
    {
        var levels = keep ? Math.Min(assumed.Length, _levelStarts.Count) : 0;
        Backjump(levels);
        _kept = levels == assumed.Length ? assumed : assumed[..levels];
    }

    /// <summary>Takes back the assumptions a <see cref="Solve"/> kept, before a search that starts from none.</summary>
    private void Release()
    {
        Backjump(0);
        _kept = [];
    }

    /// <summary>
    /// Asks the next <see cref="Solve"/> to try <paramref name="literal"/> (DIMACS) when it decides
    /// its variable, and to decide that variable early (its activity raised): a hint, never a
    /// constraint. The solver otherwise takes each variable's last value (phase saving), so a caller
    /// that wants a different model than the last one says so. Deciding early is what makes the
    /// hint count: a preferred value decided after the variables it depends on was mostly already
    /// ruled out by them (the Linux model's availability needed 338 models for 338 rare values,
    /// and needs about 25 now).
    /// </summary>
    public void Prefer(int literal)
    {
        var variable = Math.Abs(literal) - 1;
        _phase[variable] = literal > 0;
        Bump(variable);
    }

    /// <summary>
    /// The assumptions a falsified one rests on, itself included: back along the trail from its
    /// negation through the reasons to the assumptions (decisions: every level open now is an
    /// assumption's); facts (level 0) follow from the formula and need none.
    /// </summary>
    private int[] FinalCore(int falsified)
    {
        var core = new List<int> { External(falsified) };
        var variable = falsified >> 1;
        if (_level[variable] == 0)
        {
            return [.. core];
        }

        _seen[variable] = true;
        var start = _levelStarts.Count > 0 ? _levelStarts[0] : _trailSize;
        for (var i = _trailSize - 1; i >= start; i--)
        {
            var current = _trail[i] >> 1;
            if (!_seen[current])
            {
                continue;
            }

            _seen[current] = false;
            if (_reason[current] < 0)
            {
                core.Add(External(_trail[i]));
                continue;
            }

            foreach (var literal in Clause(_reason[current]))
            {
                if ((literal >> 1) != current && _level[literal >> 1] > 0)
                {
                    _seen[literal >> 1] = true;
                }
            }
        }

        return [.. core];
    }

    /// <summary>An internal literal in DIMACS form.</summary>
    private static int External(int literal) => (literal & 1) == 0 ? (literal >> 1) + 1 : -((literal >> 1) + 1);

    /// <summary>A DIMACS literal in the internal encoding: 2v for variable v (0-based) true, 2v + 1 false.</summary>
    internal static int Internal(int literal) => literal > 0 ? 2 * (literal - 1) : (2 * (-literal - 1)) + 1;

    private void Assign(int literal, int reason)
    {
        _value[literal] = 1;
        _value[literal ^ 1] = -1;
        var variable = literal >> 1;
        _reason[variable] = reason;
        _level[variable] = _levelStarts.Count;
        _trail[_trailSize++] = literal;
    }

    private void Undo(int mark)
    {
        while (_trailSize > mark)
        {
            var literal = _trail[--_trailSize];
            _value[literal] = 0;
            _value[literal ^ 1] = 0;
            _phase[literal >> 1] = (literal & 1) == 0;
            _order?.Insert(literal >> 1);
        }

        _head = Math.Min(_head, _trailSize);
    }

    private void Backjump(int level)
    {
        if (_levelStarts.Count > level)
        {
            Undo(_levelStarts[level]);
            _levelStarts.RemoveRange(level, _levelStarts.Count - level);
        }
    }

    /// <summary>Unit propagation over the trail; the index of a falsified clause, or -1.</summary>
    private int Propagate()
    {
        Configurator.Internal.Interruption.Poll();
        while (_head < _trailSize)
        {
            var falsified = _trail[_head++] ^ 1;
            var watchers = _watches[falsified];
            _visits += _impliedStart[falsified + 1] - _impliedStart[falsified] + (watchers?.Count ?? 0);
            for (var implication = _impliedStart[falsified]; implication < _impliedStart[falsified + 1]; implication++)
            {
                var (literal, clause) = _implied[implication];
                if (_value[literal] == 0)
                {
                    Assign(literal, clause);
                }
                else if (_value[literal] == -1)
                {
                    _head = _trailSize;
                    return clause;
                }
            }

            if (watchers is null)
            {
                continue;
            }

            var items = watchers.Items;
            int i = 0, j = 0, count = watchers.Count;
            while (i < count)
            {
                var index = items[i++];
                var clause = Clause(index);
                if (clause[0] == falsified)
                {
                    clause[0] = clause[1];
                    clause[1] = falsified;
                }

                var other = clause[0];
                if (_value[other] == 1)
                {
                    items[j++] = index;
                    continue;
                }

                var moved = false;
                for (var k = 2; k < clause.Length; k++)
                {
                    if (_value[clause[k]] != -1)
                    {
                        clause[1] = clause[k];
                        clause[k] = falsified;
                        Watch(clause[1], index);
                        moved = true;
                        break;
                    }
                }

                if (moved)
                {
                    continue;
                }

                items[j++] = index;
                if (_value[other] == -1)
                {
                    while (i < count)
                    {
                        items[j++] = items[i++];
                    }

                    watchers.Count = j;
                    _head = _trailSize;
                    return index;
                }

                Assign(other, index);
            }

            watchers.Count = j;
        }

        return -1;
    }

    // ---- Counting.

    /// <summary>
    /// Records the counting search as a circuit (a decision-DNNF; see <see cref="Circuit"/>), or
    /// null when it would take more than <paramref name="edgeBudget"/> edges or
    /// <paramref name="decisionBudget"/> decisions, or when it stalls for a fifth of them
    /// (<see cref="Stalled"/>). Compiles the whole
    /// formula (no assumptions); conditioning happens on the circuit.
    /// </summary>
    public Circuit? Compile(int edgeBudget, long decisionBudget = long.MaxValue)
    {
        var builder = new Circuit.Builder(_variables, edgeBudget);
        LimitDecisions(decisionBudget);
        Release();
        Prepare();
        if (_inconsistent)
        {
            return builder.Finish(Circuit.Builder.False);
        }

        try
        {
            (_share, _done, _stretchFrom, _stretchDone, Stalled) = (1, 0, _decisions, 0, false);
            _stallWindow = decisionBudget == long.MaxValue ? long.MaxValue : Math.Max(StallFloor, (long)(decisionBudget * StallFraction));
            var recorder = new CircuitRecorder(builder);
            var rest = CountOpen<int, CircuitRecorder>(recorder);
            return builder.Finish(recorder.IsZero(rest) ? rest : recorder.Branch(_trail.AsSpan(0, _trailSize), rest));
        }
        catch (Exception e) when (e is Circuit.OverBudgetException or DecisionBudgetException)
        {
            return null;
        }
        finally
        {
            _decisionLimit = long.MaxValue;
            _stallWindow = long.MaxValue;
        }
    }

    /// <summary>Lets the searches from now on make at most <paramref name="budget"/> more decisions (reset to none by the caller).</summary>
    private void LimitDecisions(long budget) =>
        _decisionLimit = budget >= long.MaxValue - _decisions ? long.MaxValue : _decisions + budget;

    /// <summary>The count over every open variable and every original clause.</summary>
    private T CountOpen<T, TResults>(TResults results)
        where TResults : IComponentResults<T>
    {
        var variables = Enumerable.Range(0, _variables).Where(v => _value[2 * v] == 0).ToArray();
        return CountSplit<T, TResults>(variables, _longClauses, results);
    }

    /// <summary>
    /// The count over the given open variables and candidate long clauses (both sorted): free
    /// variables double it, components multiply. Each component's key (its variable count, its
    /// variables, its long clauses) comes out sorted by one pass over the parent's, with no sort.
    /// </summary>
    private T CountSplit<T, TResults>(ReadOnlySpan<int> variables, ReadOnlySpan<int> clauses, TResults results)
        where TResults : IComponentResults<T>
    {
        // A long clause taken into a component is marked "partial" when some literal is set (false),
        // "open" when none is: the component's variables decide its open clauses (all their
        // variables are in it), so keys name only the partial ones, as sharpSAT's do.
        _stamp += 3;
        var (active, taken, takenOpen) = (_stamp, _stamp + 1, _stamp + 2);
        foreach (var clause in clauses)
        {
            if (!IsSatisfied(Clause(clause)))
            {
                _clauseMark[clause] = active;
            }
        }

        List<int>? free = null;
        List<(int Variables, int Partial, int Clauses, int Branch)>? components = null;
        var queue = _queue;
        foreach (var start in variables)
        {
            if (_value[2 * start] != 0 || _variableMark[start] == taken)
            {
                continue;
            }

            var index = components?.Count ?? 0;
            var size = 0;
            var clauseCount = 0;
            var partialCount = 0;
            queue[size++] = start;
            _variableMark[start] = taken;
            for (var q = 0; q < size; q++)
            {
                var current = queue[q];
                _componentOf[current] = index;
                for (var link = _neighbourStart[current]; link < _neighbourStart[current + 1]; link++)
                {
                    // An open neighbour: the binary clause is unsatisfied (a set one satisfies it, or
                    // propagation would have set this variable too).
                    var neighbour = _neighbours[link];
                    if (_value[2 * neighbour] == 0 && _variableMark[neighbour] != taken)
                    {
                        _score[current]++;
                        _score[neighbour]++;
                        _variableMark[neighbour] = taken;
                        queue[size++] = neighbour;
                    }
                }

                foreach (var clause in _occurrences[current])
                {
                    if (_clauseMark[clause] != active)
                    {
                        continue;
                    }

                    _componentOf[_variables + clause] = index;
                    clauseCount++;
                    _score[current]++;
                    var literals = Clause(clause);
                    var open = 0;
                    foreach (var literal in literals)
                    {
                        var variable = literal >> 1;
                        if (_value[literal] == 0)
                        {
                            open++;
                            _score[variable]++;
                            if (_variableMark[variable] != taken)
                            {
                                _variableMark[variable] = taken;
                                queue[size++] = variable;
                            }
                        }
                    }

                    if (open == literals.Length)
                    {
                        _clauseMark[clause] = takenOpen;
                    }
                    else
                    {
                        _clauseMark[clause] = taken;
                        partialCount++;
                    }
                }
            }

            if (size == 1)
            {
                // No open neighbour and no unsatisfied long clause (one with this variable open
                // alone would have been unit): the variable is free.
                _score[start] = 0;
                _componentOf[start] = -1;
                (free ??= []).Add(start);
                continue;
            }

            // VSADS as sharpSAT weighs it: occurrences in the component plus ten times the
            // variable's activity (its occurrences at first, bumped by conflicts, halved as decisions go).
            var branch = queue[0];
            var best = double.MinValue;
            for (var q = 0; q < size; q++)
            {
                var variable = queue[q];
                var score = _score[variable] + (10 * (_literalActivity[2 * variable] + _literalActivity[(2 * variable) + 1])) + (_treeBonus?[variable] ?? 0);
                _score[variable] = 0;
                if (score > best)
                {
                    (best, branch) = (score, variable);
                }
            }

            (components ??= []).Add((size, partialCount, clauseCount, branch));
        }

        if (components is null)
        {
            return results.Product(free, []);
        }

        // Per component its key (variable count, variables, partial clauses) and then all its long
        // clauses (the candidates its own split reads), side by side in this depth's buffer, filled
        // in the parent's (sorted) order: most keys are cache hits and never need an array of their own.
        var offsets = new int[components.Count + 1];
        for (var c = 0; c < components.Count; c++)
        {
            offsets[c + 1] = offsets[c] + 1 + components[c].Variables + components[c].Partial + components[c].Clauses;
        }

        var buffer = RentKeys(offsets[^1]);
        try
        {
            var filled = new int[components.Count];
            var all = new int[components.Count];
            for (var c = 0; c < components.Count; c++)
            {
                buffer[offsets[c]] = components[c].Variables;
                filled[c] = offsets[c] + 1;
                all[c] = offsets[c] + 1 + components[c].Variables + components[c].Partial;
            }

            foreach (var variable in variables)
            {
                if (_value[2 * variable] == 0 && _componentOf[variable] >= 0)
                {
                    buffer[filled[_componentOf[variable]]++] = variable;
                }
            }

            foreach (var clause in clauses)
            {
                var mark = _clauseMark[clause];
                if (mark == taken || mark == takenOpen)
                {
                    var component = _componentOf[_variables + clause];
                    if (mark == taken)
                    {
                        buffer[filled[component]++] = clause;
                    }

                    buffer[all[component]++] = clause;
                }
            }

            var remembered = results.Remembered;
            if (typeof(T) == typeof(BigInteger) && _helperWanted && WorthAHelper(components, HelperVariables))
            {
                _helperWanted = false;
                if (CountParts(buffer, offsets, components) is not { } counts)
                {
                    results.Forget(remembered);
                    return results.Zero;
                }

                return results.Product(free, (T[])(object)counts);
            }

            var parts = new T[components.Count];
            var share = _share;
            for (var i = 0; i < parts.Length; i++)
            {
                var keyLength = 1 + components[i].Variables + components[i].Partial;
                _share = share / parts.Length;
                parts[i] = CountComponent<T, TResults>(buffer.AsSpan(offsets[i], keyLength), buffer.AsSpan(offsets[i] + keyLength, components[i].Clauses), components[i].Branch, results);
                _share = share;
                if (results.IsZero(parts[i]))
                {
                    // With this part unsatisfiable, learnt clauses may have cut assignments of the parts
                    // counted before it (and of their own parts) that no clause of theirs forbids: forget
                    // those results, or another branch would read them (Sang, Bacchus, Beame, Kautz and
                    // Pitassi, "Combining component caching and clause learning", SAT 2004).
                    results.Forget(remembered);
                    return parts[i];
                }
            }

            return results.Product(free, parts);
        }
        finally
        {
            _keyDepth--;
        }
    }

    /// <summary>Whether the components outside the largest have <paramref name="least"/> variables or more, enough to be worth a second thread.</summary>
    private static bool WorthAHelper(List<(int Variables, int Partial, int Clauses, int Branch)> components, int least)
    {
        if (components.Count < 2)
        {
            return false;
        }

        var (all, largest) = (0, 0);
        foreach (var component in components)
        {
            all += component.Variables;
            largest = Math.Max(largest, component.Variables);
        }

        return all - largest >= least;
    }

    /// <summary>
    /// The components of a split counted by this search and a copy of it on a second thread, each
    /// taking the next one, largest first (so that the long ones start early and the small ones
    /// fill in), into its own cache; null when one of them has no assignment. Sound as a split
    /// counted by one search is: a component's count does not depend on the others, and what each
    /// search learns follows from the clauses and the literals set above the split, which both share.
    /// </summary>
    private BigInteger[]? CountParts(int[] buffer, int[] offsets, List<(int Variables, int Partial, int Clauses, int Branch)> components)
    {
        var parts = new BigInteger[components.Count];
        var order = new int[components.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => components[b].Variables.CompareTo(components[a].Variables));
        var next = -1;
        var stop = 0;
        int Take(ClauseSearch search)
        {
            var results = new CountResults(search);
            var counted = 0;
            int at;
            while (Volatile.Read(ref stop) == 0 && (at = Interlocked.Increment(ref next)) < order.Length)
            {
                var c = order[at];
                var keyLength = 1 + components[c].Variables + components[c].Partial;
                parts[c] = search.CountComponent<BigInteger, CountResults>(buffer.AsSpan(offsets[c], keyLength), buffer.AsSpan(offsets[c] + keyLength, components[c].Clauses), components[c].Branch, results);
                counted++;
                if (parts[c].IsZero)
                {
                    Volatile.Write(ref stop, 1);
                }
            }

            return counted;
        }

        var helper = new ClauseSearch(this);
        var token = Configurator.Internal.Interruption.Current;
        Exception? failure = null;
        var helped = 0;
        var thread = new Thread(() =>
        {
            try
            {
                using var scope = Configurator.Internal.Interruption.Enter(token);
                helped = Take(helper);
            }
            catch (Exception e)
            {
                failure = e;
                Volatile.Write(ref stop, 1);
            }
        }, BooleanEngine.StackBytes);
        thread.Start();
        try
        {
            Take(this);
        }
        catch
        {
            Volatile.Write(ref stop, 1);
            throw;
        }
        finally
        {
            thread.Join();
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        _decisions += helper._decisions;
        HelperParts += helped;
        return stop == 0 ? parts : null;
    }

    /// <summary>This recursion depth's key buffer, at least <paramref name="length"/> long; the caller gives it back by decrementing <see cref="_keyDepth"/>.</summary>
    private int[] RentKeys(int length)
    {
        if (_keyDepth == _keyBuffers.Count)
        {
            _keyBuffers.Add(new int[Math.Max(length, 64)]);
        }
        else if (_keyBuffers[_keyDepth].Length < length)
        {
            _keyBuffers[_keyDepth] = new int[Math.Max(length, _keyBuffers[_keyDepth].Length * 2)];
        }

        return _keyBuffers[_keyDepth++];
    }

    /// <summary>
    /// A component's count: from the cache under its key, or both branches of a decision on
    /// <paramref name="branch"/>. <paramref name="clauses"/> (all its long clauses) lies in the
    /// caller's depth buffer, which stays put while deeper frames run.
    /// </summary>
    private T CountComponent<T, TResults>(ReadOnlySpan<int> probe, ReadOnlySpan<int> clauses, int branch, TResults results)
        where TResults : IComponentResults<T>
    {
        if (results.TryGetCached(probe, out var cached))
        {
            _done += _share;
            return cached;
        }

        var key = probe.ToArray();
        var variables = key.AsSpan(1, key[0]);
        if (++_decisions > _decisionLimit)
        {
            throw new DecisionBudgetException();
        }

        if (_done > _stretchDone * (1 + StallGrowth))
        {
            (_stretchFrom, _stretchDone) = (_decisions, _done);
        }
        else if (_decisions - _stretchFrom > _stallWindow)
        {
            Stalled = true;
            throw new DecisionBudgetException();
        }

        if ((_decisions & 127) == 0)
        {
            for (var l = 0; l < _literalActivity.Length; l++)
            {
                _literalActivity[l] *= 0.5;
            }
        }

        var sum = results.Zero;
        var first = _literalActivity[2 * branch] >= _literalActivity[(2 * branch) + 1] ? 2 * branch : (2 * branch) + 1;
        var whole = _share;
        foreach (var literal in (ReadOnlySpan<int>)[first, first ^ 1])
        {
            var started = _done;
            _share = whole / 2;
            var mark = _trailSize;
            _levelStarts.Add(mark);
            Assign(literal, -1);
            if ((Propagate() is var conflict and >= 0) || (conflict = ProbeFailedLiterals(mark)) >= 0)
            {
                foreach (var falsified in Clause(conflict))
                {
                    _literalActivity[falsified]++;
                }

                Learn(conflict);
            }
            else
            {
                var rest = CountSplit<T, TResults>(variables, clauses, results);
                if (!results.IsZero(rest))
                {
                    sum = results.Add(sum, results.RecordsLiterals ? results.Branch(BranchLiterals(mark, variables), rest) : rest);
                }
            }

            Undo(mark);
            _levelStarts.RemoveAt(_levelStarts.Count - 1);
            _done = started + (whole / 2);
        }

        _share = whole;
        results.Remember(key, sum);
        return sum;
    }

    /// <summary>Once per search, before counting: <see cref="FindBackbone"/>, then <see cref="TreeBonus"/> over what is left open.</summary>
    private void Prepare()
    {
        if (_prepared || _inconsistent)
        {
            return;
        }

        _prepared = true;
        FindBackbone();
        if (!_inconsistent)
        {
            _treeBonus = TreeBonus();
        }
    }

    /// <summary>
    /// A failed-literal test of both literals of every open variable, repeated while it finds
    /// something (sharpSAT's preprocessing). A literal whose propagation conflicts is false in every
    /// solution, so its negation becomes a fact; feature models have hundreds such (dead and core
    /// features), and each one the search does not know costs it a subtree. Stops once its
    /// propagations have visited a few times the formula (<see cref="BackboneWorkFloor"/> plus
    /// <see cref="BackboneWork"/> times its size): the facts it has not found by then, the search
    /// finds as it goes.
    /// </summary>
    private void FindBackbone()
    {
        var budget = _visits + BackboneWorkFloor + (BackboneWork * _size);
        int before;
        do
        {
            before = _trailSize;
            for (var variable = 0; variable < _variables; variable++)
            {
                foreach (var literal in (ReadOnlySpan<int>)[2 * variable, (2 * variable) + 1])
                {
                    if (_value[literal] != 0)
                    {
                        continue;
                    }

                    if (_visits > budget)
                    {
                        return;
                    }

                    var mark = _trailSize;
                    _levelStarts.Add(mark);
                    Assign(literal, -1);
                    var failed = Propagate() >= 0;
                    Undo(mark);
                    _levelStarts.Clear();
                    if (failed)
                    {
                        Assign(literal ^ 1, -1);
                        if (Propagate() >= 0)
                        {
                            _inconsistent = true;
                            return;
                        }
                    }
                }
            }
        }
        while (_trailSize > before);
    }

    /// <summary>
    /// Per open variable, what the branching score adds for its place in a tree decomposition of
    /// the residual clauses: <see cref="TreeWeight"/> per level its bag sits above the deepest one;
    /// null when the decomposition is over its budget. Deciding a variable near the root cuts the
    /// formula in parts early: automotive2_4 counts with 15,000 decisions instead of 213,000.
    /// </summary>
    private double[]? TreeBonus()
    {
        var budget = TreeWorkFloor + (TreeWork * _size);
        var depths = _variables == 0 || PrimalGraph(budget) is not { } graph ? null : TreeDecomposition.Depths(graph, budget);
        if (depths is null)
        {
            return null;
        }

        var deepest = depths.Max();
        return [.. depths.Select(depth => TreeWeight * (deepest - depth))];
    }

    /// <summary>
    /// Per variable, the open variables it shares an unsatisfied clause with (sorted, each once);
    /// none for a set variable. Null past <paramref name="budget"/> entries in all: a clause of
    /// k open literals makes k² of them, so one of 8,000 would take 256 MB.
    /// </summary>
    private int[][]? PrimalGraph(long budget)
    {
        var graph = new int[_variables][];
        var buffer = new List<int>();
        var entries = 0L;
        for (var variable = 0; variable < _variables; variable++)
        {
            buffer.Clear();
            if (_value[2 * variable] == 0)
            {
                for (var link = _neighbourStart[variable]; link < _neighbourStart[variable + 1]; link++)
                {
                    if (_value[2 * _neighbours[link]] == 0)
                    {
                        buffer.Add(_neighbours[link]);
                    }
                }

                foreach (var clause in _occurrences[variable])
                {
                    var literals = Clause(clause);
                    if (!IsSatisfied(literals))
                    {
                        foreach (var literal in literals)
                        {
                            if (_value[literal] == 0 && literal >> 1 != variable)
                            {
                                buffer.Add(literal >> 1);
                            }
                        }
                    }
                }
            }

            graph[variable] = SortedSets.SortDistinct(buffer);
            entries += graph[variable].Length;
            if (entries > budget)
            {
                return null;
            }
        }

        return graph;
    }

    /// <summary>
    /// The literals a branch set from <paramref name="mark"/> on, within the component's variables
    /// (sorted). A learnt clause can reach past the component and set a variable of another one,
    /// which that component counts itself, so a circuit node must not name it.
    /// </summary>
    private ReadOnlySpan<int> BranchLiterals(int mark, ReadOnlySpan<int> variables)
    {
        var literals = _trail.AsSpan(mark, _trailSize - mark);
        foreach (var literal in literals)
        {
            if (variables.BinarySearch(literal >> 1) < 0)
            {
                var inside = new List<int>(literals.Length);
                foreach (var l in literals)
                {
                    if (variables.BinarySearch(l >> 1) >= 0)
                    {
                        inside.Add(l);
                    }
                }

                return inside.ToArray();
            }
        }

        return literals;
    }

    /// <summary>
    /// Failed-literal tests after a propagation (sharpSAT's implicit BCP): each open literal of a
    /// clause that the literals set from <paramref name="from"/> on shortened is set for a moment;
    /// when that propagates to a conflict, the clause learnt from it is kept and its asserting
    /// literal set for good, until nothing new follows. Only the most active candidates are tried
    /// (ten plus one in twenty of the new literals). Returns a falsified clause, or -1.
    /// </summary>
    private int ProbeFailedLiterals(int from)
    {
        var tests = _tests;
        while (from < _trailSize)
        {
            tests.Clear();
            for (var i = from; i < _trailSize; i++)
            {
                var falsified = _trail[i] ^ 1;
                foreach (var clause in _occurrences[falsified >> 1])
                {
                    var literals = Clause(clause);
                    if (literals.IndexOf(falsified) < 0 || IsSatisfied(literals))
                    {
                        continue;
                    }

                    foreach (var literal in literals)
                    {
                        if (_value[literal] == 0 && !_seen[literal >> 1])
                        {
                            _seen[literal >> 1] = true;
                            tests.Add(literal ^ 1);
                        }
                    }
                }
            }

            var limit = 10 + ((_trailSize - from) / 20);
            from = _trailSize;
            foreach (var test in tests)
            {
                _seen[test >> 1] = false;
            }

            if (tests.Count > limit)
            {
                tests.Sort((a, b) => _literalActivity[b].CompareTo(_literalActivity[a]));
                tests.RemoveRange(limit, tests.Count - limit);
            }

            foreach (var test in tests)
            {
                if (_value[test] != 0)
                {
                    continue;
                }

                var size = _trailSize;
                _levelStarts.Add(size);
                Assign(test, -1);
                var conflict = Propagate();
                var learnt = conflict >= 0 ? Analyze(conflict).Learnt : null;
                Undo(size);
                _levelStarts.RemoveAt(_levelStarts.Count - 1);
                if (learnt is null)
                {
                    continue;
                }

                Assign(learnt[0], learnt.Length == 1 ? -1 : AddLearnt(learnt));
                if (learnt.Length == 1)
                {
                    // Follows from the formula alone: a fact, so analysis never looks for its reason.
                    _level[learnt[0] >> 1] = 0;
                }

                if (Propagate() is var failed and >= 0)
                {
                    return failed;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// Learns the first-UIP clause of a conflict met while counting. It follows from the formula,
    /// so it only cuts assignments no solution has; it never joins a component's clauses (those
    /// stay the original ones, which the cache keys name). The search goes on to the other branch
    /// without a backjump, so the learnt clause first acts when its literals are assigned again.
    /// </summary>
    private void Learn(int conflict)
    {
        var current = _levelStarts.Count;
        if (!AtLevel(Clause(conflict), current))
        {
            // Set off by a fact (no level of its own): nothing at this level to analyse.
            return;
        }

        var (learnt, _) = Analyze(conflict);
        if (learnt.Length < 2)
        {
            return;
        }

        AddLearnt(learnt);
    }

    private bool AtLevel(ReadOnlySpan<int> clause, int level)
    {
        foreach (var literal in clause)
        {
            if (_level[literal >> 1] == level)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps a learnt clause of two or more literals, watching its first two; returns its index.</summary>
    private int AddLearnt(int[] learnt)
    {
        var index = Append(learnt);
        Watch(learnt[0], index);
        Watch(learnt[1], index);
        return index;
    }

    private bool IsSatisfied(ReadOnlySpan<int> clause)
    {
        foreach (var literal in clause)
        {
            if (_value[literal] == 1)
            {
                return true;
            }
        }

        return false;
    }

    // ---- Solving.

    /// <summary>The open variable of highest activity, in its saved phase; -1 when none is open.</summary>
    private int PickBranch()
    {
        // Built on the first decision, so counting searches (which never pick this way) keep no heap.
        _order ??= new VariableOrder(_activity);
        while (_order.Count > 0)
        {
            var best = _order.RemoveMax();
            if (_value[2 * best] == 0)
            {
                return (2 * best) + (_phase[best] ? 0 : 1);
            }
        }

        return -1;
    }

    /// <summary>First-UIP analysis: the learnt clause (its asserting literal first, a literal of the backjump level second) and that level.</summary>
    private (int[] Learnt, int Level) Analyze(int conflict)
    {
        var learnt = new List<int> { -1 };
        var current = _levelStarts.Count;
        var open = 0;
        var index = _trailSize - 1;
        var clause = Clause(conflict);
        var skip = -1;
        while (true)
        {
            foreach (var literal in clause)
            {
                // Counting's branching activity, as sharpSAT keeps it: every literal of the conflict and of each reason it resolves with.
                _literalActivity[literal]++;
                var variable = literal >> 1;
                if (literal == skip || _seen[variable] || _level[variable] == 0)
                {
                    continue;
                }

                _seen[variable] = true;
                Bump(variable);
                if (_level[variable] == current)
                {
                    open++;
                }
                else
                {
                    learnt.Add(literal);
                }
            }

            while (!_seen[_trail[index] >> 1])
            {
                index--;
            }

            var implied = _trail[index--];
            _seen[implied >> 1] = false;
            if (--open == 0)
            {
                learnt[0] = implied ^ 1;
                break;
            }

            clause = Clause(_reason[implied >> 1]);
            skip = implied;
        }

        var level = 0;
        var second = 1;
        for (var i = 1; i < learnt.Count; i++)
        {
            _seen[learnt[i] >> 1] = false;
            if (_level[learnt[i] >> 1] > level)
            {
                level = _level[learnt[i] >> 1];
                second = i;
            }
        }

        if (learnt.Count > 1)
        {
            (learnt[1], learnt[second]) = (learnt[second], learnt[1]);
        }

        return ([.. learnt], level);
    }

    private void Bump(int variable)
    {
        _activity[variable] += _increment;
        _order?.Raised(variable);
    }

    /// <summary>What a counting search makes of its components: numbers, or the nodes of a circuit.</summary>
    private interface IComponentResults<T>
    {
        /// <summary>No assignment.</summary>
        T Zero { get; }

        bool IsZero(T value);

        /// <summary>Independent parts together, with variables that no clause constrains.</summary>
        T Product(List<int>? freeVariables, ReadOnlySpan<T> parts);

        /// <summary>A branch: the literals its decision set or implied (internal encoding), with the rest.</summary>
        T Branch(ReadOnlySpan<int> literals, T rest);

        /// <summary>Whether <see cref="Branch"/> reads its literals; when not, a branch's result is its rest and the literals are never gathered.</summary>
        bool RecordsLiterals { get; }

        /// <summary>Two branches that disagree on their decision.</summary>
        T Add(T first, T second);

        bool TryGetCached(ReadOnlySpan<int> key, out T value);

        void Remember(int[] key, T value);

        /// <summary>How many results have been remembered so far (a mark for <see cref="Forget"/>).</summary>
        long Remembered { get; }

        /// <summary>Forgets the results remembered since the mark.</summary>
        void Forget(long remembered);
    }

    /// <summary>Counts, cached in the search's (possibly shared) cache.</summary>
    private readonly struct CountResults(ClauseSearch search) : IComponentResults<BigInteger>
    {
        public BigInteger Zero => BigInteger.Zero;

        public long Remembered => search._cache.Remembered;

        public bool IsZero(BigInteger value) => value.IsZero;

        public BigInteger Product(List<int>? freeVariables, ReadOnlySpan<BigInteger> parts)
        {
            var product = BigInteger.One << (freeVariables?.Count ?? 0);
            foreach (var part in parts)
            {
                product *= part;
            }

            return product;
        }

        public BigInteger Branch(ReadOnlySpan<int> literals, BigInteger rest) => rest;

        public bool RecordsLiterals => false;

        public BigInteger Add(BigInteger first, BigInteger second) => first + second;

        public bool TryGetCached(ReadOnlySpan<int> key, out BigInteger value) => search._cache.TryGet(key, out value);

        public void Remember(int[] key, BigInteger value) => search._cache.Add(key, value);

        public void Forget(long remembered) => search._cache.Forget(remembered);
    }

    /// <summary>Circuit nodes; a cached component is one shared sub-circuit.</summary>
    private sealed class CircuitRecorder(Circuit.Builder builder) : IComponentResults<int>
    {
        private readonly ResultCache<int> _cache = new(new(IntArrayComparer.Instance), entrySize: 2);

        public int Zero => Circuit.Builder.False;

        public long Remembered => _cache.Remembered;

        public bool IsZero(int value) => value == Circuit.Builder.False;

        public int Product(List<int>? freeVariables, ReadOnlySpan<int> parts) => builder.And(freeVariables, [], parts);

        public int Branch(ReadOnlySpan<int> literals, int rest) => builder.And(null, literals, [rest]);

        public bool RecordsLiterals => true;

        public int Add(int first, int second) => builder.Or(first, second);

        public bool TryGetCached(ReadOnlySpan<int> key, out int value) => _cache.TryGet(key, out value);

        public void Remember(int[] key, int value) => _cache.Add(key, value);

        public void Forget(long remembered) => _cache.Forget(remembered);
    }

    /// <summary>A counting search ran past its decision budget (caught where the budget was set).</summary>
    private sealed class DecisionBudgetException : Exception;

    /// <summary>
    /// Component results by key, within a memory budget (past it the cache starts afresh, which
    /// costs only time), with a log of what this search added so that it can take results back.
    /// </summary>
    private sealed class ResultCache<T>(Dictionary<int[], T> cache, int entrySize)
    {
        private readonly List<int[]> _log = [];
        private long _logStart;
        private long _size;

        /// <summary>How many results this search has added so far: a mark for <see cref="Forget"/>.</summary>
        public long Remembered => _logStart + _log.Count;

#if NET9_0_OR_GREATER
        private readonly Dictionary<int[], T>.AlternateLookup<ReadOnlySpan<int>> _lookup = cache.GetAlternateLookup<ReadOnlySpan<int>>();

        public bool TryGet(ReadOnlySpan<int> key, out T value) => _lookup.TryGetValue(key, out value!);
#else
        // .NET 8 has no lookup by span: a probe copies its key (the price of the LTS target).
        public bool TryGet(ReadOnlySpan<int> key, out T value) => cache.TryGetValue(key.ToArray(), out value!);
#endif

        public void Add(int[] key, T value)
        {
            if (_size + key.Length > CacheBudget)
            {
                cache.Clear();
                _logStart += _log.Count;
                _log.Clear();
                _size = 0;
            }

            cache[key] = value;
            _log.Add(key);
            _size += key.Length + entrySize;
        }

        /// <summary>Removes the results added since the mark (those a clearing dropped are gone already).</summary>
        public void Forget(long remembered)
        {
            var from = (int)Math.Max(0, remembered - _logStart);
            for (var i = from; i < _log.Count; i++)
            {
                cache.Remove(_log[i]);
            }

            if (from < _log.Count)
            {
                _log.RemoveRange(from, _log.Count - from);
            }
        }
    }

    /// <summary>
    /// Variables in a binary max-heap by activity (MiniSat's order heap): a decision takes the top
    /// in logarithmic time instead of scanning every variable, which made a satisfiable answer on
    /// automotive2_4 quadratic. Assigned variables leave lazily and come back when unassigned.
    /// </summary>
    private sealed class VariableOrder
    {
        private readonly double[] _activity;
        private readonly int[] _heap;
        private readonly int[] _index;

        public VariableOrder(double[] activity)
        {
            _activity = activity;
            _heap = new int[activity.Length];
            _index = new int[activity.Length];
            for (var v = 0; v < activity.Length; v++)
            {
                _heap[v] = v;
                _index[v] = v;
            }

            Count = activity.Length;
            for (var i = (Count / 2) - 1; i >= 0; i--)
            {
                Down(i);
            }
        }

        public int Count { get; private set; }

        public void Insert(int variable)
        {
            if (_index[variable] >= 0)
            {
                return;
            }

            _heap[Count] = variable;
            _index[variable] = Count;
            Up(Count++);
        }

        /// <summary>A variable's activity went up: it may move towards the top.</summary>
        public void Raised(int variable)
        {
            if (_index[variable] >= 0)
            {
                Up(_index[variable]);
            }
        }

        public int RemoveMax()
        {
            var top = _heap[0];
            _index[top] = -1;
            if (--Count > 0)
            {
                _heap[0] = _heap[Count];
                _index[_heap[0]] = 0;
                Down(0);
            }

            return top;
        }

        private void Up(int i)
        {
            var variable = _heap[i];
            while (i > 0 && _activity[_heap[(i - 1) / 2]] < _activity[variable])
            {
                _heap[i] = _heap[(i - 1) / 2];
                _index[_heap[i]] = i;
                i = (i - 1) / 2;
            }

            _heap[i] = variable;
            _index[variable] = i;
        }

        private void Down(int i)
        {
            var variable = _heap[i];
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= Count)
                {
                    break;
                }

                if (child + 1 < Count && _activity[_heap[child + 1]] > _activity[_heap[child]])
                {
                    child++;
                }

                if (_activity[_heap[child]] <= _activity[variable])
                {
                    break;
                }

                _heap[i] = _heap[child];
                _index[_heap[i]] = i;
                i = child;
            }

            _heap[i] = variable;
            _index[variable] = i;
        }
    }
}
