using System.Text.Json;
using Configurator.Validation;

namespace Configurator.Serialization;

/// <summary>
/// Reads the properties of one JSON object, recording a <see cref="ModelError"/> for every wrong
/// type, missing required property and unknown property instead of stopping at the first.
/// </summary>
internal sealed class JsonObjectScope
{
    private readonly JsonElement _element;
    private readonly List<ModelError> _errors;
    private readonly string[] _known;

    public JsonObjectScope(JsonElement element, string path, List<ModelError> errors, params string[] known)
    {
        _element = element;
        Path = path;
        _errors = errors;
        _known = known;
        IsObject = element.ValueKind == JsonValueKind.Object;
        if (!IsObject)
        {
            errors.Add(WrongType(path, "an object", element));
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (System.Array.IndexOf(known, property.Name) < 0)
            {
                var hint = Internal.KnownNames.Closest(property.Name, known) is { } near ? $" Did you mean \"{near}\"?" : "";
                errors.Add(new ModelError(ModelErrorCodes.UnknownProperty, JsonPaths.Key(path, property.Name),
                    $"\"{property.Name}\" is not part of the model format here.{hint} Known here: {string.Join(", ", known)}."));
            }
        }
    }

    public string Path { get; }

    public bool IsObject { get; }

    public JsonElement? Get(string name, bool required = false)
    {
        if (IsObject && _element.TryGetProperty(name, out var value))
        {
            return value;
        }

        if (required && IsObject)
        {
            _errors.Add(new ModelError(ModelErrorCodes.MissingProperty, JsonPaths.Key(Path, name), $"\"{name}\" is required here."));
        }

        return null;
    }

    public string At(string name) => JsonPaths.Key(Path, name);

    public string? String(string name, bool required = false) =>
        Get(name, required) is { } value ? ReadString(value, At(name)) : null;

    public decimal? Decimal(string name) => Get(name) is { } value ? ReadDecimal(value, At(name)) : null;

    /// <summary>A day written yyyy-MM-dd, as in "validFrom": "2027-01-01".</summary>
    public DateOnly? Date(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        _errors.Add(WrongType(At(name), "a day written \"yyyy-MM-dd\"", value));
        return null;
    }

    public int? Int(string name) => Get(name) is { } value ? ReadInt(value, At(name)) : null;

    public bool? Bool(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        _errors.Add(WrongType(At(name), "true or false", value));
        return null;
    }

    public string? ReadString(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        _errors.Add(WrongType(path, "a text in quotes", value));
        return null;
    }

    public decimal? ReadDecimal(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            _errors.Add(WrongType(path, "a number", value));
            return null;
        }

        if (value.TryGetDecimal(out var number))
        {
            return number;
        }

        _errors.Add(new ModelError(ModelErrorCodes.NumberOutOfRange, path, $"The number {Shorten(value.GetRawText())} is out of range; use a decimal within ±79,228,162,514,264,337,593,543,950,335."));
        return null;
    }

    public int? ReadInt(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            _errors.Add(WrongType(path, "a whole number", value));
            return null;
        }

        if (value.TryGetInt32(out var number))
        {
            return number;
        }

        _errors.Add(new ModelError(ModelErrorCodes.NumberOutOfRange, path, $"Expected a whole number from {int.MinValue} to {int.MaxValue}, found {Shorten(value.GetRawText())}."));
        return null;
    }

    /// <summary>The elements of an array property; reports a non-array.</summary>
    public IEnumerable<(JsonElement Element, string Path)> Array(string name, bool required = false) =>
        Get(name, required) is { } value ? Items(value, At(name)) : [];

    public IEnumerable<(JsonElement Element, string Path)> Items(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(WrongType(path, "a list in [ ]", value));
            return [];
        }

        return value.EnumerateArray().Select((item, i) => (item, JsonPaths.Index(path, i))).ToList();
    }

    public static ModelError WrongType(string path, string expected, JsonElement found) =>
        new(ModelErrorCodes.WrongType, path, $"Expected {expected}, found {Describe(found)}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the text \"{Shorten(value.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
