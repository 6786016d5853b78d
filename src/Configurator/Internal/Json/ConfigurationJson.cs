using System.Text.Json;
using Configurator.Modeling;
using Configurator.Solving;

namespace Configurator.Internal.Json;

/// <summary>
/// A configuration as orders and profiles write it by hand: <c>{"body": "estate", "packs": ["winter", "tow"]}</c>,
/// a module mapped to an option id or a list of them.
/// </summary>
internal static class ConfigurationJson
{
    /// <summary>Reads <paramref name="element"/>; null with <paramref name="error"/> (naming <paramref name="path"/>) when it is not one.</summary>
    public static Selection? Read(JsonElement element, string path, out string? error)
    {
        error = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = $"{path} must be an object of module: option or module: [options]";
            return null;
        }

        var choices = new List<KeyValuePair<string, EquatableArray<string>>>();
        foreach (var module in element.EnumerateObject())
        {
            if (module.Value.ValueKind == JsonValueKind.String)
            {
                choices.Add(new(module.Name, [module.Value.GetString()!]));
            }
            else if (module.Value.ValueKind == JsonValueKind.Array && module.Value.EnumerateArray().All(o => o.ValueKind == JsonValueKind.String))
            {
                choices.Add(new(module.Name, [.. module.Value.EnumerateArray().Select(o => o.GetString()!)]));
            }
            else
            {
                error = $"{path}.{module.Name} must be an option id or a list of them";
                return null;
            }
        }

        return new Selection(choices.ToEquatableDictionary());
    }

    /// <summary>Writes <paramref name="configuration"/> the same way: one option as a string, none or several as a list.</summary>
    public static void Write(Utf8JsonWriter writer, Selection configuration)
    {
        writer.WriteStartObject();
        foreach (var (module, optionIds) in configuration.Choices)
        {
            if (optionIds.Count == 1)
            {
                writer.WriteString(module, optionIds[0]);
                continue;
            }

            writer.WriteStartArray(module);
            foreach (var id in optionIds)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
