using System.Text.Json;
using System.Text.Json.Serialization;
using Configurator.Internal.Json;

namespace Configurator.Solving;

/// <summary>
/// A configuration as an object from module id to its option ids: <c>{"frame":["arched"],"extras":[]}</c>;
/// options a partial selection requires or rules out under the module id with <c>+</c> or <c>-</c>
/// before it (<c>{"+extras":["handle"],"-extras":["lock"]}</c>; module ids never start with either).
/// </summary>
internal sealed class SelectionJsonConverter : JsonConverter<Selection>
{
    public static readonly SelectionJsonConverter Instance = new();

    public override Selection Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonText.Expect(ref reader, JsonTokenType.StartObject, "a configuration");
        // Entries collected and the map built once: a With per module would rebuild it each time.
        var choices = new List<KeyValuePair<string, Modeling.EquatableArray<string>>>();
        var included = new List<KeyValuePair<string, Modeling.EquatableArray<string>>>();
        var excluded = new List<KeyValuePair<string, Modeling.EquatableArray<string>>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var module = reader.GetString() ?? "";
            reader.Read();
            JsonText.Expect(ref reader, JsonTokenType.StartArray, $"the options of '{module}'");
            var optionIds = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                optionIds.Add(reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : throw new JsonException($"An option id of '{module}' is not a string."));
            }

            var target = module.StartsWith('+') ? included : module.StartsWith('-') ? excluded : choices;
            target.Add(new(target == choices ? module : module[1..], [.. optionIds]));
        }

        return new Selection(new Modeling.EquatableDictionary<Modeling.EquatableArray<string>>(choices))
        {
            Included = new(included),
            Excluded = new(excluded),
        };
    }

    public override void Write(Utf8JsonWriter writer, Selection value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteItems(writer, value.Choices, "");
        WriteItems(writer, value.Included, "+");
        WriteItems(writer, value.Excluded, "-");
        writer.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter writer, Modeling.EquatableDictionary<Modeling.EquatableArray<string>> items, string prefix)
    {
        foreach (var (module, optionIds) in items)
        {
            writer.WriteStartArray(prefix + module);
            foreach (var id in optionIds)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }
    }
}
