using Configurator.Internal;
using Microsoft.Extensions.Caching.Distributed;

namespace Configurator.Sessions.Storage;

/// <summary>
/// Sessions in an <see cref="IDistributedCache"/> (Redis, SQL Server, NCache, ...) as their saved
/// JSON documents with a sliding expiry, so that any web node resumes any session and sessions
/// survive a restart. Thread-safe as the cache is.
/// </summary>
public sealed class DistributedCacheSessionStore : ISessionStore
{
    private readonly IDistributedCache _cache;
    private readonly TimeSpan _expiry;
    private readonly string _prefix;

    /// <summary>Creates the store over a cache.</summary>
    /// <param name="cache">The distributed cache.</param>
    /// <param name="options">Expiry and key prefix; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is not positive.</exception>
    public DistributedCacheSessionStore(IDistributedCache cache, SessionStoreOptions? options = null)
    {
        _cache = Guard.NotNull(cache);
        var given = options ?? new SessionStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(given.Expiry, TimeSpan.Zero, nameof(options));
        (_expiry, _prefix) = (given.Expiry, given.KeyPrefix ?? "");
    }

    /// <inheritdoc />
    public Task SaveAsync(SessionDocument document, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(document);
        var id = document.SessionId;
        ArgumentException.ThrowIfNullOrEmpty(id, nameof(document));
        return _cache.SetStringAsync(_prefix + id, document.ToJson(), new DistributedCacheEntryOptions { SlidingExpiration = _expiry }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SessionDocument?> LoadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(sessionId);
        var json = await _cache.GetStringAsync(_prefix + sessionId, cancellationToken).ConfigureAwait(false);
        return json is null ? null : SessionDocument.Parse(json);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(sessionId);
        var key = _prefix + sessionId;
        var existed = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null;
        await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        return existed;
    }
}
