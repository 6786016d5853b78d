using System.Text;
using System.Text.RegularExpressions;

namespace Configurator.Validation;

/// <summary>Turns FluentValidation property paths (<c>Modules[2].Options[0].Id</c>) into JSON paths (<c>$.modules[2].options[0].id</c>).</summary>
internal static partial class JsonPaths
{
    public const string Root = "$";

    // C# member names whose JSON name is not simply the camel-cased member name.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["Defaults"] = "default",
        ["AddExpression"] = "add",
    };

    /// <summary>Converts a FluentValidation path; a path that already starts with <c>$</c> is returned as it is.</summary>
    public static string FromPropertyPath(string propertyPath)
    {
        if (propertyPath.StartsWith(Root, StringComparison.Ordinal))
        {
            return propertyPath;
        }

        if (propertyPath.Length == 0)
        {
            return Root;
        }

        var builder = new StringBuilder(Root);
        foreach (var segment in propertyPath.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var json = Renamed.TryGetValue(name, out var renamed) ? renamed : name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
            builder.Append('.').Append(json);
            if (bracket >= 0)
            {
                builder.Append(segment[bracket..]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends an object key: <c>.key</c> when it is a plain name, else <c>['key']</c>.</summary>
    public static string Key(string path, string key) =>
        PlainKey().IsMatch(key) ? $"{path}.{key}" : $"{path}['{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>Appends an array index.</summary>
    public static string Index(string path, int index) => $"{path}[{index}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainKey();
}
