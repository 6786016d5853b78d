using System.Text.Json;
using System.Text.Json.Serialization;

namespace Configurator.Serialization;

// Write-only converters for the format's either-or values. Reading goes through ModelReader.
internal sealed class NumberOrTextConverter : JsonConverter<NumberOrText>
{
    public override NumberOrText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Models are read by ModelReader.");

    public override void Write(Utf8JsonWriter writer, NumberOrText value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNumberValue(value.Number);
        }
    }
}

internal sealed class SelectionDocumentConverter : JsonConverter<SelectionDocument>
{
    public override bool HandleNull => false;

    public override SelectionDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Models are read by ModelReader.");

    public override void Write(Utf8JsonWriter writer, SelectionDocument value, JsonSerializerOptions options)
    {
        if (value.OptionIds.Count == 0)
        {
            writer.WriteNullValue();
        }
        else if (!value.AsList && value.OptionIds.Count == 1)
        {
            writer.WriteStringValue(value.OptionIds[0]);
        }
        else
        {
            writer.WriteStartArray();
            foreach (var id in value.OptionIds)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }
    }
}
