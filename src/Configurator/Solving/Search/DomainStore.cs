using System.Numerics;
using Configurator.Solving.Domains;

namespace Configurator.Solving.Search;

/// <summary>
/// The current domain of every module during one search: a bit set of its values, with a trail so
/// that a failed or finished branch is undone in time proportional to what it changed. Per call,
/// never shared.
/// </summary>
internal sealed class DomainStore
{
    private readonly ulong[][] _bits;
    private readonly int[] _sizes;
    private readonly IReadOnlyList<ModuleDomain> _domains;
    private readonly Stack<(int Module, int Word, ulong Old, int OldSize)> _trail = new();

    // A value pretended fixed while a propagator tests it (see Pretend).
    private int _pretendModule = -1;
    private int _pretendValue;

    public DomainStore(IReadOnlyList<ModuleDomain> domains, Restriction restriction)
    {
        _bits = new ulong[domains.Count][];
        _sizes = new int[domains.Count];
        _domains = domains;
        for (var m = 0; m < domains.Count; m++)
        {
            var count = domains[m].ValueCount;
            _bits[m] = new ulong[(count + 63) / 64];
            for (var v = 0; v < count; v++)
            {
                if (restriction.Allows(m, v))
                {
                    _bits[m][v >> 6] |= 1UL << v;
                    _sizes[m]++;
                }
            }
        }
    }

    public int Size(int module) => _pretendModule == module ? 1 : _sizes[module];

    /// <summary>Whether some module has no value left (a restriction can leave one empty).</summary>
    public bool HasEmptyModule()
    {
        for (var m = 0; m < _sizes.Length; m++)
        {
            if (Size(m) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the module still has every value of its domain.</summary>
    public bool IsFull(int module) => Size(module) == _domains[module].ValueCount;

    public bool Contains(int module, int value) =>
        _pretendModule == module ? value == _pretendValue : (_bits[module][value >> 6] & (1UL << value)) != 0;

    /// <summary>The module's domain as bit words (ignores <see cref="Pretend"/>).</summary>
    public ReadOnlySpan<ulong> Words(int module) => _bits[module];

    /// <summary>The values in the module's domain, ascending.</summary>
    public IEnumerable<int> Values(int module)
    {
        if (_pretendModule == module)
        {
            yield return _pretendValue;
            yield break;
        }

        var bits = _bits[module];
        for (var word = 0; word < bits.Length; word++)
        {
            var remaining = bits[word];
            while (remaining != 0)
            {
                yield return (word << 6) + BitOperations.TrailingZeroCount(remaining);
                remaining &= remaining - 1;
            }
        }
    }

    /// <summary>The single value of a fixed module.</summary>
    public int FixedValue(int module)
    {
        if (_pretendModule == module)
        {
            return _pretendValue;
        }

        var bits = _bits[module];
        for (var word = 0; word < bits.Length; word++)
        {
            if (bits[word] != 0)
            {
                return (word << 6) + BitOperations.TrailingZeroCount(bits[word]);
            }
        }

        throw new InvalidOperationException($"Module {module} has an empty domain.");
    }

    public int Mark() => _trail.Count;

    public void Undo(int mark)
    {
        while (_trail.Count > mark)
        {
            var (module, word, old, oldSize) = _trail.Pop();
            _bits[module][word] = old;
            _sizes[module] = oldSize;
        }
    }

    /// <summary>Removes a value; returns whether the domain changed.</summary>
    public bool Remove(int module, int value)
    {
        var word = value >> 6;
        var old = _bits[module][word];
        var updated = old & ~(1UL << value);
        if (updated == old)
        {
            return false;
        }

        _trail.Push((module, word, old, _sizes[module]));
        _bits[module][word] = updated;
        _sizes[module]--;
        return true;
    }

    /// <summary>Reduces the domain to one value; returns false when the value was not in it.</summary>
    public bool Fix(int module, int value)
    {
        if (!Contains(module, value))
        {
            return false;
        }

        foreach (var other in Values(module).Where(v => v != value).ToList())
        {
            Remove(module, other);
        }

        return true;
    }

    /// <summary>Makes the module look fixed to a value, without changing anything, until <see cref="StopPretending"/>.</summary>
    public void Pretend(int module, int value) => (_pretendModule, _pretendValue) = (module, value);

    public void StopPretending() => _pretendModule = -1;
}
