using Configurator.Modeling;

namespace Configurator.Sessions;

/// <summary>A saved choice that no longer applies to the model a session resumed on, and why. Immutable.</summary>
/// <param name="Choice">The choice as saved.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record DroppedChoice(CustomerChoice Choice, string Reason);

/// <summary>A resumed session and the saved choices that could not be replayed. Immutable.</summary>
/// <param name="Session">The session, with every choice that still applies.</param>
/// <param name="Dropped">The choices left out, in order; empty when everything applied.</param>
/// <param name="ModelChanged">Whether the model's version differs from the one the session was saved with.</param>
public sealed record ResumedSession(ConfigurationSession Session, EquatableArray<DroppedChoice> Dropped, bool ModelChanged)
{
    /// <summary>
    /// The preset the session was saved from when the model no longer has it (the session then
    /// resumes from no preset, its choices replayed as they were); null when none was dropped.
    /// </summary>
    public string? DroppedPreset { get; init; }
}
