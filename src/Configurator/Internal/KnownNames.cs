namespace Configurator.Internal;

/// <summary>
/// What an error about an unknown module or option id tells a person: the nearest known id, and the
/// known ids themselves, at most a few of them (the Linux kernel's model has 6,467 modules, and a
/// message that listed them all was 100 KB on a console or in an HTTP problem).
/// </summary>
internal static class KnownNames
{
    /// <summary>The most ids a message lists; a longer list ends with how many there are in all.</summary>
    private const int Listed = 10;

    /// <summary>"There is no module 'FOO'. Did you mean 'FOOD'? Modules: a, b, …, j (854 in all)."</summary>
    public static string NoModule(string moduleId, IReadOnlyCollection<string> known) =>
        $"There is no module '{moduleId}'.{Hint(moduleId, known, "Modules")}";

    /// <summary>"Module 'glass' has no option 'tripple'. Did you mean 'triple'? Options: clear, triple."</summary>
    public static string NoOption(string moduleId, string optionId, IReadOnlyCollection<string> known) =>
        $"Module '{moduleId}' has no option '{optionId}'.{Hint(optionId, known, "Options")}";

    /// <summary>The known name nearest to <paramref name="name"/>: at most two edits apart, ignoring case; null when none is.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = 3;
        var lower = name.ToLowerInvariant();
        foreach (var candidate in known)
        {
            var distance = Distance(lower, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    private static string Hint(string name, IReadOnlyCollection<string> known, string heading)
    {
        var near = Closest(name, known) is { } closest ? $" Did you mean '{closest}'?" : "";
        var listed = string.Join(", ", known.Take(Listed));
        return known.Count <= Listed
            ? $"{near} {heading}: {listed}."
            : $"{near} {heading}: {listed}, … ({known.Count:N0} in all).";
    }

    // Levenshtein distance, given up on names whose lengths differ by more than two.
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2 || a.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
