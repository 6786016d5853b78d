using System.Collections.Immutable;
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

    public abstract bool Propagate(DomainStore store, List<int> changed);

    /// <summary>Picks the strongest propagator the constraint allows, or a weaker one on request (for testing each).</summary>
    public static Propagator Create(CompiledConstraint constraint, IReadOnlyList<ModuleDomain> domains, PropagatorChoice choice = PropagatorChoice.Strongest) => choice switch
    {
        PropagatorChoice.Strongest => (Propagator?)CompactTablePropagator.TryCreate(constraint, domains)
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
/// Generalized arc consistency on a tabulated constraint with bit sets: the current table is the
/// allowed combinations whose every value is still in its domain, and a value survives when some
/// combination of the current table uses it.
/// </summary>
/// <remarks>Demeulenaere, Hartert, Lecoutre, Perez, Perron, Régin and Schaus, "Compact-Table: efficiently
/// filtering table constraints with reversible sparse bit-sets", CP 2016. This version recomputes the
/// current table at each call instead of keeping it reversible, which suits small tables.</remarks>
internal sealed class CompactTablePropagator : Propagator
{
    private const int MaxSupportWords = 1 << 16;
    private readonly int _words;

    // _supports[position][value]: the allowed combinations in which the module at that scope position takes that value.
    private readonly ulong[][][] _supports;

    private CompactTablePropagator(CompiledConstraint constraint, ulong[][][] supports, int words)
        : base(constraint)
    {
        _supports = supports;
        _words = words;
    }

    public static CompactTablePropagator? TryCreate(CompiledConstraint constraint, IReadOnlyList<ModuleDomain> domains)
    {
        if (!constraint.IsTabulated || constraint.Scope.IsEmpty)
        {
            return null;
        }

        var bits = constraint.TableBits;
        var words = bits.Length;
        if ((long)constraint.Scope.Sum(m => domains[m].ValueCount) * words > MaxSupportWords)
        {
            return null;
        }

        var strides = constraint.Strides;
        var supports = new ulong[constraint.Scope.Length][][];
        for (var position = 0; position < supports.Length; position++)
        {
            supports[position] = new ulong[domains[constraint.Scope[position]].ValueCount][];
            for (var value = 0; value < supports[position].Length; value++)
            {
                supports[position][value] = new ulong[words];
            }
        }

        for (var word = 0; word < words; word++)
        {
            var remaining = bits[word];
            while (remaining != 0)
            {
                var index = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(remaining);
                remaining &= remaining - 1;
                var rest = index;
                for (var position = 0; position < supports.Length; position++)
                {
                    var value = rest / strides[position];
                    rest %= strides[position];
                    supports[position][value][word] |= 1UL << index;
                }
            }
        }

        return new CompactTablePropagator(constraint, supports, words);
    }

    public override bool Propagate(DomainStore store, List<int> changed)
    {
        Span<ulong> current = _words <= 256 ? stackalloc ulong[_words] : new ulong[_words];
        Span<ulong> union = _words <= 256 ? stackalloc ulong[_words] : new ulong[_words];
        Constraint.TableBits.CopyTo(current);
        for (var position = 0; position < Scope.Length; position++)
        {
            var module = Scope[position];
            if (store.Size(module) == _supports[position].Length)
            {
                continue;
            }

            union.Clear();
            foreach (var value in store.Values(module))
            {
                Or(union, _supports[position][value]);
            }

            And(current, union);
        }

        if (current.IndexOfAnyExcept(0UL) < 0)
        {
            return false;
        }

        for (var position = 0; position < Scope.Length; position++)
        {
            var module = Scope[position];
            foreach (var value in store.Values(module).ToList())
            {
                if (!Intersects(current, _supports[position][value]) && store.Remove(module, value))
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

    private static void Or(Span<ulong> target, ulong[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] |= source[i];
        }
    }

    private static void And(Span<ulong> target, Span<ulong> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= source[i];
        }
    }

    private static bool Intersects(Span<ulong> a, ulong[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if ((a[i] & b[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Bounds reasoning on a rule too large to tabulate: the rule evaluates over the current domains
/// (intervals for sums and counts, Kleene logic for connectives); a value is removed when fixing
/// its module to it makes the rule certainly false.
/// </summary>
internal sealed class BoundsPropagator(CompiledConstraint constraint, BoolExpression expression) : Propagator(constraint)
{
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
