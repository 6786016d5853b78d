using System.Collections.Immutable;
using System.Globalization;

namespace Configurator.Importers.Dimacs;

/// <summary>DIMACS CNF: variable i becomes the yes/no module <c>x{i}</c>; each clause becomes a rule.</summary>
internal static class DimacsImporter
{
    /// <summary>The most variables a header may declare: each becomes a module, so the model grows with the declaration, not with the clauses.</summary>
    public const int MaxVariables = 1_000_000;

    public static ImportResult Import(string text, string id)
    {
        var errors = ImmutableArray.CreateBuilder<ImportError>();
        var variables = -1;
        var headerLine = 0;
        var declaredClauses = -1;
        var clauses = new List<(List<int> Literals, int Line)>();
        var current = new List<int>();
        var lines = text.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            Internal.Interruption.Poll();
            var line = lines[number - 1].Trim();
            if (line.Length == 0 || line[0] == 'c' || line[0] == '%')
            {
                continue;
            }

            if (line.StartsWith('p'))
            {
                var parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (headerLine > 0)
                {
                    errors.Add(new ImportError($"A second problem line; the first is on line {headerLine}.", number));
                }
                else if (parts.Length != 4 || parts[1] != "cnf" || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out variables) || variables < 0
                    || !int.TryParse(parts[3], CultureInfo.InvariantCulture, out declaredClauses) || declaredClauses < 0)
                {
                    variables = Math.Max(variables, 0);
                    errors.Add(new ImportError($"The problem line \"{line}\" is not 'p cnf VARIABLES CLAUSES' with two non-negative whole numbers.", number));
                }
                else if (variables == 0)
                {
                    errors.Add(new ImportError("The problem line declares no variables; a model needs at least one (each variable becomes a yes/no module).", number));
                }
                else if (variables > MaxVariables)
                {
                    errors.Add(new ImportError($"The problem line declares {variables:N0} variables; the importer takes at most {MaxVariables:N0} (each becomes a module).", number));
                }

                headerLine = headerLine == 0 ? number : headerLine;
                continue;
            }

            foreach (var token in line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(token, CultureInfo.InvariantCulture, out var literal) || literal == int.MinValue)
                {
                    errors.Add(new ImportError($"\"{token}\" is not a literal (a non-zero integer, or 0 to end a clause).", number));
                    continue;
                }

                if (literal == 0)
                {
                    clauses.Add((current, number));
                    current = [];
                }
                else if (headerLine == 0)
                {
                    errors.Add(new ImportError("A clause comes before the problem line 'p cnf VARIABLES CLAUSES'.", number));
                    break;
                }
                else if (Math.Abs(literal) > variables)
                {
                    errors.Add(new ImportError($"Literal {literal} names variable {Math.Abs(literal)}, but the problem line declares {variables}.", number));
                }
                else
                {
                    current.Add(literal);
                }
            }
        }

        if (headerLine == 0)
        {
            errors.Add(new ImportError("There is no problem line 'p cnf VARIABLES CLAUSES'.", 1));
        }

        if (current.Count > 0)
        {
            clauses.Add((current, lines.Length));
        }

        if (errors.Count > 0)
        {
            return new ImportResult(null, ImportFormat.Dimacs, errors.ToImmutable());
        }

        var model = new BooleanModels(id, Enumerable.Range(1, variables).Select(v => "x" + v.ToString(CultureInfo.InvariantCulture)));
        foreach (var (literals, _) in clauses)
        {
            model.AddRule(literals.Count == 0 ? "false" : BooleanModels.Any(literals.Select(l => l > 0 ? model.On("x" + l) : model.Off("x" + -l))));
        }

        // Solvers differ on a wrong count (some stop reading, some ignore it): the clauses given are
        // the formula, and the mismatch is worth a word, as it often means a truncated file.
        ImmutableArray<ImportError> warnings = declaredClauses >= 0 && declaredClauses != clauses.Count
            ? [new ImportError($"The problem line declares {declaredClauses:N0} clauses; the file has {clauses.Count:N0} (all of them are read).", headerLine)]
            : [];
        return new ImportResult(model.Build(), ImportFormat.Dimacs, []) { Warnings = warnings };
    }
}
