using System.Buffers;
using System.Collections.Immutable;
using System.Numerics;
using Configurator.Solving.Constraints;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Search;

/// <summary>
/// One filtering algorithm for one constraint: removes values that cannot take part in any
/// assignment satisfying the constraint, given the current domains. Returns false when a domain
/// empties (the branch fails). Stateless, so one instance serves every search and thread.
/// </summary>
internal abstract class Propagator(CompiledConstraint constraint)
{
    public CompiledConstraint Constraint { get; } = constraint;

    public ImmutableArray<int> Scope => Constraint.Scope;

    // Whether propagating on the full domains changes nothing: 0 not yet known, 1 yes, -1 no.
    private int _quietWhenFull;

    /// <summary>
    /// Whether the propagator, run on its modules' full domains, removes nothing: then it has
    /// nothing to do until one of them loses a value. Found on first use (a race repeats the run).
    /// </summary>
    public bool IsQuietWhenFull(IReadOnlyList<ModuleDomain> domains)
    {
        if (_quietWhenFull == 0)
        {
            var changed = new List<int>();
            _quietWhenFull = Propagate(new DomainStore(domains, new Restriction(domains.Count)), changed) && changed.Count == 0 ? 1 : -1;
        }

        return _quietWhenFull > 0;
    }

    public abstract bool Propagate(DomainStore store, List<int> changed);

    /// <summary>Whether running again right after <see cref="Propagate"/> would change nothing.</summary>
    public virtual bool IsIdempotent => false;

