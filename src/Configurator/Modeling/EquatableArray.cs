using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Configurator.Modeling;

/// <summary>
/// An immutable list that compares by its elements, so that model records compare by value.
/// </summary>
/// <remarks>
/// <see cref="ImmutableArray{T}"/> compares by reference, which would make two equal models loaded
/// from the same JSON unequal. This thin wrapper keeps <see cref="ImmutableArray{T}"/>'s storage and
/// adds element-wise equality. A default instance behaves as an empty list. Thread-safe.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> _items;

    /// <summary>Creates a list holding <paramref name="items"/>.</summary>
    /// <param name="items">The elements; a default array is treated as empty.</param>
    public EquatableArray(ImmutableArray<T> items) => _items = items.IsDefault ? [] : items;

    /// <summary>The elements as an <see cref="ImmutableArray{T}"/>.</summary>
    public ImmutableArray<T> AsImmutableArray() => _items.IsDefault ? [] : _items;

    /// <summary>The number of elements.</summary>
    public int Count => _items.IsDefault ? 0 : _items.Length;

    /// <summary>Whether the list has no elements.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Whether the list holds <paramref name="item"/> (by the type's default equality), without enumerating through an interface.</summary>
    /// <param name="item">The element to look for.</param>
    public bool Contains(T item) => AsImmutableArray().Contains(item);

    /// <summary>The element at <paramref name="index"/>.</summary>
    /// <param name="index">A zero-based position.</param>
    public T this[int index] => AsImmutableArray()[index];

    /// <summary>Wraps an immutable array.</summary>
    /// <param name="items">The elements.</param>
#pragma warning disable CA2225 // the named alternative is the constructor
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);
#pragma warning restore CA2225

    /// <summary>Compares two lists element by element.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Compares two lists element by element.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other) =>
        AsImmutableArray().AsSpan().SequenceEqual(other.AsImmutableArray().AsSpan(), EqualityComparer<T>.Default);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsImmutableArray())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns an enumerator over the elements, without allocation.</summary>
    public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", AsImmutableArray())}]";
}

/// <summary>Creates <see cref="EquatableArray{T}"/> instances; also the collection-expression builder.</summary>
public static class EquatableArray
{
    /// <summary>Creates a list from a span (used by collection expressions such as <c>["a", "b"]</c>).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new([.. items]);

    /// <summary>Creates a list from a sequence.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) =>
        new([.. Internal.Guard.NotNull(items)]);
}
