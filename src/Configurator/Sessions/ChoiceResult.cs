using System.Text.Json.Serialization;
using Configurator.Internal.Json;
using Configurator.Modeling;

namespace Configurator.Sessions;

/// <summary>One way out of a conflict: earlier choices to give up. Immutable.</summary>
/// <param name="ChoicesToDrop">A minimal set of the customer's earlier choices: without them the new choice fits, and keeping any one of them back does not.</param>
/// <param name="Selections">The same choices in command-line notation (<c>frame=arched</c>, <c>packs+=tech</c>).</param>
public sealed record Diagnosis(
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<CustomerChoice>))] EquatableArray<CustomerChoice> ChoicesToDrop,
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<string>))] EquatableArray<string> Selections);

/// <summary>The outcome of a choice. Immutable.</summary>
/// <param name="Applied">Whether the choice was applied.</param>
/// <param name="Choice">The choice asked for.</param>
/// <param name="Diagnoses">When it conflicts: the minimal sets of earlier choices to give up, smallest first (empty when no set of them would help).</param>
/// <param name="Explanation">When it conflicts: why the option is unavailable.</param>
/// <param name="State">What the session shows after the call: the new state when applied, the unchanged one on a conflict. Taken under the session's lock, so it belongs to this call even when others run at once.</param>
public sealed record ChoiceResult(
    bool Applied,
    CustomerChoice Choice,
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<Diagnosis>))] EquatableArray<Diagnosis> Diagnoses,
    Explanation? Explanation,
    SessionState State)
{
    /// <summary>Whether the choice conflicts with earlier ones and was not applied.</summary>
    public bool IsConflict => !Applied;
}
