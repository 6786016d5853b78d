using System.Buffers;
using System.Text;
using System.Text.Json;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Solving;

namespace Configurator.Strategies.Transparent;

/// <summary>A customer's liking for an option. Immutable.</summary>
/// <param name="ModuleId">The module.</param>
/// <param name="OptionId">The option.</param>
/// <param name="Weight">How much it counts (negative for a dislike).</param>
public sealed record Preference(string ModuleId, string OptionId, decimal Weight);

/// <summary>A measurement of the customer, matched against a numeric option property of the same name. Immutable.</summary>
/// <param name="Property">The property, such as <c>neckCm</c>.</param>
/// <param name="Value">The customer's value.</param>
/// <param name="Weight">How much each unit of difference costs.</param>
public sealed record Measurement(string Property, decimal Value, decimal Weight = 1);

/// <summary>What the shop knows of a customer, for transparent customization. Immutable.</summary>
public sealed record CustomerProfile
{
    /// <summary>Options the customer likes or dislikes.</summary>
    public EquatableArray<Preference> Preferences { get; init; }

    /// <summary>Measurements, such as body sizes.</summary>
    public EquatableArray<Measurement> Measurements { get; init; }

    /// <summary>Configurations the customer bought before.</summary>
    public EquatableArray<Selection> PastConfigurations { get; init; }

    /// <summary>How much each past purchase of an option counts.</summary>
    /// <value>Defaults to 1.</value>
    public decimal PastPurchaseWeight { get; init; } = 1;

    /// <summary>
    /// Reads a profile written as JSON: <c>{"preferences": [{"module": "colour", "option": "blue", "weight": 2}],
    /// "measurements": [{"property": "neckCm", "value": 41, "weight": 1}], "pastConfigurations": [{"collar": "kent", "extras": ["monogram"]}],
    /// "pastPurchaseWeight": 1}</c>. Every part may be left out; weights default to 1.
    /// </summary>
    /// <param name="json">The text <see cref="ToJson"/> writes.</param>
    /// <exception cref="ConfiguratorException">The text is not a profile (<see cref="ConfiguratorErrorCodes.InvalidProfile"/>): the message names the line and position or the JSON path.</exception>
    public static CustomerProfile Parse(string json)
    {
        Guard.NotNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return CustomerProfileJson.Read(document.RootElement, "$");
        }
        catch (JsonException e)
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidProfile, $"This is not a customer profile{CustomerProfileJson.Where(e)}: {e.Message}", e);
        }
    }

    /// <summary>Writes the profile as JSON that <see cref="Parse"/> reads back to an equal profile.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            CustomerProfileJson.Write(writer, this);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
