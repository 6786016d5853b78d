using System.Text.Json.Serialization;
using System.Text.Json;
using Configurator.Internal.Json;
using Configurator.Internal;
using Configurator.Modeling;

namespace Configurator.Sessions;

/// <summary>
/// A saved session: the model it was made with, the preset it started from, the strategy, and the
/// customer's choices in order. It is all that is needed to resume the session on any machine; read
/// it with <see cref="Parse"/> to pick the model before resuming. Immutable.
/// </summary>
/// <param name="FormatVersion">The document format; this library writes and reads 1.</param>
/// <param name="ModelId">The model's id.</param>
/// <param name="ModelVersion">The model's version when saved.</param>
/// <param name="Preset">The preset the session started from, if any.</param>
/// <param name="Choices">The choices, in order.</param>
public sealed record SessionDocument(
    int FormatVersion,
    [property: JsonPropertyName("model")] string ModelId,
    string? ModelVersion,
    string? Preset,
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<CustomerChoice>))] EquatableArray<CustomerChoice> Choices)
{
    /// <summary>The format version this library writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The session's id.</summary>
    [JsonPropertyName("id")]
    public string? SessionId { get; init; }

    /// <summary>The strategy that drove the session, by name; null for a free session.</summary>
    public string? Strategy { get; init; }

    /// <summary>The culture the customer read the session in (such as <c>zh-CN</c>); null for the model's default text.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Culture { get; init; }

    /// <summary>The personalization values (field id to value) the customer entered; null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Personalization { get; init; }

    /// <summary>Reads a saved session.</summary>
    /// <param name="json">What <see cref="ConfigurationSession.Save"/> wrote.</param>
    /// <exception cref="ConfiguratorException">The text is not a saved session (<see cref="ConfiguratorErrorCodes.InvalidSessionDocument"/>), with the reason.</exception>
    public static SessionDocument Parse(string json)
    {
        Guard.NotNull(json);
        SessionDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ConfiguratorJsonContext.Default.SessionDocument);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidSessionDocument, $"This is not a saved session{where}: {e.Message}", e);
        }

        return document switch
        {
            null => throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidSessionDocument, "The saved session is empty (null)."),
            { FormatVersion: not CurrentFormatVersion } => throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidSessionDocument,
                $"The saved session has format version {document.FormatVersion}; this library reads version {CurrentFormatVersion}."),
            { ModelId: null or "" } => throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidSessionDocument, "The saved session names no model ($.model)."),
            _ when document.Choices.Any(c => c is null || string.IsNullOrEmpty(c.ModuleId)) =>
                throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidSessionDocument, "A saved choice names no module ($.choices[*].module)."),
            _ => document,
        };
    }

    /// <summary>Writes the document as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ConfiguratorJsonContext.Default.SessionDocument);
}
