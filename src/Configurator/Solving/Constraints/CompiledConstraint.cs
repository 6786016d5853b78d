using System.Collections.Immutable;
using Configurator.Modeling;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Constraints;

/// <summary>
/// A constraint over the values of the modules in its scope. Small scopes are tabulated once into
/// a bit set (one bit per combination of values), so checking is one index computation and one bit
/// test; larger scopes keep the predicate. Immutable.
/// </summary>
internal sealed class CompiledConstraint
{
    /// <summary>Scopes with at most this many value combinations are tabulated.</summary>
    public const int DenseLimit = 1 << 20;

    private readonly Func<int[], bool> _predicate;
    private readonly int[] _strides;
    private readonly IReadOnlyList<ModuleDomain> _domains;
    private readonly int _combinations;

    // Tabulated on first use: a wide clause costs a million evaluations, and the clause engine
    // never reads the table of a large feature model to count it.
    private ulong[]? _bits;

    public CompiledConstraint(Constraint source, int position, ImmutableArray<int> scope, IReadOnlyList<ModuleDomain> domains, Func<int[], bool> predicate, BoolExpression? expression = null, TableRows? rows = null)
    {
        Source = source;
        Position = position;
        Scope = scope;
        Expression = expression;
        Rows = rows;
        _strides = new int[scope.Length];
        _predicate = predicate;
        _domains = domains;
        long combinations = 1;
        for (var i = scope.Length - 1; i >= 0; i--)
        {
            _strides[i] = (int)Math.Min(combinations, int.MaxValue);
            combinations *= domains[scope[i]].ValueCount;
            if (combinations > DenseLimit)
            {
                _combinations = -1;
                return;
            }
        }

        _combinations = (int)combinations;
    }

    public Constraint Source { get; }

    /// <summary>The constraint's position in the model's list.</summary>
    public int Position { get; }

    /// <summary>The module indices the constraint reads, ascending.</summary>
    public ImmutableArray<int> Scope { get; }

    /// <summary>The rule's expression (null for tables), for interval reasoning over partial assignments.</summary>
    public BoolExpression? Expression { get; }

    /// <summary>The rows of a table too large to tabulate whose cells all name options (null otherwise), for a row-based propagator.</summary>
    public TableRows? Rows { get; }

    /// <summary>The tabulated combinations (bit i for the combination whose mixed-radix index is i), or null when not tabulated.</summary>
    public ReadOnlySpan<ulong> TableBits => Bits;

    /// <summary>Whether the constraint is tabulated.</summary>
    public bool IsTabulated => _combinations >= 0;

    // Read on every check (diagram building, enumeration), so no delegate per read: one volatile read once built.
    private ulong[]? Bits => _combinations < 0 ? null : Volatile.Read(ref _bits) ?? TabulateOnce();

    /// <summary>Tabulates; when two threads race, both compute the same table and the first one stored wins.</summary>
    private ulong[] TabulateOnce()
    {
        var bits = Tabulate(_predicate, _combinations, _domains);
        return Interlocked.CompareExchange(ref _bits, bits, null) ?? bits;
    }

    /// <summary>Per scope position, the weight of its value in a combination's index.</summary>
    public ReadOnlySpan<int> Strides => _strides;

    /// <summary>Whether the values of the scope's modules in <paramref name="values"/> satisfy the constraint.</summary>
    public bool IsSatisfied(int[] values)
    {
        if (Bits is not { } bits)
        {
            return _predicate(values);
        }

        var index = 0;
        for (var i = 0; i < _strides.Length; i++)
        {
            index += values[Scope[i]] * _strides[i];
        }

        return (bits[index >> 6] & (1UL << index)) != 0;
    }

    private ulong[] Tabulate(Func<int[], bool> predicate, int combinations, IReadOnlyList<ModuleDomain> domains)
    {
        var bits = new ulong[(combinations + 63) / 64];
        var values = new int[domains.Count];
        for (var index = 0; index < combinations; index++)
        {
            var rest = index;
            for (var i = 0; i < Scope.Length; i++)
            {
                values[Scope[i]] = rest / _strides[i];
                rest %= _strides[i];
            }

            if (predicate(values))
            {
                bits[index >> 6] |= 1UL << index;
            }
        }

        return bits;
    }
}

/// <summary>
/// The distinct rows of a table constraint as module values in scope order, and whether they are
/// the allowed combinations (supports) or the forbidden ones (conflicts). Immutable.
/// </summary>
internal sealed class TableRows(ImmutableArray<ImmutableArray<int>> values, bool allowed)
{
    /// <summary>Per row, the value of each scope position.</summary>
    public ImmutableArray<ImmutableArray<int>> Values { get; } = values;

    /// <summary>True when the rows are the allowed combinations, false when they are the forbidden ones.</summary>
    public bool Allowed { get; } = allowed;
}
