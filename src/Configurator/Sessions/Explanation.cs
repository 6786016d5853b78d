using System.Text.Json.Serialization;
using Configurator.Internal.Json;
using Configurator.Modeling;

namespace Configurator.Sessions;

/// <summary>A constraint that takes part in ruling an option out. Immutable.</summary>
/// <param name="ConstraintId">Its id.</param>
/// <param name="Message">Its text for a customer: its message, else its name, else its id.</param>
public sealed record ExplainedConstraint([property: JsonPropertyName("id")] string ConstraintId, string Message);

/// <summary>
/// Why an option is unavailable: a minimal set of the customer's own choices and of constraints
/// that together rule it out. Removing any one of them would make the option available (or leave
/// no explanation). Defaults and forced selections are never cited. Immutable.
/// </summary>
/// <param name="ModuleId">The module.</param>
/// <param name="OptionId">The unavailable option.</param>
/// <param name="Choices">The customer's choices involved (a preset's included).</param>
/// <param name="Constraints">The constraints involved; none when the choices alone or the module's own limits rule it out (for example, its max).</param>
/// <param name="Selections">The same choices in command-line notation (<c>frame=arched</c>, <c>packs+=tech</c>, <c>colour-=black</c>).</param>
/// <param name="Message">A sentence for a customer, with the model's display names.</param>
public sealed record Explanation(
    [property: JsonPropertyName("module")] string ModuleId,
    [property: JsonPropertyName("option")] string OptionId,
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<CustomerChoice>))] EquatableArray<CustomerChoice> Choices,
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<ExplainedConstraint>))] EquatableArray<ExplainedConstraint> Constraints,
    [property: JsonConverter(typeof(EquatableArrayJsonConverter<string>))] EquatableArray<string> Selections,
    string Message)
{
    /// <summary>The sentence for a customer (<see cref="Message"/>).</summary>
    public override string ToString() => Message;
}
