namespace Configurator.Sessions.Storage;

/// <summary>
/// Where sessions wait between requests: saved documents by session id, each kept until it has
/// gone unused for <see cref="SessionStoreOptions.Expiry"/>. Thread-safe. With a distributed store
/// any web node can resume any session.
/// </summary>
public interface ISessionStore
{
    /// <summary>Saves (or replaces) a session's document under its id; the expiry starts again.</summary>
    /// <param name="document">The document; its <see cref="SessionDocument.SessionId"/> is the key.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <exception cref="ArgumentException">The document has no session id.</exception>
    Task SaveAsync(SessionDocument document, CancellationToken cancellationToken = default);

    /// <summary>The saved document, or null when there is none (never saved, deleted or expired); a load restarts the expiry.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="ConfiguratorException">What is stored is not a saved session (<see cref="ConfiguratorErrorCodes.InvalidSessionDocument"/>).</exception>
    Task<SessionDocument?> LoadAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Forgets a session; false when there was none.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    Task<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default);
}
