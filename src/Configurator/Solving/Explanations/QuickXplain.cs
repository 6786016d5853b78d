namespace Configurator.Solving.Explanations;

/// <summary>
/// Finds a minimal conflict: a smallest-by-inclusion subset of candidate elements that, together
/// with the background, is inconsistent; removing any element of it restores consistency.
/// </summary>
/// <remarks>Junker, "QUICKXPLAIN: preferred explanations and relaxations for over-constrained problems",
/// AAAI 2004. Elements earlier in the list are preferred, i.e. kept out of the conflict when possible.</remarks>
internal static class QuickXplain
{
    /// <summary>The minimal conflict among <paramref name="candidates"/>, or null when background and candidates are consistent together.</summary>
    public static List<T>? FindConflict<T>(IReadOnlyList<T> candidates, Func<IReadOnlyList<T>, bool> isConsistent)
    {
        if (isConsistent(candidates))
        {
            return null;
        }

        return candidates.Count == 0 ? [] : Explain([], hasDelta: false, [.. candidates], isConsistent);
    }

    private static List<T> Explain<T>(List<T> background, bool hasDelta, List<T> candidates, Func<IReadOnlyList<T>, bool> isConsistent)
    {
        if (hasDelta && !isConsistent(background))
        {
            return [];
        }

        if (candidates.Count == 1)
        {
            return candidates;
        }

        var half = candidates.Count / 2;
        var first = candidates[..half];
        var second = candidates[half..];
        var fromSecond = Explain([.. background, .. first], first.Count > 0, second, isConsistent);
        var fromFirst = Explain([.. background, .. fromSecond], fromSecond.Count > 0, first, isConsistent);
        return [.. fromFirst, .. fromSecond];
    }
}
