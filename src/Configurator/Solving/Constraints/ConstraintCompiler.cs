using System.Collections.Immutable;
using Configurator.Modeling;
using Configurator.Rules;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Constraints;

/// <summary>Compiles a model's rule and table constraints over module domains.</summary>
internal static class ConstraintCompiler
{
    public static CompiledConstraint Compile(Constraint constraint, int position, IReadOnlyList<ModuleDomain> domains, IReadOnlyDictionary<string, int> moduleIndex)
    {
        if (constraint.Table is { } table)
        {
            return CompileTable(constraint, position, table, domains, moduleIndex);
        }

        // Validation has parsed and checked every rule, so parsing succeeds here.
        var (node, _) = RuleParser.Parse(constraint.Rule ?? "true");
        var expression = new RuleCompiler(domains, moduleIndex).Condition(node!);
        var scope = new SortedSet<int>();
        expression.AddScope(scope);
        return new CompiledConstraint(constraint, position, [.. scope], domains, expression.Evaluate, expression);
    }

    private static CompiledConstraint CompileTable(Constraint constraint, int position, TableConstraint table, IReadOnlyList<ModuleDomain> domains, IReadOnlyDictionary<string, int> moduleIndex)
    {
        var columns = table.Modules.Select(id => moduleIndex[id]).ToArray();

        // matches[row][column][value]: whether the cell matches that value of the column's module.
        var matches = table.Rows.Select(row => columns.Select((module, c) =>
        {
            var domain = domains[module];
            return Enumerable.Range(0, domain.ValueCount).Select(value => row[c] switch
            {
                TableConstraint.Any => true,
                null => domain.Values[value].IsEmpty,
                var option => domain.Values[value] is [var selected] && domain.Module.Options[selected].Id == option,
            }).ToArray();
        }).ToArray()).ToArray();

        var allowed = table.Kind == TableKind.Allowed;
        bool Predicate(int[] values)
        {
            foreach (var row in matches)
            {
                var rowMatches = true;
                for (var c = 0; c < columns.Length && rowMatches; c++)
                {
                    rowMatches = row[c][values[columns[c]]];
                }

                if (rowMatches)
                {
                    return allowed;
                }
            }

            return !allowed;
        }

        return new CompiledConstraint(constraint, position, [.. columns.Order()], domains, Predicate);
    }
}
