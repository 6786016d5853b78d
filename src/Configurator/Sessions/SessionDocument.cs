using System.Text.Json.Serialization;

namespace Configurator.Sessions;

// The JSON shape of a saved session: the model it was made with and the customer's choices in order.
internal sealed record SessionDocument(int FormatVersion, string Model, string? ModelVersion, string? Preset, List<ChoiceDocument> Choices);

internal sealed record ChoiceDocument(string Kind, string Module, List<string> Options);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SessionDocument))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
