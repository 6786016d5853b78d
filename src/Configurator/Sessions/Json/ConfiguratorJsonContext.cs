using System.Text.Json.Serialization;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Sessions.Json;
using Configurator.Solving;

namespace Configurator.Sessions;

// The generated context stays internal so that its generated members are not public API; shops
// reach it through ConfiguratorJson.Context.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [
        typeof(CamelCaseEnumConverter<SelectionSource>),
        typeof(CamelCaseEnumConverter<ChoiceKind>),
        typeof(CamelCaseEnumConverter<ChoiceOrigin>),
        typeof(CamelCaseEnumConverter<PriceLineKind>),
        typeof(BigIntegerJsonConverter),
        typeof(MoneyJsonConverter),
        typeof(SelectionJsonConverter),
        typeof(PriceRangeJsonConverter),
        typeof(PriceBreakdownJsonConverter),
        typeof(EquatableArrayJsonConverter<string>),
        typeof(EquatableArrayJsonConverter<CustomerChoice>),
        typeof(EquatableArrayJsonConverter<ModuleState>),
        typeof(EquatableArrayJsonConverter<OptionState>),
        typeof(EquatableArrayJsonConverter<Diagnosis>),
        typeof(EquatableArrayJsonConverter<ExplainedConstraint>),
        typeof(EquatableArrayJsonConverter<DroppedChoice>)])]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(ChoiceResult))]
[JsonSerializable(typeof(Explanation))]
[JsonSerializable(typeof(Diagnosis))]
[JsonSerializable(typeof(SessionDocument))]
[JsonSerializable(typeof(DroppedChoice))]
[JsonSerializable(typeof(EquatableArray<DroppedChoice>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(PriceBreakdown))]
[JsonSerializable(typeof(PriceRange))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(Selection))]
[JsonSerializable(typeof(PresetDistance))]
internal sealed partial class ConfiguratorJsonContext : JsonSerializerContext;
