namespace Configurator.Solving.Explanations;

/// <summary>
/// Finds the earliest minimal conflict in a list: the shortest inconsistent prefix ends in an
/// element of the conflict; that element joins the background and the search repeats in the part
/// of the list before it, until the background alone is inconsistent. Each prefix is found by
/// bisection, so a conflict of k elements among n takes about k·log₂ n checks.
/// </summary>
/// <remarks>
/// This is the insertion procedure behind Junker's preferred conflicts (QUICKXPLAIN, AAAI 2004),
/// with the earliest elements the ones to keep in. Its result depends only on the list up to the
/// conflict's last element: elements appended later, or removed from that part without being in
/// the conflict, leave it unchanged. That is what lets a session keep an explanation from step to
/// step (<see cref="IsKept{T}"/>).
/// </remarks>
internal static class EarliestConflict
{
    /// <summary>The conflict among <paramref name="items"/> in list order, or null when they are consistent together.</summary>
    public static List<T>? Find<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, bool> isConsistent)
    {
        if (isConsistent(items))
        {
            return null;
        }

        var found = new List<T>();
        var end = items.Count;
        var probe = new List<T>();
        while (end > 0 && isConsistent(found))
        {
            // The smallest i with found + items[0..i] inconsistent; items[0..end) is inconsistent with found.
            var low = 0;
            var high = end - 1;
            while (low < high)
            {
                var middle = (low + high) / 2;
                probe.Clear();
                probe.AddRange(found);
                for (var i = 0; i <= middle; i++)
                {
                    probe.Add(items[i]);
                }

                if (isConsistent(probe))
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            found.Add(items[low]);
            end = low;
        }

        found.Reverse();
        return found;
    }

    /// <summary>
    /// The same conflict as <see cref="Find{T}(IReadOnlyList{T}, Func{IReadOnlyList{T}, bool})"/>, from a question that names
    /// the shortest inconsistent prefix at once: <paramref name="earliestRefuting"/>(found, end) is
    /// -1 when <c>found</c> alone is inconsistent, <c>end</c> when <c>found</c> and <c>items[0..end)</c>
    /// are consistent, else the least i with <c>found</c> and <c>items[0..i]</c> inconsistent. A conflict
    /// of k elements takes k + 1 questions instead of about k·log₂ n.
    /// </summary>
    public static List<T>? Find<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, int, int> earliestRefuting)
    {
        var found = new List<T>();
        var end = items.Count;
        var i = earliestRefuting(found, end);
        if (i == end)
        {
            return null;
        }

        while (i >= 0 && i < end)
        {
            found.Add(items[i]);
            end = i;
            if (end == 0)
            {
                break;
            }

            i = earliestRefuting(found, end);
        }

        found.Reverse();
        return found;
    }

    /// <summary>
    /// Whether <see cref="Find{T}(IReadOnlyList{T}, Func{IReadOnlyList{T}, bool})"/> on <paramref name="after"/> returns <paramref name="conflict"/>,
    /// given that it returned it on <paramref name="before"/>: the elements of <paramref name="after"/>
    /// up to the conflict's last one are those of <paramref name="before"/> up to it, in order, less
    /// some that are not in the conflict.
    /// </summary>
    public static bool IsKept<T>(IReadOnlyList<T> conflict, IReadOnlyList<T> before, IReadOnlyList<T> after)
        where T : notnull
    {
        if (conflict.Count == 0)
        {
            return true;
        }

        var last = conflict[^1];
        var comparer = EqualityComparer<T>.Default;
        var j = 0;
        foreach (var item in before)
        {
            if (j < after.Count && comparer.Equals(after[j], item))
            {
                if (comparer.Equals(item, last))
                {
                    return true;
                }

                j++;
            }
            else if (conflict.Contains(item, comparer))
            {
                return false;
            }
        }

        return false;
    }
}
