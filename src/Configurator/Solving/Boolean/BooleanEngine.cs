using System.Numerics;
using Configurator.Solving.Domains;
using Configurator.Solving.Search;

namespace Configurator.Solving.Boolean;

/// <summary>
/// The engine for large models of yes/no modules (feature models): the model as clauses
/// (<see cref="CnfFormula"/>), counted by <see cref="ClauseSearch"/> with components and their
/// cache, existence and availability by its clause-learning solver. Enumeration walks the search
/// engine (built on first use), which visits the same configurations in the plan's order; ranking
/// follows that order. Immutable; every call builds its own search.
/// </summary>
internal sealed class BooleanEngine(CnfFormula formula, IReadOnlyList<ModuleDomain> domains, Lazy<SearchEngine> search, IReadOnlyList<int> order) : ISolverEngine
{
    // Counting recurses once per decision and component; a thread with a large stack keeps deep models safe.
    private const int StackBytes = 256 * 1024 * 1024;

    public BigInteger Count(Restriction restriction) =>
        Assumptions(restriction) is { } assumptions ? OnLargeStack(() => new ClauseSearch(formula).Count(assumptions)) : BigInteger.Zero;

    public bool Exists(Restriction restriction) =>
        Assumptions(restriction) is { } assumptions && new ClauseSearch(formula).Solve(assumptions);

    public ulong Enumerate(Restriction restriction, BigInteger start, ulong limit, int[] values, CompiledModel model, ConfigurationHandler handler, CancellationToken cancellationToken) =>
        search.Value.Enumerate(restriction, start, limit, values, model, handler, cancellationToken);

    public bool[][] UsableValues(Restriction restriction)
    {
        // One solver for the whole call (its learnt clauses carry over); every model found shows a
        // usable value of each module at once, so most values never need a question of their own.
        var usable = domains.Select(d => new bool[d.ValueCount]).ToArray();
        var solver = new ClauseSearch(formula);
        var model = new bool[formula.VariableCount + 1];
        if (Assumptions(restriction) is { } all && solver.Solve(all, model))
        {
            Mark(model, usable);
        }

        for (var module = 0; module < domains.Count; module++)
        {
            var others = restriction.Without(module);
            for (var value = 0; value < usable[module].Length; value++)
            {
                if (usable[module][value])
                {
                    continue;
                }

                var probe = others.Copy();
                probe.Fix(module, value, usable[module].Length);
                if (Assumptions(probe) is { } assumptions && solver.Solve(assumptions, model))
                {
                    if (restriction.Allows(module, value))
                    {
                        // The model meets the whole restriction: it shows a usable value of every module.
                        Mark(model, usable);
                    }

                    usable[module][value] = true;
                }
            }
        }

        return usable;
    }

    public void Unrank(Restriction restriction, BigInteger rank, int[] values) => OnLargeStack(() =>
    {
        // Module by module in the plan's order, as the other engines rank: the first value whose
        // completions reach past the rank, then the rank within it. One counter (a count leaves it
        // as it found it, and its cache holds whatever the assumptions), the fixed values appended.
        var counter = new ClauseSearch(formula);
        var assumptions = Assumptions(restriction) ?? [];
        foreach (var module in order)
        {
            var literals = formula.ValueLiterals[module];
            for (var value = 0; value < literals.Length; value++)
            {
                if (!restriction.Allows(module, value))
                {
                    continue;
                }

                if (literals[value] != 0)
                {
                    assumptions.Add(literals[value]);
                }

                var below = counter.Count(assumptions);
                if (rank < below || value == literals.Length - 1)
                {
                    values[module] = value;
                    break;
                }

                rank -= below;
                if (literals[value] != 0)
                {
                    assumptions.RemoveAt(assumptions.Count - 1);
                }
            }
        }

        return 0;
    });

    /// <summary>The restriction as unit literals; null when it leaves some module no value.</summary>
    private List<int>? Assumptions(Restriction restriction)
    {
        var units = new List<int>();
        for (var module = 0; module < domains.Count; module++)
        {
            if (restriction.AllowedValues(module) is { } allowed && !formula.AddRestriction(module, allowed, units))
            {
                return null;
            }
        }

        return units;
    }

    private void Mark(bool[] model, bool[][] usable)
    {
        for (var module = 0; module < usable.Length; module++)
        {
            usable[module][formula.ValueOf(module, v => model[v])] = true;
        }
    }

    private static T OnLargeStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result;
    }
}
