namespace Configurator.Internal;

/// <summary>
/// A growable run of integers whose array is open to its owner: read in place by hot loops (a
/// literal's watch list) and handed over as it stands when complete (a formula's literals), where
/// a <see cref="List{T}"/> would add a bounds check per read and a copy at the end. Empty until
/// the first item. Per owner, never shared.
/// </summary>
internal sealed class IntBuffer
{
    /// <summary>The items, from 0 to <see cref="Count"/>; what lies beyond is unused.</summary>
    public int[] Items = [];

    /// <summary>How many items there are.</summary>
    public int Count;

    /// <summary>The items as a span.</summary>
    public Span<int> AsSpan() => Items.AsSpan(0, Count);

    public void Add(int item)
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Math.Max(4, Count * 2));
        }

        Items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<int> items)
    {
        if (Count + items.Length > Items.Length)
        {
            Array.Resize(ref Items, Math.Max(Count + items.Length, Math.Max(4, Count * 2)));
        }

        items.CopyTo(Items.AsSpan(Count));
        Count += items.Length;
    }

    /// <summary>Drops the items from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = count;
}
