using System.Collections.Immutable;

namespace Configurator.Importers;

/// <summary>The one check every importer makes on names: each defined once, a repeat reported at the line of its second definition.</summary>
internal static class RepeatedNames
{
    /// <param name="items">The named elements, in file order.</param>
    /// <param name="name">An element's name.</param>
    /// <param name="line">An element's 1-based line.</param>
    /// <param name="describe">How the format's user knows the element by its name (<c>&lt;variable name="A"&gt;</c>, <c>Feature "A"</c>).</param>
    /// <param name="errors">Where the errors go.</param>
    public static void Refuse<T>(IEnumerable<T> items, Func<T, string> name, Func<T, int> line, Func<string, string> describe, ImmutableArray<ImportError>.Builder errors)
    {
        foreach (var repeat in items.GroupBy(name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError($"{describe(repeat.Key)} is defined {repeat.Count()} times (lines {string.Join(", ", repeat.Select(line))}); names must be unique.", line(repeat.ElementAt(1))));
        }
    }
}
