using Configurator.Sessions;

namespace Configurator.Orleans;

/// <summary>
/// One configuration session as a grain, keyed by the session id: the library's session API over
/// the cluster. Every change is in grain storage before the call returns; a grain activated on any
/// silo replays the stored choices against that silo's compiled model.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the session on a model (from a preset when one is named), replacing anything stored under this id.</summary>
    /// <param name="modelId">The model's id in the silo's model catalog.</param>
    /// <param name="presetId">A preset to start from, or null.</param>
    /// <returns>The first view.</returns>
    /// <exception cref="ConfiguratorException">No such model or preset.</exception>
    Task<SessionState> StartAsync(string modelId, string? presetId);

    /// <summary>
    /// Starts the session in the customer's culture: names, explanations and price lines from the
    /// model's labels for it (see <see cref="Modeling.ModelText"/>). The stored session keeps the
    /// culture, so every silo that activates it later speaks it too.
    /// </summary>
    /// <param name="modelId">The model's id in the silo's model catalog.</param>
    /// <param name="presetId">A preset to start from, or null.</param>
    /// <param name="culture">A culture name such as <c>zh-CN</c>.</param>
    /// <returns>The first view.</returns>
    /// <exception cref="ConfiguratorException">No such model or preset, or a culture the silo does not know (<see cref="ConfiguratorErrorCodes.InvalidInput"/>).</exception>
    Task<SessionState> StartAsync(string modelId, string? presetId, string culture);

    /// <summary>What the session shows now, every unavailable option explained.</summary>
    /// <exception cref="ConfiguratorException">No session was started under this id (<see cref="ConfiguratorErrorCodes.UnknownSession"/>).</exception>
    Task<SessionState> ViewAsync();

    /// <summary>Applies a choice when it is consistent; a conflict changes nothing and carries its diagnoses.</summary>
    /// <param name="choice">The choice.</param>
    Task<ChoiceResult> ChooseAsync(CustomerChoice choice);

    /// <summary>Applies a choice that conflicts, dropping the earlier choices of the diagnosis at <paramref name="diagnosisIndex"/>.</summary>
    /// <param name="choice">The choice.</param>
    /// <param name="diagnosisIndex">The index of one of the conflict's diagnoses.</param>
    Task<SessionState> ResolveAsync(CustomerChoice choice, int diagnosisIndex);

    /// <summary>Takes the last step back.</summary>
    Task<SessionState> UndoAsync();

    /// <summary>Repeats a step taken back.</summary>
    Task<SessionState> RedoAsync();

    /// <summary>Back to the start (the preset, if the session began from one).</summary>
    Task<SessionState> ResetAsync();

    /// <summary>Why an option is unavailable, or null when it is available.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionId">The option.</param>
    Task<Explanation?> ExplainAsync(string moduleId, string optionId);

    /// <summary>The saved document (what grain storage holds), for a cart or an export.</summary>
    Task<SessionDocument> DocumentAsync();

    /// <summary>The stored document, or null when no session was started or saved under this id.</summary>
    Task<SessionDocument?> FindDocumentAsync();

    /// <summary>
    /// Stores a document that a caller advanced itself (a web node that keeps its own live copy),
    /// replacing what is stored; the next session call here resumes from it.
    /// </summary>
    /// <param name="document">The document; its session id must be this grain's key.</param>
    /// <exception cref="ConfiguratorException">The document names another session (<see cref="ConfiguratorErrorCodes.InvalidSessionDocument"/>).</exception>
    Task SaveDocumentAsync(SessionDocument document);

    /// <summary>Forgets the session and its stored document; false when there was none.</summary>
    Task<bool> DeleteAsync();
}
