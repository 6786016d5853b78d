using System.Numerics;
using System.Text.Json.Serialization;
using Configurator.Internal.Json;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Sessions;

/// <summary>Why an option is selected or ruled out, or a module decided.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SelectionSource>))]
public enum SelectionSource
{
    /// <summary>Nothing decides it: the option is free (not selected unless chosen).</summary>
    None,

    /// <summary>The customer chose it (selected it, or ruled it out).</summary>
    Customer,

    /// <summary>The preset the customer started from (or returned to) chose it; it counts as the customer's choice.</summary>
    Preset,

    /// <summary>The module's default, applied because it fits the choices; any choice overrides it.</summary>
    Default,

    /// <summary>The choices leave no alternative.</summary>
    Forced,

    /// <summary>
    /// The session chose it to keep the product complete after the customer's change (the adaptive
    /// strategy's fill, <see cref="ChoiceOrigin.Completion"/>); it counts as the customer's choice.
    /// </summary>
    Completion,
}

/// <summary>One option as the session shows it. Immutable.</summary>
/// <param name="OptionId">The option.</param>
/// <param name="Name">Its display name (the id when the model gives none).</param>
/// <param name="IsAvailable">Whether choosing it next is applied without giving up any of the customer's other choices (so it never leads to a dead end).</param>
/// <param name="IsSelected">Whether the configuration the customer would get now includes it.</param>
/// <param name="Source">Who selected it or ruled it out; <see cref="SelectionSource.None"/> when it is free.</param>
public sealed record OptionState(
    [property: JsonPropertyName("id")] string OptionId,
    string Name,
    [property: JsonPropertyName("available")] bool IsAvailable,
    [property: JsonPropertyName("selected")] bool IsSelected,
    SelectionSource Source)
{
    /// <summary>
    /// With pricing: how much the cheapest valid configuration changes if the customer chooses this
    /// option (on top of their other choices); null without pricing or when unavailable.
    /// </summary>
    public Money? PriceDifference { get; init; }

    /// <summary>
    /// Why the option is unavailable; filled in by <see cref="ConfigurationSession.View"/> (null in
    /// <see cref="ConfigurationSession.State"/>, which skips explanations to keep steps fast).
    /// </summary>
    public Explanation? Reason { get; init; }
}

/// <summary>One module as the session shows it. Immutable.</summary>
/// <param name="ModuleId">The module.</param>
/// <param name="Name">Its display name (the id when the model gives none).</param>
/// <param name="Min">The fewest options a configuration selects here.</param>
/// <param name="Max">The most options a configuration selects here.</param>
/// <param name="Options">Every option, in model order.</param>
/// <param name="SelectedOptionIds">The options the configuration would include now, in model order (customer, preset, default or forced).</param>
/// <param name="Source">Who decided the module: the customer or a preset when any choice concerns it, else a default, else forced when one selection is left; otherwise none.</param>
/// <param name="IsDecided">Whether exactly one selection of the module is still possible.</param>
public sealed record ModuleState(
    [property: JsonPropertyName("id")] string ModuleId,
    string Name,
    int Min,
    int Max,
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<OptionState>))] EquatableArray<OptionState> Options,
    [property: JsonPropertyName("selected"), JsonConverter(typeof(EquatableArrayJsonConverter<string>))] EquatableArray<string> SelectedOptionIds,
    SelectionSource Source,
    [property: JsonPropertyName("decided")] bool IsDecided)
{
    /// <summary>The options that can still be chosen without a conflict.</summary>
    [JsonIgnore]
    public IEnumerable<string> AvailableOptionIds => Options.Where(o => o.IsAvailable).Select(o => o.OptionId);

    /// <summary>The state of one option.</summary>
    /// <param name="optionId">The option id.</param>
    /// <exception cref="InvalidSelectionException">The module has no such option.</exception>
    public OptionState this[string optionId] => Options.FirstOrDefault(o => o.OptionId == optionId)
        ?? throw new InvalidSelectionException(Internal.KnownNames.NoOption(ModuleId, optionId, [.. Options.Select(o => o.OptionId)]), ModuleId, optionId);
}

/// <summary>
/// What the session shows after a step: made to be sent (see <see cref="ConfiguratorJson"/>).
/// Immutable.
/// </summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="ModelId">The model's id.</param>
/// <param name="ModelVersion">The model's version.</param>
/// <param name="Step">How many steps the session has taken (it grows with every change, undo and redo included).</param>
/// <param name="Modules">Every module, in model order.</param>
/// <param name="Choices">The customer's own choices (and a preset's), in order.</param>
/// <param name="Completions">How many valid configurations keep all of the customer's choices (defaults aside); null when the model is too large to count them within <see cref="Solving.CompilerOptions.CircuitDecisionBudget"/>, in which case there is at least one.</param>
/// <param name="Configuration">The configuration the customer gets now, when it is complete and valid; otherwise null.</param>
public sealed record SessionState(
    [property: JsonPropertyName("id")] string SessionId,
    [property: JsonPropertyName("model")] string ModelId,
    [property: JsonPropertyName("version")] string? ModelVersion,
    int Step,
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<ModuleState>))] EquatableArray<ModuleState> Modules,
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<CustomerChoice>))] EquatableArray<CustomerChoice> Choices,
    [property: JsonConverter(typeof(BigIntegerJsonConverter))] BigInteger? Completions,
    Selection? Configuration)
{
    /// <summary>The preset the session started from, if any.</summary>
    [JsonPropertyName("preset")]
    public string? PresetId { get; init; }

    /// <summary>With pricing: the exact lowest and highest price over every completion of the customer's choices.</summary>
    public PriceRange? Price { get; init; }

    /// <summary>With pricing, when complete: the price of <see cref="Configuration"/> line by line.</summary>
    public PriceBreakdown? Breakdown { get; init; }

    /// <summary>The model's attributes (weight, power, lead time) as exact ranges over every completion of the customer's choices, in model order; empty when the model declares none.</summary>
    [JsonConverter(typeof(EquatableArrayJsonConverter<AttributeState>))]
    public EquatableArray<AttributeState> Attributes { get; init; }

    /// <summary>Whether the configuration the customer gets now is complete and valid (every module decided or left empty where it may be).</summary>
    [JsonPropertyName("complete")]
    public bool IsComplete => Configuration is not null;

    /// <summary>Whether the customer's choices admit at least one valid configuration (a session never accepts a choice that breaks this).</summary>
    [JsonPropertyName("valid")]
    public bool IsValid => Completions is not { IsZero: true };

    /// <summary>The state of one module.</summary>
    /// <param name="moduleId">The module id.</param>
    /// <exception cref="InvalidSelectionException">The model has no such module.</exception>
    public ModuleState this[string moduleId] => Modules.FirstOrDefault(m => m.ModuleId == moduleId)
        ?? throw new InvalidSelectionException(Internal.KnownNames.NoModule(moduleId, [.. Modules.Select(m => m.ModuleId)]), moduleId, null, ConfiguratorErrorCodes.UnknownModule);
}
