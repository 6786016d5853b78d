using Configurator.Internal;

namespace Configurator.Solving.Boolean;

/// <summary>
/// Removes auxiliary variables from a <see cref="CnfFormula"/> by resolution where that does not
/// grow it: a variable's clauses are replaced by every non-tautological resolvent on it
/// (Davis–Putnam elimination), when there are at most a few more of them than the clauses they
/// replace and none is long. Only auxiliary variables go: each is defined by the module variables
/// (<see cref="CnfFormula"/>), so every assignment of the rest extends to at most one value of it
/// and eliminating it keeps the count, the counts under any module restriction and the module
/// values of every solution. The module variables and their literals stay, renumbered
/// together with the variables left.
/// </summary>
/// <remarks>
/// Lagniez, Lonca and Marquis, "Definability for model counting" (Artificial Intelligence, 2020)
/// and Lagniez and Marquis, "Improving model counting by leveraging definability" (IJCAI 2016):
/// defined variables are free to eliminate, and a counter that no longer decides them splits the
/// formula into components sooner. sharpSAT counts automotive2_4's clauses in 0.23 s without them
/// and 2.0 s with them; our own counting search gained nothing from it (see the README), so the
/// formula goes out this way (DIMACS export) while the engine keeps the encoder's clauses.
/// Eén and Biere, "Effective preprocessing in SAT through variable and clause elimination"
/// (SAT 2005) for the bounded form (a variable goes only when its resolvents are not more than the
/// clauses they replace, plus a margin).
/// </remarks>
internal static class DefinedVariableElimination
{
    /// <summary>How many more resolvents than replaced clauses an elimination may leave.</summary>
    internal const int Growth = 16;

    /// <summary>The longest resolvent an elimination may leave.</summary>
    internal const int MaxResolventLength = 30;

    /// <summary>Resolution steps (pairs of clauses tried) per literal occurrence of the formula, over a floor: the pass's budget.</summary>
    private const long WorkPerLiteral = 16;

    private const long WorkFloor = 4_000_000;

    /// <summary>
    /// The formula without the auxiliary variables that go cheaply; the formula itself when none
    /// does. The result has no clause origins (a resolvent comes from several constraints): it
    /// counts, solves and names module values as the formula does, but cannot explain.
    /// </summary>
    public static CnfFormula Eliminate(CnfFormula formula)
    {
        var variables = formula.VariableCount;
        var isModule = new bool[variables + 1];
        foreach (var literals in formula.ValueLiterals)
        {
            foreach (var literal in literals)
            {
                isModule[Math.Abs(literal)] = true;
            }
        }

        // The clauses with an auxiliary literal are the working set, each an array sorted by
        // variable; the rest stay where they are in the formula's store and are copied at the end.
        var working = new List<int[]?>();
        var untouched = new IntBuffer();
        var occurrences = new IntBuffer?[(2 * variables) + 2];
        for (var c = 0; c < formula.ClauseCount; c++)
        {
            var clause = formula.Clause(c);
            var auxiliary = false;
            foreach (var literal in clause)
            {
                auxiliary |= !isModule[Math.Abs(literal)];
            }

            if (!auxiliary)
            {
                untouched.Add(c);
                continue;
            }

            if (Normalized(clause) is { } sorted)
            {
                Add(working, occurrences, isModule, sorted);
            }
        }

        if (working.Count == 0)
        {
            return formula;
        }

        var eliminated = new bool[variables + 1];
        var work = WorkFloor + (WorkPerLiteral * formula.LiteralCount);
        var resolvents = new List<int[]>();
        var seen = new HashSet<int[]>(IntArrayComparer.Instance);
        var candidates = Enumerable.Range(1, variables).Where(v => !isModule[v]).ToList();
        var any = false;
        for (var pass = 0; pass < 4 && work > 0; pass++)
        {
            // The cheapest first: their resolvents are fewest, and eliminating them first keeps the
            // clauses the later ones see short.
            var costs = new long[variables + 1];
            candidates.ForEach(v => costs[v] = Cost(occurrences, working, v));
            candidates.Sort((a, b) => costs[a].CompareTo(costs[b]));
            var changed = false;
            foreach (var variable in candidates)
            {
                if (eliminated[variable] || work <= 0)
                {
                    continue;
                }

                var positive = Live(occurrences[Slot(variable)], working);
                var negative = Live(occurrences[Slot(-variable)], working);
                if (positive.Count + negative.Count == 0)
                {
                    continue;
                }

                resolvents.Clear();
                seen.Clear();
                var limit = positive.Count + negative.Count + Growth;
                var fits = true;
                for (var p = 0; p < positive.Count && fits; p++)
                {
                    for (var n = 0; n < negative.Count; n++)
                    {
                        work--;
                        if (Resolve(working[positive.Items[p]]!, working[negative.Items[n]]!, variable) is not { } resolvent || !seen.Add(resolvent))
                        {
                            continue;
                        }

                        if (resolvent.Length > MaxResolventLength || resolvents.Count == limit)
                        {
                            fits = false;
                            break;
                        }

                        resolvents.Add(resolvent);
                    }
                }

                if (!fits)
                {
                    continue;
                }

                foreach (var c in positive.AsSpan())
                {
                    working[c] = null;
                }

                foreach (var c in negative.AsSpan())
                {
                    working[c] = null;
                }

                occurrences[Slot(variable)] = null;
                occurrences[Slot(-variable)] = null;
                foreach (var resolvent in resolvents)
                {
                    Add(working, occurrences, isModule, resolvent);
                }

                eliminated[variable] = true;
                changed = any = true;
            }

            if (!changed)
            {
                break;
            }
        }

        return any ? Renumbered(formula, untouched, working, eliminated) : formula;
    }

