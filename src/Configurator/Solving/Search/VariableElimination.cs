using System.Numerics;
using Configurator.Solving.Constraints;
using Configurator.Solving.Diagrams;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Search;

/// <summary>
/// Exact counting by variable elimination: every constraint becomes a 0/1 factor over its scope,
/// modules are summed out one at a time in a min-fill order, and factors that share a module are
/// multiplied first. Its cost follows the tree width of the constraint graph, not the path width
/// that bounds the frontier of a decision diagram, so it counts models like Renault Mégane whose
/// diagram would be too large. Gives up (null) when a factor would exceed <see cref="MaxFactorSize"/>.
/// </summary>
/// <remarks>Dechter, "Bucket elimination: a unifying framework for reasoning", Artificial Intelligence 113 (1999).</remarks>
internal static class VariableElimination
{
    public const int MaxFactorSize = 1 << 16;

    public static BigInteger? Count(IReadOnlyList<ModuleDomain> domains, IReadOnlyList<CompiledConstraint> constraints, Restriction restriction)
    {
        var n = domains.Count;
        var factors = new List<Factor>();
        var values = new int[n];
        foreach (var constraint in constraints)
        {
            var scope = constraint.Scope.ToArray();
            if (Size(scope, domains) is not { } size)
            {
                return null;
            }

            var table = new BigInteger[size];
            ForEach(scope, domains, (index, assignment) =>
            {
                for (var i = 0; i < scope.Length; i++)
                {
                    values[scope[i]] = assignment[i];
                }

                var allowed = true;
                for (var i = 0; i < scope.Length && allowed; i++)
                {
                    allowed = restriction.Allows(scope[i], assignment[i]);
                }

                table[index] = allowed && constraint.IsSatisfied(values) ? BigInteger.One : BigInteger.Zero;
            });
            factors.Add(new Factor(scope, table));
        }

        var weight = domains.Select(d => Math.Log(Math.Max(2, d.ValueCount))).ToArray();
        var result = BigInteger.One;
        foreach (var module in VariableOrder.MinFill(n, constraints, weight))
        {
            var touching = factors.Where(f => f.Scope.Contains(module)).ToList();
            var allowedValues = Enumerable.Range(0, domains[module].ValueCount).Where(v => restriction.Allows(module, v)).ToArray();
            if (touching.Count == 0)
            {
                // A module no constraint reads multiplies the count by its allowed values.
                result *= allowedValues.Length;
                continue;
            }

            var scope = touching.SelectMany(f => f.Scope).Where(m => m != module).Distinct().Order().ToArray();
            if (Size(scope, domains) is not { } size)
            {
                return null;
            }

            var table = new BigInteger[size];
            var assignment = new int[n];
            ForEach(scope, domains, (index, combination) =>
            {
                for (var i = 0; i < scope.Length; i++)
                {
                    assignment[scope[i]] = combination[i];
                }

                var sum = BigInteger.Zero;
                foreach (var value in allowedValues)
                {
                    assignment[module] = value;
                    var product = BigInteger.One;
                    foreach (var factor in touching)
                    {
                        product *= factor.At(assignment, domains);
                        if (product.IsZero)
                        {
                            break;
                        }
                    }

                    sum += product;
                }

                table[index] = sum;
            });

            factors.RemoveAll(touching.Contains);
            factors.Add(new Factor(scope, table));
        }

        foreach (var factor in factors)
        {
            // Only empty-scope factors remain.
            result *= factor.Table[0];
        }

        return result;
    }

    private static int? Size(int[] scope, IReadOnlyList<ModuleDomain> domains)
    {
        long size = 1;
        foreach (var module in scope)
        {
            size *= domains[module].ValueCount;
            if (size > MaxFactorSize)
            {
                return null;
            }
        }

        return (int)size;
    }

    /// <summary>Calls <paramref name="visit"/> with each combination of the scope's values and its mixed-radix index (last module fastest).</summary>
    private static void ForEach(int[] scope, IReadOnlyList<ModuleDomain> domains, Action<int, int[]> visit)
    {
        var combination = new int[scope.Length];
        var index = 0;
        while (true)
        {
            visit(index++, combination);
            var position = scope.Length - 1;
            while (position >= 0 && ++combination[position] == domains[scope[position]].ValueCount)
            {
                combination[position--] = 0;
            }

            if (position < 0)
            {
                return;
            }
        }
    }

    /// <summary>A table of counts over a scope (ascending module indices), last module fastest.</summary>
    private sealed record Factor(int[] Scope, BigInteger[] Table)
    {
        public BigInteger At(int[] assignment, IReadOnlyList<ModuleDomain> domains)
        {
            var index = 0;
            foreach (var module in Scope)
            {
                index = (index * domains[module].ValueCount) + assignment[module];
            }

            return Table[index];
        }
    }
}
