namespace Configurator.Rules;

/// <summary>The type of a rule expression, as the checker infers it.</summary>
internal enum RuleType
{
    /// <summary>Already reported; suppresses follow-on errors.</summary>
    Error,
    Bool,
    Number,
    Text,

    /// <summary>A bare single-select module: comparable with an option id only.</summary>
    Module,
}
