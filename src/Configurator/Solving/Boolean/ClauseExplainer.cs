using System.Collections.Concurrent;

namespace Configurator.Solving.Boolean;

/// <summary>
/// Minimal conflicts on a model's clauses, for explanations on the clause engine: every
/// constraint's clauses carry a selector variable of their own (a clause <c>c</c> of constraint
/// <c>i</c> becomes <c>c or not s_i</c>), so assuming a set of selectors switches exactly those
/// constraints on. A conflict is the selectors in the solver's final conflict (the assumptions the
/// contradiction rests on), then shrunk by trying each without it, earliest first, so that earlier
/// constraints are kept out where a later one serves. The propagation checker the other engines
/// use builds a table per constraint, which took seconds on automotive2_4 before its first answer.
/// </summary>
/// <remarks>
/// Thread-safe: solvers (which keep their learnt clauses, implied by the guarded clauses whatever
/// the assumptions) are pooled, one per call at a time; the memo holds results that depend on the
/// restriction only.
/// </remarks>
internal sealed class ClauseExplainer
{
    private const int MemoLimit = 100_000;

    private readonly CnfFormula _guarded;
    private readonly int _variables;
    private readonly int[] _positions;
    private readonly ConcurrentBag<ClauseSearch> _solvers = [];
    private readonly ConcurrentDictionary<string, int[]?> _conflicts = new(StringComparer.Ordinal);

    private ClauseExplainer(CnfFormula formula, IReadOnlyList<int> origins)
    {
        _variables = formula.VariableCount;
        _positions = [.. origins.Where(p => p >= 0).Distinct().Order()];
        var selector = new Dictionary<int, int>();
        for (var k = 0; k < _positions.Length; k++)
        {
            selector[_positions[k]] = _variables + 1 + k;
        }

        var literals = new List<int>(formula.LiteralCount + formula.ClauseCount);
        var starts = new int[formula.ClauseCount + 1];
        for (var c = 0; c < formula.ClauseCount; c++)
        {
            literals.AddRange(formula.Clause(c));
            if (origins[c] >= 0)
            {
                literals.Add(-selector[origins[c]]);
            }

            starts[c + 1] = literals.Count;
        }

        _guarded = new CnfFormula(_variables + _positions.Length, [.. literals], starts, formula.ClauseCount, [.. formula.ValueLiterals]);
    }

    /// <summary>An explainer for a formula encoded from constraints; null for one without clause origins.</summary>
    public static ClauseExplainer? Create(CnfFormula formula) =>
        formula.ClauseOrigins is { } origins ? new ClauseExplainer(formula, origins) : null;

    /// <summary>
    /// A minimal set of constraint positions that the units (DIMACS literals: a restriction)
    /// contradict, ascending; empty when the units contradict the modules' own clauses alone; null
    /// when every constraint holds with them.
    /// </summary>
    public IReadOnlyList<int>? MinimalConflict(IReadOnlyList<int> units)
    {
        var key = string.Join(',', units.Order());
        if (_conflicts.TryGetValue(key, out var known))
        {
            return known;
        }

        var solver = _solvers.TryTake(out var pooled) ? pooled : new ClauseSearch(_guarded);
        var conflict = Find(solver, units);

        // Only a call that ran to its end gives its solver back (a cancelled one throws past this).
        _solvers.Add(solver);
        if (_conflicts.Count >= MemoLimit)
        {
            _conflicts.Clear();
        }

        _conflicts.TryAdd(key, conflict);
        return conflict;
    }

    private int[]? Find(ClauseSearch solver, IReadOnlyList<int> units)
    {
        if (solver.Solve([.. units, .. Enumerable.Range(0, _positions.Length).Select(Selector)]))
        {
            return null;
        }

        // Deletion: a selector whose removal keeps the conflict goes, and the solver's core of that
        // answer (a subset) replaces the rest. One found necessary stays necessary in every subset.
        var core = Selected(solver.Core);
        for (var i = 0; i < core.Count;)
        {
            var without = core.Where((_, j) => j != i).ToList();
            if (solver.Solve([.. units, .. without.Select(Selector)]))
            {
                i++;
                continue;
            }

            var removed = core[i];
            core = Selected(solver.Core);
            i = core.Count(k => k < removed);
        }

        return [.. core.Select(k => _positions[k])];
    }

    private int Selector(int index) => _variables + 1 + index;

    /// <summary>The selectors among assumptions, as indices into the positions, ascending.</summary>
    private List<int> Selected(IReadOnlyList<int> assumptions) =>
        [.. assumptions.Where(l => l > _variables).Select(l => l - _variables - 1).Distinct().Order()];
}
