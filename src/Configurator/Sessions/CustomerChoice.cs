using System.Text.Json.Serialization;
using Configurator.Internal.Json;
using Configurator.Modeling;

namespace Configurator.Sessions;

/// <summary>What a customer did to a module.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ChoiceKind>))]
public enum ChoiceKind
{
    /// <summary>Wants the option (in a single-select module: this option and no other).</summary>
    Select,

    /// <summary>Does not want the option: rules it out.</summary>
    Deselect,

    /// <summary>Wants exactly these options in a single-select module (none for an optional module left empty).</summary>
    Set,
}

/// <summary>Where a choice comes from.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ChoiceOrigin>))]
public enum ChoiceOrigin
{
    /// <summary>The customer made it.</summary>
    Customer,

    /// <summary>A preset (a standard product) made it; it behaves exactly like a customer's choice.</summary>
    Preset,

    /// <summary>
    /// The session made it to keep the product complete after the customer's change (the adaptive
    /// strategy fills the modules a change left open); it behaves exactly like a customer's choice.
    /// </summary>
    Completion,
}

/// <summary>One of the customer's own choices in a session. Immutable.</summary>
/// <param name="Kind">Select, deselect or set.</param>
/// <param name="ModuleId">The module.</param>
/// <param name="OptionIds">The option (select, deselect) or options (set).</param>
public sealed record CustomerChoice(
    ChoiceKind Kind,
    [property: JsonPropertyName("module")] string ModuleId,
    [property: JsonPropertyName("options"), JsonConverter(typeof(EquatableArrayJsonConverter<string>))] EquatableArray<string> OptionIds)
{
    /// <summary>Whether the customer made the choice, a preset did, or the session did to keep the product complete.</summary>
    /// <value>Defaults to <see cref="ChoiceOrigin.Customer"/>.</value>
    public ChoiceOrigin Origin { get; init; }

    /// <summary>
    /// Formats as on the command line: <c>frame=arched</c> (a selection, or a whole module set),
    /// <c>extras+=lock</c> (an option added to a multi-select module) or <c>colour-=black</c>
    /// (ruled out). Without the model at hand a select is written <c>+=</c>; the session's
    /// explanations write <c>=</c> for single-select modules.
    /// </summary>
    public override string ToString() => ToNotation(multiSelect: true);

    /// <summary>The command-line notation, knowing whether the module is multi-select (<c>frame=arched</c> rather than <c>frame+=arched</c>).</summary>
    /// <param name="multiSelect">Whether the choice's module is multi-select.</param>
    public string ToNotation(bool multiSelect) => Kind switch
    {
        ChoiceKind.Set => $"{ModuleId}={string.Join('+', OptionIds)}",
        ChoiceKind.Select => multiSelect ? $"{ModuleId}+={string.Join('+', OptionIds)}" : $"{ModuleId}={string.Join('+', OptionIds)}",
        _ => $"{ModuleId}-={string.Join('+', OptionIds)}",
    };
}
