using System.Collections.Immutable;
using System.Text.Json;
using Configurator.Internal.Json;
using Configurator.Solving;

namespace Configurator.Strategies.Transparent;

/// <summary>
/// A profile as JSON: <c>{"preferences": [{"module", "option", "weight"}], "measurements": [{"property", "value", "weight"}],
/// "pastConfigurations": [{module: option or [options]}], "pastPurchaseWeight": 1}</c>; every part optional, weights default to 1.
/// Errors name the JSON path.
/// </summary>
internal static class CustomerProfileJson
{
    public static CustomerProfile Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Bad($"{path} must be an object with preferences, measurements and pastConfigurations");
        }

        var preferences = Items(element, path, "preferences").Select(item => new Preference(
            Text(item.Element, item.Path, "module"), Text(item.Element, item.Path, "option"), Number(item.Element, item.Path, "weight", 1)));
        var measurements = Items(element, path, "measurements").Select(item => new Measurement(
            Text(item.Element, item.Path, "property"), Number(item.Element, item.Path, "value", null), Number(item.Element, item.Path, "weight", 1)));
        var past = Items(element, path, "pastConfigurations").Select(item =>
            ConfigurationJson.Read(item.Element, item.Path, out var error) ?? throw Bad(error!));
        return new CustomerProfile
        {
            Preferences = [.. preferences],
            Measurements = [.. measurements],
            PastConfigurations = [.. past],
            PastPurchaseWeight = Number(element, path, "pastPurchaseWeight", 1),
        };
    }

    public static void Write(Utf8JsonWriter writer, CustomerProfile profile)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("preferences");
        foreach (var preference in profile.Preferences)
        {
            writer.WriteStartObject();
            writer.WriteString("module", preference.ModuleId);
            writer.WriteString("option", preference.OptionId);
            writer.WriteNumber("weight", preference.Weight);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("measurements");
        foreach (var measurement in profile.Measurements)
        {
            writer.WriteStartObject();
            writer.WriteString("property", measurement.Property);
            writer.WriteNumber("value", measurement.Value);
            writer.WriteNumber("weight", measurement.Weight);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("pastConfigurations");
        foreach (var configuration in profile.PastConfigurations)
        {
            ConfigurationJson.Write(writer, configuration);
        }

        writer.WriteEndArray();
        writer.WriteNumber("pastPurchaseWeight", profile.PastPurchaseWeight);
        writer.WriteEndObject();
    }

    /// <summary>A syntax error's place in words: " (line 3, position 7)".</summary>
    public static string Where(JsonException e) =>
        e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";

    public static ConfiguratorException Bad(string message) => new(ConfiguratorErrorCodes.InvalidProfile, $"{message}.");

    private static ImmutableArray<(JsonElement Element, string Path)> Items(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var items) || items.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray().Select((item, i) => (item, $"{path}.{name}[{i}]"))]
            : throw Bad($"{path}.{name} must be a list");
    }

    private static string Text(JsonElement item, string path, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Bad($"{path}.{name} must be a non-empty string");

    private static decimal Number(JsonElement item, string path, string name, decimal? fallback)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : throw Bad($"{path}.{name} must be a number");
        }

        return fallback ?? throw Bad($"{path}.{name} is missing: a number");
    }
}