    private static int Slot(int literal) => literal > 0 ? 2 * literal : (-2 * literal) + 1;

    private static long Cost(IntBuffer?[] occurrences, List<int[]?> working, int variable) =>
        (long)Live(occurrences[Slot(variable)], working).Count * Live(occurrences[Slot(-variable)], working).Count;

    /// <summary>The list without its removed clauses (compacted in place).</summary>
    private static IntBuffer Live(IntBuffer? list, List<int[]?> working)
    {
        if (list is null)
        {
            return new IntBuffer();
        }

        var kept = 0;
        foreach (var c in list.AsSpan())
        {
            if (working[c] is not null)
            {
                list.Items[kept++] = c;
            }
        }

        list.Truncate(kept);
        return list;
    }

    private static void Add(List<int[]?> working, IntBuffer?[] occurrences, bool[] isModule, int[] clause)
    {
        var index = working.Count;
        working.Add(clause);
        foreach (var literal in clause)
        {
            if (!isModule[Math.Abs(literal)])
            {
                (occurrences[Slot(literal)] ??= new IntBuffer()).Add(index);
            }
        }
    }

    /// <summary>The clause sorted by variable without repeated literals, or null when it holds a literal and its negation (always true).</summary>
    private static int[]? Normalized(ReadOnlySpan<int> clause)
    {
        var sorted = clause.ToArray();
        Array.Sort(sorted, (a, b) => Math.Abs(a) != Math.Abs(b) ? Math.Abs(a).CompareTo(Math.Abs(b)) : a.CompareTo(b));
        var kept = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (kept > 0 && Math.Abs(sorted[kept - 1]) == Math.Abs(sorted[i]))
            {
                if (sorted[kept - 1] != sorted[i])
                {
                    return null;
                }

                continue;
            }

            sorted[kept++] = sorted[i];
        }

        return kept == sorted.Length ? sorted : sorted[..kept];
    }

    /// <summary>The resolvent of two clauses (sorted by variable, no literal twice) on <paramref name="variable"/> (in the first positively), or null when it is a tautology.</summary>
    internal static int[]? Resolve(int[] positive, int[] negative, int variable)
    {
        var merged = new int[positive.Length + negative.Length - 2];
        int i = 0, j = 0, k = 0;
        while (i < positive.Length || j < negative.Length)
        {
            var a = i < positive.Length ? positive[i] : 0;
            var b = j < negative.Length ? negative[j] : 0;
            if (a == variable)
            {
                i++;
                continue;
            }

            if (b == -variable)
            {
                j++;
                continue;
            }

            int next;
            if (b == 0 || (a != 0 && Math.Abs(a) < Math.Abs(b)))
            {
                next = a;
                i++;
            }
            else if (a == 0 || Math.Abs(b) < Math.Abs(a))
            {
                next = b;
                j++;
            }
            else if (a == b)
            {
                next = a;
                i++;
                j++;
            }
            else
            {
                return null;
            }

            merged[k++] = next;
        }

        return k == merged.Length ? merged : merged[..k];
    }

    private static CnfFormula Renumbered(CnfFormula formula, IntBuffer untouched, List<int[]?> working, bool[] eliminated)
    {
        var number = new int[eliminated.Length];
        var kept = 0;
        for (var v = 1; v < eliminated.Length; v++)
        {
            number[v] = eliminated[v] ? 0 : ++kept;
        }

        var literals = new IntBuffer();
        var starts = new IntBuffer();
        starts.Add(0);
        foreach (var c in untouched.AsSpan())
        {
            foreach (var literal in formula.Clause(c))
            {
                literals.Add(Renumber(number, literal));
            }

            starts.Add(literals.Count);
        }

        foreach (var clause in working)
        {
            if (clause is null)
            {
                continue;
            }

            foreach (var literal in clause)
            {
                literals.Add(Renumber(number, literal));
            }

            starts.Add(literals.Count);
        }

        var valueLiterals = formula.ValueLiterals.Select(values => values.Select(l => l == 0 ? 0 : Renumber(number, l)).ToArray()).ToArray();
        return new CnfFormula(kept, literals.Items, starts.Items, starts.Count - 1, valueLiterals);
    }

    private static int Renumber(int[] number, int literal) => literal > 0 ? number[literal] : -number[-literal];
}
