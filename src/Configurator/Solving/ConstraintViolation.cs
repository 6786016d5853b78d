using Configurator.Modeling;

namespace Configurator.Solving;

/// <summary>What a violation breaks.</summary>
public enum ViolationKind
{
    /// <summary>A rule or table constraint of the model.</summary>
    Constraint,

    /// <summary>A module's min/max: too few or too many options selected.</summary>
    Cardinality,
}

/// <summary>One reason a configuration is invalid. Immutable.</summary>
/// <param name="Kind">A constraint or a module's cardinality.</param>
/// <param name="ConstraintId">The constraint's id; <see langword="null"/> for cardinality.</param>
/// <param name="ModuleId">The module, for cardinality; <see langword="null"/> for constraints.</param>
/// <param name="Message">The constraint's message, or a description of the rule broken.</param>
/// <param name="Selections">The selections involved, as <c>module=option</c> items.</param>
public sealed record ConstraintViolation(ViolationKind Kind, string? ConstraintId, string? ModuleId, string Message, EquatableArray<string> Selections);

/// <summary>The verdict on a configuration: valid, or every violation. Immutable.</summary>
/// <param name="Violations">Every violation; empty when valid.</param>
public sealed record ValidationReport(EquatableArray<ConstraintViolation> Violations)
{
    /// <summary>Whether the configuration satisfies every constraint and cardinality.</summary>
    public bool IsValid => Violations.IsEmpty;
}