    /// <summary>
    /// Whether every combination of the current domains satisfies the constraint, so that it no
    /// longer links its modules (what lets a counter split the rest into independent parts). False
    /// is always safe; this base version checks all combinations when there are few.
    /// </summary>
    public virtual bool IsEntailed(DomainStore store)
    {
        const long MaxChecked = 256;
        long combinations = 1;
        foreach (var module in Scope)
        {
            combinations *= store.Size(module);
            if (combinations > MaxChecked)
            {
                return false;
            }
        }

        var values = new int[Scope.IsEmpty ? 0 : Scope[^1] + 1];
        var domains = Scope.Select(m => store.Values(m).ToArray()).ToArray();
        for (var index = 0L; index < combinations; index++)
        {
            var rest = index;
            for (var position = 0; position < domains.Length; position++)
            {
                values[Scope[position]] = domains[position][rest % domains[position].Length];
                rest /= domains[position].Length;
            }

            if (!Constraint.IsSatisfied(values))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number of combinations of the scope's current domains, saturating at <see cref="long.MaxValue"/>.</summary>
    protected long Combinations(DomainStore store)
    {
        long combinations = 1;
        foreach (var module in Scope)
        {
            var size = store.Size(module);
            combinations = size != 0 && combinations > long.MaxValue / size ? long.MaxValue : combinations * size;
        }

        return combinations;
    }

    /// <summary>Picks the strongest propagator the constraint allows, or a weaker one on request (for testing each).</summary>
    public static Propagator Create(CompiledConstraint constraint, IReadOnlyList<ModuleDomain> domains, PropagatorChoice choice = PropagatorChoice.Strongest) => choice switch
    {
        PropagatorChoice.Strongest => (Propagator?)TablePropagator.TryCreate(constraint, domains)
            ?? (constraint.Expression is { } expression ? new BoundsPropagator(constraint, expression) : new ForwardCheckPropagator(constraint)),
        PropagatorChoice.Bounds when constraint.Expression is { } expression => new BoundsPropagator(constraint, expression),
        _ => new ForwardCheckPropagator(constraint),
    };
}

/// <summary>Which propagator to use per constraint.</summary>
internal enum PropagatorChoice
{
    /// <summary>Compact-table when tabulated and small enough; bounds reasoning for other rules; forward checking otherwise.</summary>
    Strongest,

    /// <summary>Bounds reasoning for every rule (tables: forward checking).</summary>
    Bounds,

    /// <summary>Forward checking only.</summary>
    ForwardCheck,
}

/// <summary>
/// Generalized arc consistency on a table with bit sets, one bit per row: the current rows are
/// those whose every value is still in its domain. For allowed rows a value survives when a current
/// row uses it; for forbidden rows a value goes when every combination with it is a current
/// forbidden row. The rows are the table's own (imported tables) or, for a tabulated rule, its
/// allowed combinations.
/// </summary>
/// <remarks>Compact-table: Demeulenaere, Hartert, Lecoutre, Perez, Perron, Régin and Schaus, "Compact-Table:
/// efficiently filtering table constraints with reversible sparse bit-sets", CP 2016; forbidden rows
/// counted per value as in Verhaeghe, Lecoutre and Schaus, "Extending compact-table to negative and
/// short tables", AAAI 2017. This version recomputes the current rows at each call (from the
/// removed values when they are fewer than the kept ones) instead of keeping them reversible.</remarks>
internal sealed class TablePropagator : Propagator
{
    // Tabulated rules whose rows' bit sets would take more words than this are left to other propagators.
    private const long MaxTabulatedWords = 1 << 18;

    private readonly bool _allowed;
    private readonly int _words;
    private readonly long _rowCount;

    // _rowsWith[position][value]: the rows in which the module at that scope position takes that value.
    private readonly ulong[][][] _rowsWith;
    private readonly ulong[] _all;
    private readonly int _maxValues;

    // _wordsWith[position][value]: the words of _rowsWith[position][value] that are not zero.
    private readonly int[][][] _wordsWith;

    // The rows' values, row after row (scope order).
    private readonly int[] _cells;

    private TablePropagator(CompiledConstraint constraint, int rowCount, IEnumerable<int[]> rows, bool allowed, IReadOnlyList<ModuleDomain> domains)
        : base(constraint)
    {
        _allowed = allowed;
        _rowCount = rowCount;
        _words = (rowCount + 63) / 64;
        _all = new ulong[_words];
        _rowsWith = [.. Scope.Select(m => Enumerable.Range(0, domains[m].ValueCount).Select(_ => new ulong[_words]).ToArray())];
        _maxValues = _rowsWith.Max(values => values.Length);
        _cells = new int[rowCount * Scope.Length];
        var row = 0;
        foreach (var values in rows)
        {
            values.CopyTo(_cells, row * Scope.Length);
            _all[row >> 6] |= 1UL << row;
            for (var position = 0; position < Scope.Length; position++)
            {
                _rowsWith[position][values[position]][row >> 6] |= 1UL << row;
            }

            row++;
        }

        _wordsWith = [.. _rowsWith.Select(values => values.Select(rows => Enumerable.Range(0, _words).Where(word => rows[word] != 0).ToArray()).ToArray())];
    }

    /// <summary>A propagator over the table's rows, or the tabulated rule's allowed combinations when they are few enough; else null.</summary>
    public static TablePropagator? TryCreate(CompiledConstraint constraint, IReadOnlyList<ModuleDomain> domains)
    {
        if (constraint.Scope.IsEmpty)
        {
            return null;
        }

        if (constraint.Rows is { } rows)
        {
            return new TablePropagator(constraint, rows.Values.Length, rows.Values.Select(r => r.ToArray()), rows.Allowed, domains);
        }

        if (!constraint.IsTabulated)
        {
            return null;
        }

        var allowedCount = Bits.Count(constraint.TableBits);
        if ((allowedCount + 63) / 64 * constraint.Scope.Sum(m => (long)domains[m].ValueCount) > MaxTabulatedWords)
        {
            return null;
        }

        return new TablePropagator(constraint, (int)allowedCount, AllowedCombinations(constraint), allowed: true, domains);
    }

    public override bool Propagate(DomainStore store, List<int> changed)
    {
        using var scratch = new RowScratch(_words);
        return Propagate(store, changed, scratch.Current, scratch.Words);
    }

    /// <summary>
    /// Removing a value no current allowed row uses leaves the current rows as they were; removing a
    /// value whose every combination is forbidden removes as many combinations as forbidden rows,
    /// so no other value's test changes either.
    /// </summary>
    public override bool IsIdempotent => true;

    public override bool IsEntailed(DomainStore store)
    {
        var combinations = Combinations(store);
        if (_allowed && combinations > _rowCount)
        {
            return false;
        }

        using var scratch = new RowScratch(_words);
        var live = Current(store, scratch.Current, scratch.Words);
        return _allowed ? Bits.Count(scratch.Current, scratch.Words.AsSpan(0, live)) == combinations : live == 0;
    }

    private bool Propagate(DomainStore store, List<int> changed, ulong[] current, int[] words)
    {
        foreach (var module in Scope)
        {
            if (store.Size(module) == 0)
            {
                // A restriction can leave a module nothing.
                return false;
            }
        }

        var live = Current(store, current, words);
        if (_allowed && live == 0)
        {
            return false;
        }

        var combinations = Combinations(store);
        if (!_allowed && (combinations == long.MaxValue || combinations / LargestDomain(store) > _rowCount))
        {
            // Too few forbidden rows to rule out every combination with any one value.
            return true;
        }

        var liveWords = words.AsSpan(0, live);
        for (var position = 0; position < Scope.Length; position++)
        {
            var module = Scope[position];

            // Removals at earlier positions shrink the combinations (forbidden rows only read them).
            combinations = Combinations(store);
            var others = combinations / Math.Max(1, store.Size(module));
            for (var value = 0; value < _rowsWith[position].Length; value++)
            {
                if (!store.Contains(module, value))
                {
                    continue;
                }

                var remove = _allowed
                    ? !Bits.Intersects(current, _rowsWith[position][value], liveWords)
                    : Bits.CountCommon(current, _rowsWith[position][value], liveWords) == others;
                if (remove && store.Remove(module, value))
                {
                    changed.Add(module);
                    if (!_allowed)
                    {
                        // Its forbidden rows are no longer current: later positions must not count them.
                        foreach (var word in liveWords)
                        {
                            current[word] &= ~_rowsWith[position][value][word];
                        }
                    }
                }
            }

            if (store.Size(module) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What is left of the table for the modules still open: the current rows' values at the
    /// positions marked open, as distinct mixed-radix keys in ascending order (whether they are
    /// allowed or forbidden rows is the table's own). Two searches whose decided modules leave equal
    /// projections face the same constraint on the rest.
    /// </summary>
    /// <param name="store">The current domains.</param>
    /// <param name="open">Per scope position, whether its module is still open.</param>
    /// <param name="domains">The modules' domains (for the keys' radices).</param>
    /// <param name="keys">A set to reuse; it is cleared.</param>
    public long[] Projection(DomainStore store, ReadOnlySpan<bool> open, IReadOnlyList<ModuleDomain> domains, HashSet<long> keys)
    {
        keys.Clear();
        using var scratch = new RowScratch(_words);
        var (current, words) = (scratch.Current, scratch.Words);
        var live = Current(store, current, words);
        foreach (var word in words.AsSpan(0, live))
        {
            var remaining = current[word];
            while (remaining != 0)
            {
                var row = (word << 6) + BitOperations.TrailingZeroCount(remaining);
                remaining &= remaining - 1;
                long key = 0;
                for (var position = 0; position < Scope.Length; position++)
                {
                    if (open[position])
                    {
                        key = (key * domains[Scope[position]].ValueCount) + _cells[(row * Scope.Length) + position];
                    }
                }

                keys.Add(key);
            }
        }

        var sorted = keys.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>
    /// Writes the rows whose every value is still in its domain, working only on the words that
    /// still have a row (a sparse bit set); returns how many such words there are, listed first in
    /// <paramref name="words"/>.
    /// </summary>
    private int Current(DomainStore store, ulong[] current, int[] words)
    {
        // The fixed module whose value has rows in the fewest words first, so later steps touch few words.
        var start = -1;
        var fewest = int.MaxValue;
        for (var position = 0; position < Scope.Length; position++)
        {
            if (store.Size(Scope[position]) == 1 && _wordsWith[position][store.FixedValue(Scope[position])].Length is var length && length < fewest)
            {
                (start, fewest) = (position, length);
            }
        }

        var live = 0;
        if (start < 0)
        {
            _all.CopyTo(current, 0);
            for (var word = 0; word < _words; word++)
            {
                words[live++] = word;
            }
        }
        else
        {
            // Only the words where the fixed value has rows are copied (the rest are never read).
            var value = store.FixedValue(Scope[start]);
            var rows = _rowsWith[start][value];
            foreach (var word in _wordsWith[start][value])
            {
                current[word] = rows[word];
                words[live++] = word;
            }
        }

        var selected = ArrayPool<int>.Shared.Rent(_maxValues);
        for (var position = 0; position < Scope.Length && live > 0; position++)
        {
            var module = Scope[position];
            var size = store.Size(module);
            var full = _rowsWith[position].Length;
            if (size == full || position == start)
            {
                continue;
            }

            // Or the rows of the kept values, or of the removed ones when those are fewer.
            var kept = size <= full - size;
            var count = 0;
            for (var value = 0; value < full; value++)
            {
                if (store.Contains(module, value) == kept)
                {
                    selected[count++] = value;
                }
            }

            var next = 0;
            for (var i = 0; i < live; i++)
            {
                var word = words[i];
                ulong union = 0;
                for (var v = 0; v < count; v++)
                {
                    union |= _rowsWith[position][selected[v]][word];
                }

                var updated = current[word] & (kept ? union : ~union);
                current[word] = updated;
                if (updated != 0)
                {
                    words[next++] = word;
                }
            }

            live = next;
        }

        ArrayPool<int>.Shared.Return(selected);
        return live;
    }

    private int LargestDomain(DomainStore store)
    {
        var largest = 1;
        foreach (var module in Scope)
        {
            largest = Math.Max(largest, store.Size(module));
        }

        return largest;
    }

    private static IEnumerable<int[]> AllowedCombinations(CompiledConstraint constraint)
    {
        var bits = constraint.TableBits.ToArray();
        var strides = constraint.Strides.ToArray();
        for (var word = 0; word < bits.Length; word++)
        {
            var remaining = bits[word];
            while (remaining != 0)
            {
                var rest = (word << 6) + BitOperations.TrailingZeroCount(remaining);
                remaining &= remaining - 1;
                var values = new int[strides.Length];
                for (var position = 0; position < strides.Length; position++)
                {
                    values[position] = rest / strides[position];
                    rest %= strides[position];
                }

                yield return values;
            }
        }
    }
}

/// <summary>The current rows' bit set and the list of its non-zero words, rented for one call and returned when disposed.</summary>
internal readonly ref struct RowScratch
{
    public RowScratch(int words)
    {
        Current = ArrayPool<ulong>.Shared.Rent(words);
        Words = ArrayPool<int>.Shared.Rent(words);
    }

    public ulong[] Current { get; }

    public int[] Words { get; }

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(Current);
        ArrayPool<int>.Shared.Return(Words);
    }
}

/// <summary>Operations on bit sets restricted to the listed words (the others are known to be zero).</summary>
internal static class Bits
{
    public static bool Intersects(ulong[] a, ulong[] b, ReadOnlySpan<int> words)
    {
        foreach (var word in words)
        {
            if ((a[word] & b[word]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public static long Count(ReadOnlySpan<ulong> bits)
    {
        long count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    public static long Count(ulong[] bits, ReadOnlySpan<int> words)
    {
        long count = 0;
        foreach (var word in words)
        {
            count += BitOperations.PopCount(bits[word]);
        }

        return count;
    }

    public static long CountCommon(ulong[] a, ulong[] b, ReadOnlySpan<int> words)
    {
        long count = 0;
        foreach (var word in words)
        {
            count += BitOperations.PopCount(a[word] & b[word]);
        }

        return count;
    }
}

/// <summary>
/// Bounds reasoning on a rule too large to tabulate: the rule evaluates over the current domains
/// (intervals for sums and counts, Kleene logic for connectives); a value is removed when fixing
/// its module to it makes the rule certainly false.
/// </summary>
internal sealed class BoundsPropagator(CompiledConstraint constraint, BoolExpression expression) : Propagator(constraint)
{
    public override bool IsEntailed(DomainStore store) => expression.Over(store) == Truth.True || base.IsEntailed(store);

    public override bool Propagate(DomainStore store, List<int> changed)
    {
        if (expression.Over(store) == Truth.False)
        {
            return false;
        }

        foreach (var module in Scope)
        {
            if (store.Size(module) <= 1)
            {
                continue;
            }

            foreach (var value in store.Values(module).ToList())
            {
                store.Pretend(module, value);
                var truth = expression.Over(store);
                store.StopPretending();
                if (truth == Truth.False && store.Remove(module, value))
                {
                    changed.Add(module);
                }
            }

            if (store.Size(module) == 0)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>For a large table: once at most one module of the scope is open, keep only its values that satisfy the constraint.</summary>
internal sealed class ForwardCheckPropagator(CompiledConstraint constraint) : Propagator(constraint)
{
    public override bool Propagate(DomainStore store, List<int> changed)
    {
        var open = -1;
        foreach (var module in Scope)
        {
            if (store.Size(module) > 1)
            {
                if (open >= 0)
                {
                    return true;
                }

                open = module;
            }
        }

        var values = new int[Scope.IsEmpty ? 0 : Scope.Max() + 1];
        foreach (var module in Scope.Where(m => m != open))
        {
            values[module] = store.FixedValue(module);
        }

        if (open < 0)
        {
            return Constraint.IsSatisfied(values);
        }

        foreach (var value in store.Values(open).ToList())
        {
            values[open] = value;
            if (!Constraint.IsSatisfied(values) && store.Remove(open, value))
            {
                changed.Add(open);
            }
        }

        return store.Size(open) > 0;
    }
}
