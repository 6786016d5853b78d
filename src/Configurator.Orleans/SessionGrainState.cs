namespace Configurator.Orleans;

/// <summary>What grain storage holds for a session: its saved document (model id and version, strategy, choices in order), nothing compiled.</summary>
[GenerateSerializer]
internal sealed class SessionGrainState
{
    /// <summary>The session document's JSON, or null before the session starts.</summary>
    [Id(0)]
    public string? Document { get; set; }
}
