using Configurator.Modeling;

namespace Configurator.Sessions;

/// <summary>A constraint that takes part in ruling an option out. Immutable.</summary>
/// <param name="ConstraintId">Its id.</param>
/// <param name="Message">Its message (or name, or rule text).</param>
public sealed record ExplainedConstraint(string ConstraintId, string Message);

/// <summary>
/// Why an option is unavailable: a minimal set of the customer's own choices and of constraints
/// that together rule it out. Removing any one of them would make the option available (or leave
/// no explanation). Defaults and forced selections are never cited. Immutable.
/// </summary>
/// <param name="ModuleId">The module.</param>
/// <param name="OptionId">The unavailable option.</param>
/// <param name="Choices">The customer's choices involved.</param>
/// <param name="Constraints">The constraints involved; none when the module's own limits rule it out (for example, its max).</param>
public sealed record Explanation(string ModuleId, string OptionId, EquatableArray<CustomerChoice> Choices, EquatableArray<ExplainedConstraint> Constraints)
{
    /// <summary>A sentence for a customer, such as "Not available with frame=arched: Arched frames need ...".</summary>
    public override string ToString()
    {
        var because = Constraints.IsEmpty ? $"module '{ModuleId}' does not permit more" : string.Join("; ", Constraints.Select(c => c.Message));
        return Choices.IsEmpty
            ? $"{ModuleId}={OptionId} is never available: {because}"
            : $"{ModuleId}={OptionId} is not available with {string.Join(", ", Choices)}: {because}";
    }
}
