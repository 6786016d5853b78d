using Configurator.Modeling;

namespace Configurator.Sessions;

/// <summary>What a customer did to a module.</summary>
public enum ChoiceKind
{
    /// <summary>Wants the option (in a single-select module: this option and no other).</summary>
    Select,

    /// <summary>Does not want the option.</summary>
    Deselect,

    /// <summary>Wants exactly these options in the module (none for an optional module left empty).</summary>
    Set,
}

/// <summary>One of the customer's own choices in a session. Immutable.</summary>
/// <param name="Kind">Select, deselect or set.</param>
/// <param name="ModuleId">The module.</param>
/// <param name="OptionIds">The option (select, deselect) or options (set).</param>
public sealed record CustomerChoice(ChoiceKind Kind, string ModuleId, EquatableArray<string> OptionIds)
{
    /// <summary>Formats as <c>frame=arched</c>, <c>extras+=lock</c> or <c>extras-=lock</c>.</summary>
    public override string ToString() => Kind switch
    {
        ChoiceKind.Set => $"{ModuleId}={string.Join('+', OptionIds)}",
        ChoiceKind.Select => $"{ModuleId}+={string.Join('+', OptionIds)}",
        _ => $"{ModuleId}-={string.Join('+', OptionIds)}",
    };
}
