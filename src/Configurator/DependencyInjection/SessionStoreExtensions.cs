using Configurator.Internal;
using Configurator.Sessions;
using Configurator.Sessions.Storage;

namespace Configurator.DependencyInjection;

/// <summary>Saving a session and resuming it on any node: the session store with the model catalog.</summary>
public static class SessionStoreExtensions
{
    /// <summary>Saves the session's document under its id.</summary>
    /// <param name="store">The store.</param>
    /// <param name="session">The session.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public static Task SaveAsync(this ISessionStore store, ConfigurationSession session, CancellationToken cancellationToken = default) =>
        Guard.NotNull(store).SaveAsync(Guard.NotNull(session).ToDocument(), cancellationToken);

    /// <summary>
    /// Loads a session, picks its model from the catalog by the saved model id and resumes it
    /// (choices a newer model version no longer allows are reported in <see cref="ResumedSession.Dropped"/>).
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="sessionId">The session id.</param>
    /// <param name="catalog">The shop's models.</param>
    /// <param name="options">Pricing and history limit for the resumed session; the saved id and strategy are kept.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="ConfiguratorException">No such session (<see cref="ConfiguratorErrorCodes.UnknownSession"/>), its model is gone (<see cref="ConfiguratorErrorCodes.UnknownModel"/>), or what is stored is not a saved session.</exception>
    public static async Task<ResumedSession> ResumeAsync(this ISessionStore store, string sessionId, IModelCatalog catalog, SessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(store);
        Guard.NotNull(sessionId);
        Guard.NotNull(catalog);
        var document = await store.LoadAsync(sessionId, cancellationToken).ConfigureAwait(false)
            ?? throw new ConfiguratorException(ConfiguratorErrorCodes.UnknownSession, $"There is no session '{sessionId}' (never started, ended, or expired).");
        if (!catalog.TryGet(document.ModelId, out var model))
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.UnknownModel, $"Session '{sessionId}' was made with model '{document.ModelId}', which the catalog no longer has.");
        }

        return ConfigurationSession.Resume(model, document, options);
    }
}
