using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Configurator.Modeling;

namespace Configurator.Internal.Json;

/// <summary>An enum as a camelCase string (<c>"customer"</c>), read back case-insensitively; numbers are refused.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>Counts as decimal strings, since they exceed every JSON number's precision (10^47 is ordinary).</summary>
internal sealed class BigIntegerJsonConverter : JsonConverter<BigInteger>
{
    public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && BigInteger.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException("A count is a string of decimal digits, such as \"1800\".");

    public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A list (<see cref="EquatableArray{T}"/>) as a JSON array.</summary>
/// <typeparam name="T">The element type; the context must know it.</typeparam>
internal sealed class EquatableArrayJsonConverter<T> : JsonConverter<EquatableArray<T>>
{
    public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        JsonText.Expect(ref reader, JsonTokenType.StartArray, "a list");
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize(ref reader, info) ?? throw new JsonException($"A list of {typeof(T).Name} holds a null."));
        }

        return [.. items];
    }

    public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options)
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, info);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Shared pieces of the converters.</summary>
internal static class JsonText
{
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Expected {what} ({token}), found {reader.TokenType}.");
        }
    }

    public static List<(string Name, string? Value)> ReadStringObject(ref Utf8JsonReader reader, string what)
    {
        Expect(ref reader, JsonTokenType.StartObject, what);
        var properties = new List<(string, string?)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            reader.Read();
            properties.Add((name, reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException($"'{name}' of {what} is a string.")));
        }

        return properties;
    }

    /// <summary>The amount with exactly the currency's minor-unit digits; more only where the amount has them (never rounded here).</summary>
    public static string FormatAmount(decimal amount, string currency)
    {
        var digits = Iso4217.MinorUnits(currency);
        return Math.Round(amount, digits) == amount
            ? amount.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : amount.ToString(CultureInfo.InvariantCulture);
    }

    public static decimal ParseAmount(string? text, string name) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new JsonException($"'{name}' is an amount written as a decimal string, such as \"474.00\".");
}
