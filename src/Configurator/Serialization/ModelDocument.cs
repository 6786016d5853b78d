using System.Text.Json.Serialization;

namespace Configurator.Serialization;

// The JSON shape of the model format, for writing with the source-generated serializer.
// Optional members are null when they hold their default, so the output stays as short as a hand-written model.
internal sealed record ModelDocument(
    int FormatVersion,
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    string? DefaultCulture,
    string? Version,
    string Currency,
    decimal? BasePrice,
    List<ModuleDocument> Modules,
    List<ConstraintDocument>? Constraints,
    List<PriceRuleDocument>? PriceRules,
    List<PresetDocument>? Presets,
    List<PersonalizationDocument>? Personalization,
    List<AttributeDocument>? Attributes,
    List<PartDocument>? Parts,
    List<BomRuleDocument>? BomRules);

internal sealed record ModuleDocument(
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    int? Min,
    int? Max,
    [property: JsonPropertyName("default")] SelectionDocument? Default,
    bool? Adjustable,
    List<OptionDocument> Options);

internal sealed record OptionDocument(
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    decimal? Price,
    Dictionary<string, NumberOrText>? Properties,
    Dictionary<string, decimal>? Parts,
    string? ValidFrom,
    string? ValidTo);

internal sealed record ConstraintDocument(
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    string? Message,
    string? Rule,
    TableDocument? Table,
    string? ValidFrom,
    string? ValidTo);

internal sealed record TableDocument(
    List<string> Modules,
    List<List<string?>>? Allowed,
    List<List<string?>>? Forbidden);

internal sealed record PriceRuleDocument(
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    string? When,
    NumberOrText? Add,
    decimal? Percent,
    string? ValidFrom,
    string? ValidTo);

internal sealed record PresetDocument(
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    Dictionary<string, SelectionDocument> Selections,
    string? ValidFrom,
    string? ValidTo);

internal sealed record PersonalizationDocument(
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    string Type,
    int? MaxLength,
    string? Pattern,
    bool? Required,
    decimal? Price,
    List<string>? Choices);

internal sealed record AttributeDocument(
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    string Property,
    string? Unit,
    string? Aggregate);

internal sealed record PartDocument(
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    string? Unit);

internal sealed record BomRuleDocument(
    string Id,
    string? Name,
    Dictionary<string, string>? Labels,
    string? When,
    Dictionary<string, NumberOrText> Parts,
    string? ValidFrom,
    string? ValidTo);

/// <summary>A number, or a text when <see cref="Text"/> is set: an option property, or a price rule's <c>add</c> (an expression).</summary>
[JsonConverter(typeof(NumberOrTextConverter))]
internal readonly record struct NumberOrText(decimal Number, string? Text);

/// <summary>A selection: one option id (<see cref="AsList"/> false), a list of ids, or null when empty.</summary>
[JsonConverter(typeof(SelectionDocumentConverter))]
internal sealed record SelectionDocument(IReadOnlyList<string> OptionIds, bool AsList);
