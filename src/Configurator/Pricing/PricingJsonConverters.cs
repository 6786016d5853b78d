using System.Text.Json;
using System.Text.Json.Serialization;
using Configurator.Internal.Json;
using Configurator.Solving;

namespace Configurator.Pricing;

/// <summary>Money as <c>{"amount":"474.00","currency":"EUR"}</c>: the amount with exactly the currency's minor-unit digits.</summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? amount = null, currency = null;
        foreach (var (name, value) in JsonText.ReadStringObject(ref reader, "money"))
        {
            switch (name)
            {
                case "amount": amount = value; break;
                case "currency": currency = value; break;
                default: throw new JsonException($"Money has no property '{name}'.");
            }
        }

        return new Money(JsonText.ParseAmount(amount, "amount"), currency ?? throw new JsonException("Money needs a currency."));
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("amount", JsonText.FormatAmount(value.Amount, value.Currency));
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }
}

/// <summary>A price range as <c>{"min":"219.40","max":"474.00","currency":"EUR","cheapest":{…},"dearest":{…}}</c>.</summary>
internal sealed class PriceRangeJsonConverter : JsonConverter<PriceRange>
{
    public override PriceRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonText.Expect(ref reader, JsonTokenType.StartObject, "a price range");
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
        return new PriceRange(new Money(JsonText.ParseAmount(min, "min"), code), new Money(JsonText.ParseAmount(max, "max"), code),
            cheapest ?? Selection.Empty, dearest ?? Selection.Empty);
    }

    public override void Write(Utf8JsonWriter writer, PriceRange value, JsonSerializerOptions options)
    {
        var selections = SelectionJsonConverter.Instance;
        writer.WriteStartObject();
        writer.WriteString("min", JsonText.FormatAmount(value.Min.Amount, value.Min.Currency));
        writer.WriteString("max", JsonText.FormatAmount(value.Max.Amount, value.Max.Currency));
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
        JsonText.Expect(ref reader, JsonTokenType.StartObject, "a price breakdown");
        string? total = null, currency = null;
        var lines = new List<PriceLine>();
        var kinds = Kinds(options);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "total": total = reader.GetString(); break;
                case "currency": currency = reader.GetString(); break;
                case "lines":
                    JsonText.Expect(ref reader, JsonTokenType.StartArray, "the lines");
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        lines.Add(ReadLine(ref reader, kinds, options));
                    }

                    break;
                default: throw new JsonException($"A price breakdown has no property '{name}'.");
            }
        }

        return new PriceBreakdown([.. lines], new Money(JsonText.ParseAmount(total, "total"), currency ?? throw new JsonException("A price breakdown needs a currency.")));
    }

    public override void Write(Utf8JsonWriter writer, PriceBreakdown value, JsonSerializerOptions options)
    {
        var kinds = Kinds(options);
        writer.WriteStartObject();
        writer.WriteString("total", JsonText.FormatAmount(value.Total.Amount, value.Total.Currency));
        writer.WriteString("currency", value.Total.Currency);
        writer.WriteStartArray("lines");
        foreach (var line in value.Lines)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("kind");
            kinds.Write(writer, line.Kind, options);
            writer.WriteString("id", line.Id);
            writer.WriteString("label", line.Label);
            writer.WriteString("amount", JsonText.FormatAmount(line.Amount, value.Total.Currency));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The line kinds' converter, as the kind type's own attribute gives it.</summary>
    private static JsonConverter<PriceLineKind> Kinds(JsonSerializerOptions options) =>
        new CamelCaseEnumConverter<PriceLineKind>().CreateConverter(typeof(PriceLineKind), options) as JsonConverter<PriceLineKind>
            ?? throw new InvalidOperationException("The enum converter did not make a converter for price line kinds.");

    private static PriceLine ReadLine(ref Utf8JsonReader reader, JsonConverter<PriceLineKind> kinds, JsonSerializerOptions options)
    {
        JsonText.Expect(ref reader, JsonTokenType.StartObject, "a price line");
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

        return new PriceLine(kind ?? throw new JsonException("A price line needs a kind."), id ?? "", label ?? "", JsonText.ParseAmount(amount, "amount"));
    }
}
