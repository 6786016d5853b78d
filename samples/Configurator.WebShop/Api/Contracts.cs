using System.Text.Json.Serialization;
using Configurator.Pricing;
using Configurator.Sessions;

namespace Configurator.WebShop.Api;

/// <summary>
/// A model in the catalogue: <c>count</c> and prices are strings so that no digit is lost; the
/// count is null for a model too large to count within the compiler's decision budget.
/// </summary>
public sealed record ModelSummary(string Id, string Name, string? Version, string? Count, string? Currency, string? MinPrice, string? MaxPrice, IReadOnlyList<PresetSummary> Presets);

/// <summary>A standard product of a model.</summary>
public sealed record PresetSummary(string Id, string Name);

/// <summary>
/// Starts a session on a model, from a preset when one is named; <c>strategy</c> "collaborative" starts a dialogue;
/// <c>culture</c> (such as zh-CN) picks the language of names, messages and price lines, else the request's Accept-Language does.
/// </summary>
public sealed record CreateSessionRequest(string? Model, string? Preset, string? Strategy = null, string? Culture = null);

/// <summary>One choice: <c>action</c> is "select" or "deselect".</summary>
public sealed record ChoiceRequest(string? Module, string? Option, string? Action);

/// <summary>The choice that conflicted, and which of its diagnoses (0-based) to apply.</summary>
public sealed record ResolveRequest(string? Module, string? Option, string? Action, int? Diagnosis);

/// <summary>
/// What a page shows: the session's state, each unavailable option with its reason. <c>completions</c> is a string of
/// digits, or null when the model is too large to count within its budget (there is at least one then).
/// </summary>
public sealed record SessionView(
    string Id,
    string Model,
    string? Version,
    int Step,
    bool Complete,
    bool Valid,
    string? Completions,
    PriceView? Price,
    IReadOnlyList<ModuleView> Modules,
    IReadOnlyList<string> Choices,
    string? Preset,
    NearestPresetView? NearestPreset,
    bool CanUndo,
    bool CanRedo,
    IReadOnlyList<FieldView> Personalization)
{
    /// <summary>The model's attributes (weight, power, lead time) as exact ranges over the completions of the choices.</summary>
    public IReadOnlyList<AttributeView> Attributes { get; init; } = [];

    /// <summary>How many modules match the request's <c>modules</c> and <c>search</c> before <c>skip</c> and <c>take</c> cut the page (every module's count without them).</summary>
    public int ModuleCount { get; init; }

    /// <summary>Choices a resumed session could not keep (only on <c>POST /api/sessions/resume</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DroppedView>? Dropped { get; init; }
}

/// <summary>The price: <c>min</c> and <c>max</c> while incomplete, <c>total</c> and <c>lines</c> when complete.</summary>
public sealed record PriceView(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Min,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Max,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Total,
    string Currency,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PriceLineView>? Lines);

/// <summary>An attribute: its exact range over the completions of the choices (null on a model too wide for one), and its value when complete.</summary>
public sealed record AttributeView(
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unit,
    decimal? Min,
    decimal? Max,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Value)
{
    /// <summary>As a page shows it: "19–29 kg" while open, "24 kg" when one value is left, "not bounded yet" on a model too wide for a range until it is complete.</summary>
    [JsonIgnore]
    public string Text => (Value ?? (Min == Max ? Min : null)) is { } one
        ? $"{one.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(Unit is null ? "" : " " + Unit)}"
        : Min is { } min && Max is { } max
            ? $"{min.ToString(System.Globalization.CultureInfo.InvariantCulture)}–{max.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(Unit is null ? "" : " " + Unit)}"
            : "not bounded yet";
}

/// <summary>One line of a breakdown.</summary>
public sealed record PriceLineView(string Kind, string Id, string Label, string Amount);

/// <summary>A module as a radio group (<c>max</c> 1) or a checkbox group.</summary>
public sealed record ModuleView(string Id, string Name, int Min, int Max, bool Decided, IReadOnlyList<OptionView> Options);

/// <summary>An option: whether it can be chosen next, whether it is selected and by whom, what it adds to the price, and why it is unavailable.</summary>
public sealed record OptionView(string Id, string Name, bool Available, bool Selected, SelectionSource Source, Money? PriceDifference, ReasonView? Reason);

/// <summary>Why an option is unavailable: the rules and the earlier choices (<c>module=option</c>) that rule it out.</summary>
public sealed record ReasonView(IReadOnlyList<ExplainedConstraint> Constraints, IReadOnlyList<string> Selections, string Message);

/// <summary>The standard product nearest to the configuration, and how many modules differ from it.</summary>
public sealed record NearestPresetView(string Id, string Name, int Distance, IReadOnlyList<string> DifferingModules);

/// <summary>The body of a 409: the choice conflicts; each diagnosis is a minimal set of earlier choices to give up. Nothing changed.</summary>
public sealed record ConflictView(bool Conflict, string Message, IReadOnlyList<IReadOnlyList<string>> Diagnoses, SessionView View);

/// <summary>A choice a resumed session could not keep, and why.</summary>
public sealed record DroppedView(string Choice, string Reason);

/// <summary>A personalization field (a name printed on the product, the packaging) and its value.</summary>
public sealed record FieldView(string Id, string Name, string Type, string? Value, bool Required, int? MaxLength, IReadOnlyList<string> Choices, decimal Price);

/// <summary>Sets one personalization field; an empty value clears it.</summary>
public sealed record PersonalizationRequest(string? Field, string? Value);
