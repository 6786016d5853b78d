using System.Collections.Concurrent;

namespace Configurator.Solving.Boolean;

/// <summary>
/// Minimal conflicts on a model's clauses, for explanations on the clause engine: every
/// constraint's clauses carry a selector variable of their own (a clause <c>c</c> of constraint
/// <c>i</c> becomes <c>c or not s_i</c>), so assuming a set of selectors switches exactly those
/// constraints on. A conflict is the selectors in the solver's final conflict (the assumptions the
/// contradiction rests on), then shrunk by trying each without it, earliest first, so that earlier
/// constraints are kept out where a later one serves; the shrinking asks a formula of the core's
/// clauses alone (and the modules' own clauses they reach). The propagation checker the other engines
/// use builds a table per constraint, which took seconds on automotive2_4 before its first answer.
/// </summary>
/// <remarks>
/// Thread-safe: solvers (which keep their learnt clauses, implied by the guarded clauses whatever
/// the assumptions) are pooled, one per call at a time; the memo holds results that depend on the
/// restriction only.
/// </remarks>
internal sealed class ClauseExplainer
{
    private readonly CnfFormula _guarded;
    private readonly int _variables;
    private readonly int[] _positions;

    // Per selector (by index into the positions), its constraint's clauses; per model variable, the
    // clauses of no constraint (the modules' own) it is in.
    private readonly int[][] _clausesOf;
    private readonly int[][] _unguardedOf;

    // Whether the modules' own clauses have a solution (null: not asked yet); see Shrink.
    private bool? _unguardedSatisfiable;
    private readonly ConcurrentBag<ClauseSearch> _solvers = [];
    private readonly Internal.RememberedAnswers<int[]?> _conflicts = new(100_000);

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
        var clausesOf = Enumerable.Range(0, _positions.Length).Select(_ => new List<int>()).ToArray();
        var unguardedOf = new List<int>?[_variables];
        for (var c = 0; c < formula.ClauseCount; c++)
        {
            if (origins[c] >= 0)
            {
                clausesOf[selector[origins[c]] - _variables - 1].Add(c);
                continue;
            }

            foreach (var literal in formula.Clause(c))
            {
                (unguardedOf[Math.Abs(literal) - 1] ??= []).Add(c);
            }
        }

        _clausesOf = [.. clausesOf.Select(list => list.ToArray())];
        _unguardedOf = [.. unguardedOf.Select(list => list?.ToArray() ?? [])];
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
        return _conflicts.GetOrAdd(string.Join(',', units.Order()), units, units =>
        {
            var solver = _solvers.TryTake(out var pooled) ? pooled : new ClauseSearch(_guarded);
            var conflict = Find(solver, units);

            // Only a call that ran to its end gives its solver back (a cancelled one throws past this).
            _solvers.Add(solver);
            return conflict;
        });
    }

    private int[]? Find(ClauseSearch solver, IReadOnlyList<int> units)
    {
        if (solver.Solve([.. units, .. Enumerable.Range(0, _positions.Length).Select(Selector)]))
        {
            return null;
        }

        var core = Selected(solver.Core);
        if (_unguardedSatisfiable ??= solver.Solve([.. Enumerable.Range(0, _positions.Length).Select(k => -Selector(k))]))
        {
            // Every question from here on is about the core's constraints alone: asked of a formula of
            // just their clauses (and the modules' own clauses they reach), a satisfiable answer no
            // longer needs a value for each of the model's other variables and selectors (the Linux
            // model's first view: 991 questions, 6.7 s on the whole formula).
            var (part, toPart, fromPart) = Part(units, core);
            return Shrink(part, [.. units.Select(toPart)], core, k => toPart(Selector(k)), fromPart);
        }

        return Shrink(solver, units, core, Selector, literal => literal);
    }

    /// <summary>
    /// Deletion: a selector whose removal keeps the conflict goes, and the solver's core of that
    /// answer (a subset) replaces the rest. One found necessary stays necessary in every subset.
    /// </summary>
    /// <param name="solver">A solver of the guarded clauses, or of a part of them that holds the core's.</param>
    /// <param name="units">The restriction, in the solver's numbering.</param>
    /// <param name="core">Selector indices whose constraints contradict the units.</param>
    /// <param name="selector">A selector index's literal in the solver's numbering.</param>
    /// <param name="original">A literal of the solver's numbering in the guarded formula's.</param>
    private int[] Shrink(ClauseSearch solver, IReadOnlyList<int> units, List<int> core, Func<int, int> selector, Func<int, int> original)
    {
        for (var i = 0; i < core.Count;)
        {
            var without = core.Where((_, j) => j != i).ToList();
            if (solver.Solve([.. units, .. without.Select(selector)]))
            {
                i++;
                continue;
            }

            var removed = core[i];
            core = Selected([.. solver.Core.Select(original)]);
            i = core.Count(k => k < removed);
        }

        return [.. core.Select(k => _positions[k])];
    }

    /// <summary>
    /// The guarded clauses of the <paramref name="core"/>'s constraints and the modules' own clauses
    /// they reach through shared variables (transitively), renumbered from 1, with the numbering both
    /// ways. With the rest of the modules' own clauses satisfiable on their own (they share no
    /// variable with these), the part with some selectors assumed is satisfiable exactly when the
    /// whole guarded formula is with the same selectors and no other.
    /// </summary>
    private (ClauseSearch Part, Func<int, int> ToPart, Func<int, int> FromPart) Part(IReadOnlyList<int> units, List<int> core)
    {
        var local = new Dictionary<int, int>();
        var external = new List<int>();
        var clauses = new List<int[]>();
        var taken = new HashSet<int>();
        var reached = new Queue<int>();

        // A literal in the part's numbering; a model variable seen for the first time is queued, so
        // that the modules' own clauses it is in join the part.
        int Reach(int literal)
        {
            var variable = Math.Abs(literal);
            if (!local.TryGetValue(variable, out var id))
            {
                external.Add(variable);
                id = local[variable] = external.Count;
                if (variable <= _variables)
                {
                    reached.Enqueue(variable);
                }
            }

            return Math.Sign(literal) * id;
        }

        void Take(int clause)
        {
            var literals = _guarded.Clause(clause);
            var renumbered = new int[literals.Length];
            for (var i = 0; i < literals.Length; i++)
            {
                renumbered[i] = Reach(literals[i]);
            }

            clauses.Add(renumbered);
        }

        foreach (var unit in units)
        {
            Reach(unit);
        }

        foreach (var index in core)
        {
            Reach(Selector(index));
            foreach (var clause in _clausesOf[index])
            {
                Take(clause);
            }
        }

        while (reached.TryDequeue(out var variable))
        {
            foreach (var clause in _unguardedOf[variable - 1])
            {
                if (taken.Add(clause))
                {
                    Take(clause);
                }
            }
        }

        var part = new ClauseSearch(new CnfFormula(external.Count, clauses, []));
        return (part, literal => Math.Sign(literal) * local[Math.Abs(literal)], literal => Math.Sign(literal) * external[Math.Abs(literal) - 1]);
    }

    private int Selector(int index) => _variables + 1 + index;

    /// <summary>The selectors among assumptions, as indices into the positions, ascending.</summary>
    private List<int> Selected(IReadOnlyList<int> assumptions) =>
        [.. assumptions.Where(l => l > _variables).Select(l => l - _variables - 1).Distinct().Order()];
}
