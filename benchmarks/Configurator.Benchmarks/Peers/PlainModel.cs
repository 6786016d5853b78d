using System.Globalization;
using System.Numerics;
using System.Text;
using Configurator.Solving;

namespace Configurator.Benchmarks.Peers;

/// <summary>
/// A compiled model in the plain form the peers read: variables with domains 0..size-1 (our module
/// values) and tables of allowed or forbidden tuples over them. The same values, so every peer
/// counts and enumerates exactly our configurations.
/// </summary>
/// <remarks>
/// The text form, read by <c>benchmarks/peers/gecode/enumerate.cpp</c>:
/// <code>
/// variables N
/// size_0 ... size_N-1
/// tables M
/// allowed|forbidden ARITY ROWS var_1 ... var_ARITY   (then ROWS lines of ARITY values)
/// </code>
/// </remarks>
internal sealed class PlainModel
{
    private PlainModel(int[] sizes, List<PlainTable> tables)
    {
        Sizes = sizes;
        Tables = tables;
    }

    public int[] Sizes { get; }

    public List<PlainTable> Tables { get; }

    /// <summary>Exports the model, or returns null when a constraint is neither a table nor tabulated (a peer could not read it).</summary>
    public static PlainModel? From(CompiledModel model)
    {
        var tables = new List<PlainTable>();
        foreach (var constraint in model.Constraints)
        {
            var scope = constraint.Scope.ToArray();
            if (constraint.Rows is { } rows)
            {
                tables.Add(new PlainTable(scope, rows.Allowed, [.. rows.Values.Select(r => r.ToArray())]));
            }
            else if (constraint.IsTabulated)
            {
                var bits = constraint.TableBits.ToArray();
                var strides = constraint.Strides.ToArray();
                var allowed = new List<int[]>();
                for (var word = 0; word < bits.Length; word++)
                {
                    for (var remaining = bits[word]; remaining != 0; remaining &= remaining - 1)
                    {
                        var rest = (word << 6) + BitOperations.TrailingZeroCount(remaining);
                        allowed.Add([.. strides.Select(stride => Math.DivRem(rest, stride, out rest))]);
                    }
                }

                tables.Add(new PlainTable(scope, Allowed: true, allowed));
            }
            else
            {
                return null;
            }
        }

        return new PlainModel([.. model.Domains.Select(d => d.ValueCount)], tables);
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"variables {Sizes.Length}\n").AppendJoin(' ', Sizes).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"tables {Tables.Count}\n");
        foreach (var table in Tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(table.Allowed ? "allowed" : "forbidden")} {table.Scope.Length} {table.Rows.Count} ").AppendJoin(' ', table.Scope).Append('\n');
            foreach (var row in table.Rows)
            {
                text.AppendJoin(' ', row).Append('\n');
            }
        }

        return text.ToString();
    }
}

/// <summary>One table: its variables, whether the rows are allowed or forbidden, and the rows (values in scope order).</summary>
internal sealed record PlainTable(int[] Scope, bool Allowed, List<int[]> Rows);
