using System.Collections.Immutable;
using Configurator.Modeling;

namespace Configurator.Solving.Domains;

/// <summary>
/// The values one module can take: each value is one permitted selection (a set of options whose
/// size lies in [min, max]). A single-select module has one value per option, plus the empty
/// selection when optional; a multi-select module has one value per permitted subset. Values are
/// ordered by size, then by option position, so enumeration order is deterministic. Immutable.
/// </summary>
internal sealed class ModuleDomain
{
    // Modules of up to this many options find an option's position by a scan rather than a
    // dictionary each, and share their values with every module of the same shape (option count,
    // min and max): a large feature model is tens of thousands of modules of one option.
    private const int SmallModule = 8;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Options, int Min, int Max), Shape> Shapes = new();

    private readonly Dictionary<string, int>? _optionIndex;

    private ModuleDomain(Module module, int index, Shape shape)
    {
        Module = module;
        Index = index;
        Values = shape.Values;
        OptionMasks = shape.OptionMasks;
        SingleOptionValue = shape.SingleOptionValue;
        _optionIndex = module.Options.Count <= SmallModule
            ? null
            : module.Options.Select((o, i) => (o.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    public Module Module { get; }

    public int Index { get; }

    public int ValueCount => Values.Length;

    /// <summary>The option positions selected by each value.</summary>
    public ImmutableArray<ImmutableArray<int>> Values { get; }

    /// <summary>Per value, the selected options as bits (modules of up to 64 options only).</summary>
    public ImmutableArray<ulong> OptionMasks { get; }

    /// <summary>Per option, the value that selects exactly that option (-1 when none does).</summary>
    public ImmutableArray<int> SingleOptionValue { get; }

    public int? OptionIndex(string optionId)
    {
        if (_optionIndex is not null)
        {
            return _optionIndex.TryGetValue(optionId, out var index) ? index : null;
        }

        var options = Module.Options;
        for (var i = 0; i < options.Count; i++)
        {
            if (string.Equals(options[i].Id, optionId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

    public bool Contains(int value, int option) =>
        OptionMasks.IsEmpty ? Values[value].Contains(option) : (OptionMasks[value] & (1UL << option)) != 0;

    /// <summary>The value selecting exactly <paramref name="options"/>, or -1 when that selection is not permitted.</summary>
    /// <remarks>Allocates nothing for up to 64 options: a session's view asks once per undecided module and step.</remarks>
    public int FindValue(ReadOnlySpan<int> options)
    {
        Span<int> sorted = options.Length <= 64 ? stackalloc int[options.Length] : new int[options.Length];
        options.CopyTo(sorted);
        sorted.Sort();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                return -1;
            }
        }

        for (var value = 0; value < Values.Length; value++)
        {
            if (Values[value].AsSpan().SequenceEqual(sorted))
            {
                return value;
            }
        }

        return -1;
    }

    /// <summary>Builds the domain, or returns null when the module permits more than <paramref name="maxValues"/> selections.</summary>
    public static ModuleDomain? Create(Module module, int index, int maxValues)
    {
        var optionCount = module.Options.Count;
        if (module.IsMultiSelect && optionCount > 64)
        {
            return null;
        }

        var key = (optionCount, module.Min, module.Max);
        if (optionCount <= SmallModule && Shapes.TryGetValue(key, out var known))
        {
            return known.Values.Length <= maxValues ? new ModuleDomain(module, index, known) : null;
        }

        var values = ImmutableArray.CreateBuilder<ImmutableArray<int>>();
        for (var size = module.Min; size <= module.Max; size++)
        {
            if (!AddSubsets(values, optionCount, size, maxValues))
            {
                return null;
            }
        }

        var shape = new Shape(values.ToImmutable(), optionCount);
        if (optionCount <= SmallModule)
        {
            Shapes.TryAdd(key, shape);
        }

        return new ModuleDomain(module, index, shape);
    }

    private static bool AddSubsets(ImmutableArray<ImmutableArray<int>>.Builder values, int n, int size, int maxValues)
    {
        foreach (var subset in Internal.Combinations.Of(n, size))
        {
            if (values.Count >= maxValues)
            {
                return false;
            }

            values.Add([.. subset]);
        }

        return true;
    }

    /// <summary>What a domain's values are, given only its option count, min and max.</summary>
    private sealed class Shape
    {
        public Shape(ImmutableArray<ImmutableArray<int>> values, int optionCount)
        {
            Values = values;
            OptionMasks = optionCount <= 64
                ? [.. values.Select(v => v.Aggregate(0UL, (mask, option) => mask | (1UL << option)))]
                : [];
            SingleOptionValue = [.. Enumerable.Range(0, optionCount).Select(option => values.IndexOf([option], 0, ValueComparer.Instance))];
        }

        public ImmutableArray<ImmutableArray<int>> Values { get; }

        public ImmutableArray<ulong> OptionMasks { get; }

        public ImmutableArray<int> SingleOptionValue { get; }
    }

    private sealed class ValueComparer : IEqualityComparer<ImmutableArray<int>>
    {
        public static readonly ValueComparer Instance = new();

        public bool Equals(ImmutableArray<int> x, ImmutableArray<int> y) => x.AsSpan().SequenceEqual(y.AsSpan());

        public int GetHashCode(ImmutableArray<int> obj) => obj.Length;
    }
}
