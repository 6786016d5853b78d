using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Sessions.Json;

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

/// <summary>Money as <c>{"amount":"474.00","currency":"EUR"}</c>: the amount with exactly the currency's minor-unit digits.</summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? amount = null, currency = null;
        foreach (var (name, value) in Json.ReadStringObject(ref reader, "money"))
        {
            switch (name)
            {
                case "amount": amount = value; break;
                case "currency": currency = value; break;
                default: throw new JsonException($"Money has no property '{name}'.");
            }
        }

        return new Money(Json.ParseAmount(amount, "amount"), currency ?? throw new JsonException("Money needs a currency."));
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("amount", Json.FormatAmount(value.Amount, value.Currency));
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }
}

/// <summary>A configuration as an object from module id to its option ids: <c>{"frame":["arched"],"extras":[]}</c>.</summary>
internal sealed class SelectionJsonConverter : JsonConverter<Selection>
{
    public static readonly SelectionJsonConverter Instance = new();

    public override Selection Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Json.Expect(ref reader, JsonTokenType.StartObject, "a configuration");
        var selection = Selection.Empty;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var module = reader.GetString() ?? "";
            reader.Read();
            Json.Expect(ref reader, JsonTokenType.StartArray, $"the options of '{module}'");
            var optionIds = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                optionIds.Add(reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : throw new JsonException($"An option id of '{module}' is not a string."));
            }

            selection = selection.With(module, [.. optionIds]);
        }

        return selection;
    }

    public override void Write(Utf8JsonWriter writer, Selection value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (module, optionIds) in value.Choices)
        {
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

/// <summary>A price range as <c>{"min":"219.40","max":"474.00","currency":"EUR","cheapest":{…},"dearest":{…}}</c>.</summary>
internal sealed class PriceRangeJsonConverter : JsonConverter<PriceRange>
{
    public override PriceRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Json.Expect(ref reader, JsonTokenType.StartObject, "a price range");
        string? min = null, max = null, currency = null;
        Selection? cheapest = null, dearest = null;
        var selections = SelectionJsonConverter.Instance;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "min": min = reader.GetString(); break;
                case "max": max = reader.GetString(); break;
                case "currency": currency = reader.GetString(); break;
                case "cheapest": cheapest = selections.Read(ref reader, typeof(Selection), options); break;
                case "dearest": dearest = selections.Read(ref reader, typeof(Selection), options); break;
                default: throw new JsonException($"A price range has no property '{name}'.");
            }
        }

        var code = currency ?? throw new JsonException("A price range needs a currency.");
        return new PriceRange(new Money(Json.ParseAmount(min, "min"), code), new Money(Json.ParseAmount(max, "max"), code),
            cheapest ?? Selection.Empty, dearest ?? Selection.Empty);
    }

    public override void Write(Utf8JsonWriter writer, PriceRange value, JsonSerializerOptions options)
    {
        var selections = SelectionJsonConverter.Instance;
        writer.WriteStartObject();
        writer.WriteString("min", Json.FormatAmount(value.Min.Amount, value.Min.Currency));
        writer.WriteString("max", Json.FormatAmount(value.Max.Amount, value.Max.Currency));
        writer.WriteString("currency", value.Min.Currency);
        writer.WritePropertyName("cheapest");
        selections.Write(writer, value.Cheapest, options);
        writer.WritePropertyName("dearest");
        selections.Write(writer, value.Dearest, options);
        writer.WriteEndObject();
    }
}

/// <summary>A breakdown as <c>{"total":"474.00","currency":"EUR","lines":[{"kind":"option","id":…,"label":…,"amount":"40.00"}]}</c>.</summary>
internal sealed class PriceBreakdownJsonConverter : JsonConverter<PriceBreakdown>
{
    public override PriceBreakdown Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Json.Expect(ref reader, JsonTokenType.StartObject, "a price breakdown");
        string? total = null, currency = null;
        var lines = new List<PriceLine>();
        var kinds = new CamelCaseEnumConverter<PriceLineKind>().CreateConverter(typeof(PriceLineKind), options) as JsonConverter<PriceLineKind>
            ?? throw new InvalidOperationException("The enum converter did not make a converter for price line kinds.");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "total": total = reader.GetString(); break;
                case "currency": currency = reader.GetString(); break;
                case "lines":
                    Json.Expect(ref reader, JsonTokenType.StartArray, "the lines");
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        lines.Add(ReadLine(ref reader, kinds, options));
                    }

                    break;
                default: throw new JsonException($"A price breakdown has no property '{name}'.");
            }
        }

        return new PriceBreakdown([.. lines], new Money(Json.ParseAmount(total, "total"), currency ?? throw new JsonException("A price breakdown needs a currency.")));
    }

    public override void Write(Utf8JsonWriter writer, PriceBreakdown value, JsonSerializerOptions options)
    {
        var kinds = new CamelCaseEnumConverter<PriceLineKind>().CreateConverter(typeof(PriceLineKind), options) as JsonConverter<PriceLineKind>
            ?? throw new InvalidOperationException("The enum converter did not make a converter for price line kinds.");
        writer.WriteStartObject();
        writer.WriteString("total", Json.FormatAmount(value.Total.Amount, value.Total.Currency));
        writer.WriteString("currency", value.Total.Currency);
        writer.WriteStartArray("lines");
        foreach (var line in value.Lines)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("kind");
            kinds.Write(writer, line.Kind, options);
            writer.WriteString("id", line.Id);
            writer.WriteString("label", line.Label);
            writer.WriteString("amount", Json.FormatAmount(line.Amount, value.Total.Currency));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static PriceLine ReadLine(ref Utf8JsonReader reader, JsonConverter<PriceLineKind> kinds, JsonSerializerOptions options)
    {
        Json.Expect(ref reader, JsonTokenType.StartObject, "a price line");
        PriceLineKind? kind = null;
        string? id = null, label = null, amount = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "kind": kind = kinds.Read(ref reader, typeof(PriceLineKind), options); break;
                case "id": id = reader.GetString(); break;
                case "label": label = reader.GetString(); break;
                case "amount": amount = reader.GetString(); break;
                default: throw new JsonException($"A price line has no property '{name}'.");
            }
        }

        return new PriceLine(kind ?? throw new JsonException("A price line needs a kind."), id ?? "", label ?? "", Json.ParseAmount(amount, "amount"));
    }
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

        Json.Expect(ref reader, JsonTokenType.StartArray, "a list");
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
internal static class Json
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
