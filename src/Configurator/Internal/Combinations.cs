namespace Configurator.Internal;

/// <summary>The k-element subsets of {0, ..., n-1}, in lexicographic order.</summary>
internal static class Combinations
{
    /// <summary>Yields each subset as a fresh array of ascending indices.</summary>
    public static IEnumerable<int[]> Of(int n, int size)
    {
        if (size > n || size < 0)
        {
            yield break;
        }

        var indices = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return [.. indices];
            var i = size - 1;
            while (i >= 0 && indices[i] == n - size + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            indices[i]++;
            for (var j = i + 1; j < size; j++)
            {
                indices[j] = indices[j - 1] + 1;
            }
        }
    }
}
