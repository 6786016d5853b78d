namespace Configurator.Solving.Boolean;

/// <summary>
/// A model as clauses over yes/no variables, counting-exact: every valid configuration is exactly
/// one satisfying assignment. A module of two values is one variable (its second value when true);
/// a module of more values is one variable per value with an exactly-one group; auxiliary
/// variables only name sub-formulas (each is defined by the others), so they never change a count.
/// Literals are DIMACS-style: variable v (1-based) as v, its negation as -v. Immutable.
/// </summary>
/// <remarks>
/// The clauses sit in one array of literals with each clause's start in a second: a large feature
/// model has hundreds of thousands of two-literal clauses, and as an array each they were as many
/// objects that every collection until the count copied (automotive2_4: 364,649 clauses).
/// </remarks>
internal sealed class CnfFormula
{
    private readonly int[] _literals;
    private readonly int[] _starts;

    /// <param name="variableCount">The number of variables.</param>
    /// <param name="clauses">The clauses, each an array of literals.</param>
    /// <param name="valueLiterals">Per module and value, its literal.</param>
    /// <param name="clauseOrigins">Per clause, the position of the constraint it encodes.</param>
    public CnfFormula(int variableCount, IReadOnlyList<int[]> clauses, int[][] valueLiterals, int[]? clauseOrigins = null)
        : this(variableCount, [.. clauses.SelectMany(c => c)], Starts(clauses), clauses.Count, valueLiterals, clauseOrigins)
    {
    }

    /// <param name="variableCount">The number of variables.</param>
    /// <param name="literals">Every clause's literals, one clause after another (the array may run on past them).</param>
    /// <param name="starts">Where each clause starts in <paramref name="literals"/>, and after the last one where it ends (the array may run on).</param>
    /// <param name="clauseCount">The number of clauses.</param>
    /// <param name="valueLiterals">Per module and value, its literal.</param>
    /// <param name="clauseOrigins">Per clause, the position of the constraint it encodes (the array may run on).</param>
    public CnfFormula(int variableCount, int[] literals, int[] starts, int clauseCount, int[][] valueLiterals, int[]? clauseOrigins = null)
    {
        VariableCount = variableCount;
        _literals = literals;
        _starts = starts;
        ClauseCount = clauseCount;
        ValueLiterals = valueLiterals;
        ClauseOrigins = clauseOrigins is null ? null : (IReadOnlyList<int>)new ArraySegment<int>(clauseOrigins, 0, clauseCount);
    }

    /// <summary>The number of variables, module variables and auxiliary ones together.</summary>
    public int VariableCount { get; }

    /// <summary>The number of clauses.</summary>
    public int ClauseCount { get; }

    /// <summary>The number of literal occurrences in all clauses.</summary>
    public int LiteralCount => _starts[ClauseCount];

    /// <summary>Per clause, the position of the constraint it encodes (-1: the modules' own clauses); null when the clauses were not encoded from constraints.</summary>
    public IReadOnlyList<int>? ClauseOrigins { get; }

    /// <summary>Per module and value, the literal that is true exactly when the module takes that value (0: a module of one value, always true).</summary>
    public IReadOnlyList<int[]> ValueLiterals { get; }

    /// <summary>A clause's literals; an empty clause makes the formula unsatisfiable.</summary>
    public ReadOnlySpan<int> Clause(int index) => _literals.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    private static int[] Starts(IReadOnlyList<int[]> clauses)
    {
        var starts = new int[clauses.Count + 1];
        for (var c = 0; c < clauses.Count; c++)
        {
            starts[c + 1] = starts[c] + clauses[c].Length;
        }

        return starts;
    }

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
        writer.Write(System.FormattableString.Invariant($"p cnf {VariableCount} {ClauseCount}\n"));
        for (var c = 0; c < ClauseCount; c++)
        {
            foreach (var literal in Clause(c))
            {
                writer.Write(literal.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.Write(' ');
            }

            writer.Write("0\n");
        }
    }
}
