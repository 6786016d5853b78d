using System.Runtime.InteropServices;

namespace Configurator.Internal;

/// <summary>Integers sorted in place with their repeats dropped: a set as a sorted array, without a hash set.</summary>
internal static class SortedSets
{
    /// <summary>Sorts <paramref name="values"/> and moves each distinct value once to its front; the number of distinct values.</summary>
    public static int SortDistinct(Span<int> values)
    {
        values.Sort();
        var distinct = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i == 0 || values[i] != values[i - 1])
            {
                values[distinct++] = values[i];
            }
        }

        return distinct;
    }

    /// <summary>The distinct values of <paramref name="values"/>, ascending, as a new array; the list is left sorted.</summary>
    public static int[] SortDistinct(List<int> values)
    {
        var span = CollectionsMarshal.AsSpan(values);
        return span[..SortDistinct(span)].ToArray();
    }
}
