using System.Text;

namespace Configurator.Importers;

/// <summary>Turns third-party names into module ids that rule text can name.</summary>
internal static class ModuleIds
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "in", "true", "false" };

    public static string Sanitize(string name)
    {
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
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
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
