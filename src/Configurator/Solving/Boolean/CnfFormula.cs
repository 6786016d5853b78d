namespace Configurator.Solving.Boolean;

/// <summary>
/// A model as clauses over yes/no variables, counting-exact: every valid configuration is exactly
/// one satisfying assignment. A module of two values is one variable (its second value when true);
/// a module of more values is one variable per value with an exactly-one group; auxiliary
/// variables only name sub-formulas (each is defined by the others), so they never change a count.
/// Literals are DIMACS-style: variable v (1-based) as v, its negation as -v. Immutable.
/// </summary>
internal sealed class CnfFormula(int variableCount, int[][] clauses, int[][] valueLiterals, int[]? clauseOrigins = null)
{
    /// <summary>The number of variables, module variables and auxiliary ones together.</summary>
    public int VariableCount { get; } = variableCount;

    /// <summary>The clauses; an empty one makes the formula unsatisfiable.</summary>
    public IReadOnlyList<int[]> Clauses { get; } = clauses;

    /// <summary>Per clause, the position of the constraint it encodes (-1: the modules' own clauses); null when the clauses were not encoded from constraints.</summary>
    public IReadOnlyList<int>? ClauseOrigins { get; } = clauseOrigins;

    /// <summary>Per module and value, the literal that is true exactly when the module takes that value (0: a module of one value, always true).</summary>
    public IReadOnlyList<int[]> ValueLiterals { get; } = valueLiterals;

    /// <summary>The module's value in a full assignment (<paramref name="isTrue"/> reads a variable, 1-based).</summary>
    public int ValueOf(int module, Func<int, bool> isTrue)
    {
        var literals = ValueLiterals[module];
        for (var value = 0; value < literals.Length; value++)
        {
            var literal = literals[value];
            if (literal == 0 || isTrue(Math.Abs(literal)) == literal > 0)
            {
                return value;
            }
        }

        return 0;
    }

    /// <summary>The unit literals that keep a module within the allowed values; false when none is allowed.</summary>
    public bool AddRestriction(int module, bool[] allowed, List<int> units)
    {
        var literals = ValueLiterals[module];
        var any = false;
        for (var value = 0; value < literals.Length; value++)
        {
            if (allowed[value])
            {
                any = true;
            }
            else if (literals[value] != 0)
            {
                units.Add(-literals[value]);
            }
        }

        return any;
    }

    /// <summary>The clauses in DIMACS CNF, for other counters and solvers (auxiliary variables included; they never change a count).</summary>
    public void WriteDimacs(TextWriter writer)
    {
        writer.Write(System.FormattableString.Invariant($"p cnf {VariableCount} {Clauses.Count}\n"));
        foreach (var clause in Clauses)
        {
            foreach (var literal in clause)
            {
                writer.Write(literal.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.Write(' ');
            }

            writer.Write("0\n");
        }
    }
}
