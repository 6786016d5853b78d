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
        return new CompiledConstraint(constraint, position, ScopeOf(expression), domains, expression.Evaluate, expression);
    }

    // One set per thread for the modules a rule reads (a sorted set per rule was a tenth of what
    // compiling automotive2_4's 23,297 rules allocated).
    [ThreadStatic]
    private static HashSet<int>? t_scope;

    /// <summary>The modules the expression reads, in ascending order.</summary>
    private static ImmutableArray<int> ScopeOf(BoolExpression expression)
    {
        var scope = t_scope ??= [];
        scope.Clear();
        expression.AddScope(scope);
        var modules = new int[scope.Count];
        scope.CopyTo(modules);
        Array.Sort(modules);
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(modules);
    }

    private static CompiledConstraint CompileTable(Constraint constraint, int position, TableConstraint table, IReadOnlyList<ModuleDomain> domains, IReadOnlyDictionary<string, int> moduleIndex)
    {
        var columns = table.Modules.Select(id => moduleIndex[id]).ToArray();

        var allowed = table.Kind == TableKind.Allowed;
        if (HashedRows(table, columns, domains) is { } rows)
        {
            // Tables of plain option ids (imported ones can have many thousands of rows): a hash lookup per check.
            var radix = columns.Select(c => (long)domains[c].ValueCount).ToArray();
            bool Lookup(int[] values)
            {
                long key = 0;
                for (var c = 0; c < columns.Length; c++)
                {
                    key = (key * radix[c]) + values[columns[c]];
                }

                return rows.Contains(key) == allowed;
            }

            var scope = columns.Order().ToImmutableArray();
            var positionOf = columns.Select(c => scope.IndexOf(c)).ToArray();
            var values = rows.Select(key =>
            {
                // Decode the key (column order) into scope order.
                var row = new int[columns.Length];
                for (var c = columns.Length - 1; c >= 0; c--)
                {
                    row[positionOf[c]] = (int)(key % radix[c]);
                    key /= radix[c];
                }

                return row.ToImmutableArray();
            }).ToImmutableArray();
            return new CompiledConstraint(constraint, position, scope, domains, Lookup, rows: new TableRows(values, allowed));
        }

        // Tables that cannot be hashed (wildcards, empty cells) get here.
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

    /// <summary>The rows as mixed-radix keys of module values, when every cell names an option and the keys fit in 63 bits; otherwise null.</summary>
    private static HashSet<long>? HashedRows(TableConstraint table, int[] columns, IReadOnlyList<ModuleDomain> domains)
    {
        var combinations = 1.0;
        foreach (var column in columns)
        {
            combinations *= domains[column].ValueCount;
        }

        if (combinations >= long.MaxValue / 2 || table.Rows.Any(row => row.Any(cell => cell is null or TableConstraint.Any)))
        {
            return null;
        }

        var rows = new HashSet<long>();
        foreach (var row in table.Rows)
        {
            long key = 0;
            for (var c = 0; c < columns.Length; c++)
            {
                var domain = domains[columns[c]];
                // Validation guarantees the option exists; the module is single-select, so it has a value of its own.
                key = (key * domain.ValueCount) + domain.SingleOptionValue[domain.OptionIndex(row[c]!)!.Value];
            }

            rows.Add(key);
        }

        return rows;
    }
}
