using Configurator.Sessions;
using Configurator.Sessions.Storage;

namespace Configurator.Orleans;

/// <summary>
/// A session store whose documents live in the cluster's session grains (and through them in
/// grain storage): a web node that runs sessions itself, as the web shop does, saves each step
/// to the session's grain, so any node of the cluster resumes it and a node that dies loses
/// nothing. One grain per session id, so saves of one session are applied one at a time.
/// </summary>
/// <param name="grains">The cluster (a client or a co-hosted silo's grain factory).</param>
public sealed class ClusterSessionStore(IGrainFactory grains) : ISessionStore
{
    /// <inheritdoc />
    public Task SaveAsync(SessionDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(document.SessionId, nameof(document));
        cancellationToken.ThrowIfCancellationRequested();
        return grains.GetGrain<ISessionGrain>(document.SessionId).SaveDocumentAsync(document);
    }

    /// <inheritdoc />
    public Task<SessionDocument?> LoadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        cancellationToken.ThrowIfCancellationRequested();
        return grains.GetGrain<ISessionGrain>(sessionId).FindDocumentAsync();
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        cancellationToken.ThrowIfCancellationRequested();
        return grains.GetGrain<ISessionGrain>(sessionId).DeleteAsync();
    }
}
