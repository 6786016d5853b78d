using System.Text.Json.Serialization;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Sessions;

// The generated context stays internal so that its generated members are not public API; shops
// reach it through ConfiguratorJson.Context.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(ChoiceResult))]
[JsonSerializable(typeof(Explanation))]
[JsonSerializable(typeof(Diagnosis))]
[JsonSerializable(typeof(SessionDocument))]
[JsonSerializable(typeof(DroppedChoice))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(PriceBreakdown))]
[JsonSerializable(typeof(PriceRange))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(Selection))]
[JsonSerializable(typeof(PresetDistance))]
[JsonSerializable(typeof(AttributeState))]
internal sealed partial class ConfiguratorJsonContext : JsonSerializerContext;
