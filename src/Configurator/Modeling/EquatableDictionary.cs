using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Configurator.Modeling;

/// <summary>
/// An immutable map from string keys (ordinal, case-sensitive) to values that keeps the order in
/// which keys were added and compares by content, ignoring that order.
/// </summary>
/// <remarks>
/// Used for option properties, labels and preset selections, where JSON objects are the source:
/// order is kept so that saving writes keys as they were read; equality ignores it because a JSON
/// object's meaning does not depend on it. A default instance behaves as an empty map. Thread-safe.
/// </remarks>
/// <typeparam name="TValue">The value type.</typeparam>
[CollectionBuilder(typeof(EquatableDictionary), nameof(EquatableDictionary.Create))]
public readonly struct EquatableDictionary<TValue> : IEquatable<EquatableDictionary<TValue>>, IReadOnlyDictionary<string, TValue>
{
    // A map this small is searched in order; a larger one also keeps a hash lookup. Sessions hold
    // many small maps (a selection has one entry per module, a session state three selections),
    // where the lookup's tree nodes cost more to build and keep than a short ordinal search.
    private const int SearchedInOrder = 16;

    private readonly ImmutableArray<KeyValuePair<string, TValue>> _entries;

    // Key to position in the entries, for a larger map: the one the constructor builds to replace
    // repeated keys, kept and never changed, so reading it is thread-safe. (An immutable tree built
    // from the entries again cost 16% of a priced step on automotive2_4, whose price range carries
    // two selections of 18,616 modules.)
    private readonly Dictionary<string, int>? _positions;

    /// <summary>Creates a map from entries; a later entry with the same key replaces the earlier one in place.</summary>
    /// <param name="entries">The entries in their order.</param>
    public EquatableDictionary(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        Internal.Guard.NotNull(entries);
        var order = ImmutableArray.CreateBuilder<KeyValuePair<string, TValue>>();
        Dictionary<string, int>? positions = null;
        foreach (var (key, value) in entries)
        {
            Internal.Guard.NotNull(key);
            var at = positions is null ? IndexOf(order, key) : positions.GetValueOrDefault(key, -1);
            if (at >= 0)
            {
                order[at] = new(key, value);
                continue;
            }

            order.Add(new(key, value));
            if (positions is not null)
            {
                positions[key] = order.Count - 1;
            }
            else if (order.Count > SearchedInOrder)
            {
                positions = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < order.Count; i++)
                {
                    positions[order[i].Key] = i;
                }
            }
        }

        _entries = order.ToImmutable();
        _positions = positions;
    }

    /// <summary>The entries in the order they were added.</summary>
    public ImmutableArray<KeyValuePair<string, TValue>> Entries => _entries.IsDefault ? [] : _entries;

    /// <inheritdoc />
    public int Count => Entries.Length;

    /// <summary>Whether the map has no entries.</summary>
    public bool IsEmpty => Count == 0;

    /// <inheritdoc />
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The map has no key '{key}'.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => Entries.Select(e => e.Key);

    /// <inheritdoc />
    public IEnumerable<TValue> Values => Entries.Select(e => e.Value);

    /// <summary>Returns a map with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public EquatableDictionary<TValue> SetItem(string key, TValue value) => new(Entries.Append(new(key, value)));

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_positions is not null)
        {
            var found = _positions.TryGetValue(key, out var at);
            value = found ? _entries[at].Value : default;
            return found;
        }

        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static int IndexOf(ImmutableArray<KeyValuePair<string, TValue>>.Builder order, string key)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Compares two maps by content.</summary>
    public static bool operator ==(EquatableDictionary<TValue> left, EquatableDictionary<TValue> right) => left.Equals(right);

    /// <summary>Compares two maps by content.</summary>
    public static bool operator !=(EquatableDictionary<TValue> left, EquatableDictionary<TValue> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(EquatableDictionary<TValue> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        foreach (var (key, value) in Entries)
        {
            if (!other.TryGetValue(key, out var otherValue) || !EqualityComparer<TValue>.Default.Equals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableDictionary<TValue> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Order-independent, to agree with Equals.
        var hash = 0;
        foreach (var (key, value) in Entries)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value);
        }

        return hash;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)Entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", Entries.Select(e => $"{e.Key}: {e.Value}")) + "}";
}

/// <summary>Creates <see cref="EquatableDictionary{TValue}"/> instances.</summary>
#pragma warning disable CA1711 // the factory is named for its type, as System.Collections.Immutable.ImmutableDictionary is
public static class EquatableDictionary
{
    /// <summary>Creates a map from entries (used by collection expressions).</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="entries">The entries.</param>
    public static EquatableDictionary<TValue> Create<TValue>(ReadOnlySpan<KeyValuePair<string, TValue>> entries) =>
        new(entries.ToArray());

    /// <summary>Creates a map from a sequence of entries.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="entries">The entries.</param>
    public static EquatableDictionary<TValue> ToEquatableDictionary<TValue>(this IEnumerable<KeyValuePair<string, TValue>> entries) => new(entries);
}
#pragma warning restore CA1711
