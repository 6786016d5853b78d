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
    private readonly Dictionary<string, int> _optionIndex;

    private ModuleDomain(Module module, int index, ImmutableArray<ImmutableArray<int>> values)
    {
        Module = module;
        Index = index;
        Values = values;
        _optionIndex = module.Options.Select((o, i) => (o.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        OptionMasks = module.Options.Count <= 64
            ? [.. values.Select(v => v.Aggregate(0UL, (mask, option) => mask | (1UL << option)))]
            : [];
        SingleOptionValue = [.. module.Options.Select((_, option) => values.IndexOf([option], 0, ValueComparer.Instance))];
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

    public int? OptionIndex(string optionId) => _optionIndex.TryGetValue(optionId, out var index) ? index : null;

    public bool Contains(int value, int option) =>
        OptionMasks.IsEmpty ? Values[value].Contains(option) : (OptionMasks[value] & (1UL << option)) != 0;

    /// <summary>The value selecting exactly <paramref name="options"/>, or -1 when that selection is not permitted.</summary>
    public int FindValue(IReadOnlyCollection<int> options)
    {
        var sorted = options.Distinct().Order().ToImmutableArray();
        return sorted.Length != options.Count ? -1 : Values.IndexOf(sorted, 0, ValueComparer.Instance);
    }

    /// <summary>Builds the domain, or returns null when the module permits more than <paramref name="maxValues"/> selections.</summary>
    public static ModuleDomain? Create(Module module, int index, int maxValues)
    {
        var optionCount = module.Options.Count;
        if (module.IsMultiSelect && optionCount > 64)
        {
            return null;
        }

        var values = ImmutableArray.CreateBuilder<ImmutableArray<int>>();
        for (var size = module.Min; size <= module.Max; size++)
        {
            if (!AddSubsets(values, optionCount, size, maxValues))
            {
                return null;
            }
        }

        return new ModuleDomain(module, index, values.ToImmutable());
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

    private sealed class ValueComparer : IEqualityComparer<ImmutableArray<int>>
    {
        public static readonly ValueComparer Instance = new();

        public bool Equals(ImmutableArray<int> x, ImmutableArray<int> y) => x.AsSpan().SequenceEqual(y.AsSpan());

        public int GetHashCode(ImmutableArray<int> obj) => obj.Length;
    }
}
