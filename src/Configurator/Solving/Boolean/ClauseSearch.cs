using System.Numerics;
using Configurator.Internal;

namespace Configurator.Solving.Boolean;

/// <summary>
/// Search over a <see cref="CnfFormula"/>: unit propagation with two watched literals per clause,
/// then either exact model counting (<see cref="Count"/>: decisions, components of the residual
/// clauses counted apart and multiplied, each component's count cached under its variables and
/// clauses) or satisfiability with clause learning (<see cref="Solve"/>: first-UIP conflict
/// analysis, backjumping, activity-ordered decisions, saved phases, restarts). A counting instance
/// never learns, so every propagation it makes is implied by the original clauses within one
/// component. Per call (it holds the assignment and the cache), never shared.
/// </summary>
/// <remarks>Sang, Bacchus, Beame, Kautz and Pitassi (SAT 2004) and Thurley, "sharpSAT" (SAT 2006)
/// for components and their cache; Eén and Sörensson, "An extensible SAT solver" (SAT 2003) for the
/// learning loop.</remarks>
internal sealed class ClauseSearch
{
    private const long CacheBudget = 48_000_000;

    private readonly int _variables;
    private readonly List<int[]> _clauses = [];
    private readonly int _originalClauses;
    private readonly int[][] _occurrences;
    private readonly IntList[] _watches;
    private readonly sbyte[] _value;
    private readonly int[] _reason;
    private readonly int[] _level;
    private readonly int[] _trail;
    private readonly List<int> _levelStarts = [];
    private int _trailSize;
    private int _head;
    private bool _inconsistent;

    // Counting: stamps for component search, occurrence scores, the cache.
    private readonly int[] _variableMark;
    private readonly int[] _clauseMark;
    private readonly int[] _score;
    private readonly double[] _literalActivity;
    private long _decisions;
    private int _stamp;
    private readonly Dictionary<int[], BigInteger> _cache;
    private long _cacheSize;

    // Solving: activities, saved phases, analysis marks.
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
        _watches = new IntList[literals];
        for (var l = 0; l < literals; l++)
        {
            _watches[l] = new IntList();
        }

        _value = new sbyte[literals];
        _reason = new int[_variables];
        _level = new int[_variables];
        _trail = new int[_variables];
        _variableMark = new int[_variables];
        _score = new int[_variables];
        _literalActivity = new double[literals];
        _activity = new double[_variables];
        _phase = new bool[_variables];
        _seen = new bool[_variables];
        _cache = cache ?? NewCache();

        var occurrences = new List<int>[_variables];
        var units = new List<int>();
        foreach (var clause in formula.Clauses)
        {
            if (clause.Length == 0)
            {
                _inconsistent = true;
            }
            else if (clause.Length == 1)
            {
                units.Add(Internal(clause[0]));
            }
            else
            {
                var index = _clauses.Count;
                var copy = clause.Select(Internal).ToArray();
                _clauses.Add(copy);
                _watches[copy[0]].Add(index);
                _watches[copy[1]].Add(index);
                foreach (var literal in copy)
                {
                    _literalActivity[literal]++;
                    (occurrences[literal >> 1] ??= []).Add(index);
                    _activity[literal >> 1] += 1e-3;
                }
            }
        }

        _originalClauses = _clauses.Count;
        _clauseMark = new int[_originalClauses];
        _occurrences = [.. occurrences.Select(o => o?.ToArray() ?? [])];
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

    /// <summary>An empty cache of component counts, to share between counting searches over one formula.</summary>
    public static Dictionary<int[], BigInteger> NewCache() => new(IntArrayComparer.Instance);

