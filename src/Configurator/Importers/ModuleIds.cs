using System.Text;

namespace Configurator.Importers;

/// <summary>Turns third-party names into module ids that rule text can name.</summary>
internal static class ModuleIds
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "in", "true", "false" };
    private static readonly System.Buffers.SearchValues<char> IdCharacters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    public static string Sanitize(string name)
    {
        // Most names are ids already (feature models' names usually are): the same string, no copy.
        if (name.Length > 0 && !char.IsAsciiDigit(name[0]) && !name.AsSpan().ContainsAnyExcept(IdCharacters) && !Keywords.Contains(name))
        {
            return name;
        }

        var id = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (id.Length == 0 || char.IsAsciiDigit(id[0]) || Keywords.Contains(id.ToString()))
        {
            id.Insert(0, '_');
        }

        return id.ToString();
    }

    /// <summary>A unique id per name, suffixing repeats after sanitizing.</summary>
    public static Dictionary<string, string> Unique(IEnumerable<string> names)
    {
        var count = names.TryGetNonEnumeratedCount(out var known) ? known : 0;
        var ids = new Dictionary<string, string>(count, StringComparer.Ordinal);
        var used = new HashSet<string>(count, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var id = Sanitize(name);
            for (var n = 2; !used.Add(id); n++)
            {
                id = Sanitize(name) + "_" + n;
            }

            ids[name] = id;
        }

        return ids;
    }
}