    /// <summary>
    /// The number of satisfying assignments that make every assumption (DIMACS literals) true.
    /// Leaves the search as it found it.
    /// </summary>
    public BigInteger Count(IReadOnlyList<int> assumptions)
    {
        if (_inconsistent)
        {
            return BigInteger.Zero;
        }

        var mark = _trailSize;
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

            var variables = Enumerable.Range(0, _variables).Where(v => _value[2 * v] == 0).ToArray();
            var clauses = Enumerable.Range(0, _originalClauses).ToArray();
            return CountSplit<BigInteger, CountResults>(variables, clauses, new CountResults(this));
        }
        finally
        {
            Undo(mark);
        }
    }

    /// <summary>
    /// Whether some assignment satisfies the formula and the assumptions; when one does,
    /// <paramref name="model"/> receives it (per variable, 1-based index, its value). Learns clauses
    /// as it goes, which later calls keep.
    /// </summary>
    public bool Solve(IReadOnlyList<int> assumptions, bool[]? model = null)
    {
        if (_inconsistent)
        {
            return false;
        }

        var assumed = assumptions.Select(Internal).ToArray();
        Backjump(0);
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
                if (learnt.Length == 1)
                {
                    Assign(learnt[0], -1);
                }
                else
                {
                    var index = _clauses.Count;
                    _clauses.Add(learnt);
                    _watches[learnt[0]].Add(index);
                    _watches[learnt[1]].Add(index);
                    Assign(learnt[0], index);
                }

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
                    Backjump(0);
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

                    Backjump(0);
                    return true;
                }
            }

            _levelStarts.Add(_trailSize);
            Assign(next, -1);
        }
    }

    private static int Internal(int literal) => literal > 0 ? 2 * (literal - 1) : (2 * (-literal - 1)) + 1;

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
        while (_head < _trailSize)
        {
            var falsified = _trail[_head++] ^ 1;
            var watchers = _watches[falsified];
            var items = watchers.Items;
            int i = 0, j = 0, count = watchers.Count;
            while (i < count)
            {
                var index = items[i++];
                var clause = _clauses[index];
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
                        _watches[clause[1]].Add(index);
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
    /// null when it would take more than <paramref name="edgeBudget"/> edges. Compiles the whole
    /// formula (no assumptions); conditioning happens on the circuit.
    /// </summary>
    public Circuit? Compile(int edgeBudget)
    {
        var builder = new Circuit.Builder(_variables, edgeBudget);
        if (_inconsistent)
        {
            return builder.Finish(Circuit.Builder.False);
        }

        try
        {
            var recorder = new CircuitRecorder(builder);
            var variables = Enumerable.Range(0, _variables).Where(v => _value[2 * v] == 0).ToArray();
            var clauses = Enumerable.Range(0, _originalClauses).ToArray();
            var rest = CountSplit<int, CircuitRecorder>(variables, clauses, recorder);
            return builder.Finish(recorder.IsZero(rest) ? rest : recorder.Branch(_trail.AsSpan(0, _trailSize), rest));
        }
        catch (Circuit.OverBudgetException)
        {
            return null;
        }
    }

    /// <summary>The count over the given open variables and candidate clauses: free variables double it, components multiply.</summary>
    private T CountSplit<T, TResults>(int[] variables, int[] clauses, TResults results)
        where TResults : IComponentResults<T>
    {
        _stamp += 2;
        var (active, taken) = (_stamp, _stamp + 1);
        foreach (var clause in clauses)
        {
            if (!IsSatisfied(_clauses[clause]))
            {
                _clauseMark[clause] = active;
            }
        }

        List<int>? free = null;
        List<(int[] Variables, int[] Clauses, int Branch)>? components = null;
        var queue = new List<int>();
        var componentClauses = new List<int>();
        foreach (var start in variables)
        {
            if (_value[2 * start] != 0 || _variableMark[start] == taken)
            {
                continue;
            }

            queue.Clear();
            componentClauses.Clear();
            queue.Add(start);
            _variableMark[start] = taken;
            for (var q = 0; q < queue.Count; q++)
            {
                foreach (var clause in _occurrences[queue[q]])
                {
                    if (_clauseMark[clause] != active)
                    {
                        continue;
                    }

                    _clauseMark[clause] = taken;
                    componentClauses.Add(clause);
                    foreach (var literal in _clauses[clause])
                    {
                        var variable = literal >> 1;
                        if (_value[literal] == 0)
                        {
                            _score[variable]++;
                            if (_variableMark[variable] != taken)
                            {
                                _variableMark[variable] = taken;
                                queue.Add(variable);
                            }
                        }
                    }
                }
            }

            if (componentClauses.Count == 0)
            {
                (free ??= []).Add(start);
                continue;
            }

            // VSADS as sharpSAT weighs it: occurrences in the component plus ten times the
            // variable's activity (its occurrences at first, bumped by conflicts, halved as decisions go).
            var branch = queue[0];
            var best = double.MinValue;
            foreach (var variable in queue)
            {
                var score = _score[variable] + (10 * (_literalActivity[2 * variable] + _literalActivity[(2 * variable) + 1]));
                if (score > best)
                {
                    (best, branch) = (score, variable);
                }
            }

            foreach (var variable in queue)
            {
                _score[variable] = 0;
            }

            (components ??= []).Add(([.. queue], [.. componentClauses], branch));
        }

        if (components is null)
        {
            return results.Product(free, []);
        }

        var parts = new T[components.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var (componentVariables, componentClauseList, branch) = components[i];
            parts[i] = CountComponent<T, TResults>(componentVariables, componentClauseList, branch, results);
            if (results.IsZero(parts[i]))
            {
                return parts[i];
            }
        }

        return results.Product(free, parts);
    }

    private T CountComponent<T, TResults>(int[] variables, int[] clauses, int branch, TResults results)
        where TResults : IComponentResults<T>
    {
        Array.Sort(variables);
        Array.Sort(clauses);
        var key = new int[variables.Length + clauses.Length + 1];
        key[0] = variables.Length;
        variables.CopyTo(key, 1);
        clauses.CopyTo(key, 1 + variables.Length);
        if (results.TryGetCached(key, out var cached))
        {
            return cached;
        }

        if ((++_decisions & 127) == 0)
        {
            for (var l = 0; l < _literalActivity.Length; l++)
            {
                _literalActivity[l] *= 0.5;
            }
        }

        var sum = results.Zero;
        var first = _literalActivity[2 * branch] >= _literalActivity[(2 * branch) + 1] ? 2 * branch : (2 * branch) + 1;
        foreach (var literal in (ReadOnlySpan<int>)[first, first ^ 1])
        {
            var mark = _trailSize;
            Assign(literal, -1);
            if (Propagate() is var conflict and >= 0)
            {
                foreach (var falsified in _clauses[conflict])
                {
                    _literalActivity[falsified]++;
                }
            }
            else
            {
                var rest = CountSplit<T, TResults>(variables, clauses, results);
                if (!results.IsZero(rest))
                {
                    sum = results.Add(sum, results.Branch(_trail.AsSpan(mark, _trailSize - mark), rest));
                }
            }

            Undo(mark);
        }

        results.Remember(key, sum);
        return sum;
    }

    private bool IsSatisfied(int[] clause)
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

    private int PickBranch()
    {
        var best = -1;
        for (var v = 0; v < _variables; v++)
        {
            if (_value[2 * v] == 0 && (best < 0 || _activity[v] > _activity[best]))
            {
                best = v;
            }
        }

        return best < 0 ? -1 : (2 * best) + (_phase[best] ? 0 : 1);
    }

    /// <summary>First-UIP analysis: the learnt clause (its asserting literal first, a literal of the backjump level second) and that level.</summary>
    private (int[] Learnt, int Level) Analyze(int conflict)
    {
        var learnt = new List<int> { -1 };
        var current = _levelStarts.Count;
        var open = 0;
        var index = _trailSize - 1;
        var clause = _clauses[conflict];
        var skip = -1;
        while (true)
        {
            foreach (var literal in clause)
            {
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

            clause = _clauses[_reason[implied >> 1]];
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

        /// <summary>Two branches that disagree on their decision.</summary>
        T Add(T first, T second);

        bool TryGetCached(int[] key, out T value);

        void Remember(int[] key, T value);
    }

    /// <summary>Counts, cached in the search's (possibly shared) cache within its memory budget.</summary>
    private readonly struct CountResults(ClauseSearch search) : IComponentResults<BigInteger>
    {
        public BigInteger Zero => BigInteger.Zero;

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

        public BigInteger Add(BigInteger first, BigInteger second) => first + second;

        public bool TryGetCached(int[] key, out BigInteger value) => search._cache.TryGetValue(key, out value);

        public void Remember(int[] key, BigInteger value)
        {
            if (search._cacheSize + key.Length > CacheBudget)
            {
                // Bounded memory: forget and go on; counts stay exact, only slower.
                search._cache.Clear();
                search._cacheSize = 0;
            }

            search._cache[key] = value;
            search._cacheSize += key.Length + 8;
        }
    }

    /// <summary>
    /// Circuit nodes; a cached component is one shared sub-circuit. The cache is bounded like the
    /// count cache: past the budget it starts afresh, which only costs sharing.
    /// </summary>
    private sealed class CircuitRecorder(Circuit.Builder builder) : IComponentResults<int>
    {
        private readonly Dictionary<int[], int> _cache = new(IntArrayComparer.Instance);
        private long _cacheSize;

        public int Zero => Circuit.Builder.False;

        public bool IsZero(int value) => value == Circuit.Builder.False;

        public int Product(List<int>? freeVariables, ReadOnlySpan<int> parts) => builder.And(freeVariables, [], parts);

        public int Branch(ReadOnlySpan<int> literals, int rest) => builder.And(null, literals, [rest]);

        public int Add(int first, int second) => builder.Or(first, second);

        public bool TryGetCached(int[] key, out int value) => _cache.TryGetValue(key, out value);

        public void Remember(int[] key, int value)
        {
            if (_cacheSize + key.Length > CacheBudget)
            {
                _cache.Clear();
                _cacheSize = 0;
            }

            _cache[key] = value;
            _cacheSize += key.Length + 2;
        }
    }

    private sealed class IntList
    {
        public int[] Items = new int[4];
        public int Count;

        public void Add(int item)
        {
            if (Count == Items.Length)
            {
                Array.Resize(ref Items, Count * 2);
            }

            Items[Count++] = item;
        }
    }
}
