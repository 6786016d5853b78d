using System.Collections.Concurrent;
using Configurator.Internal;

namespace Configurator.Sessions.Storage;

/// <summary>Sessions in this process's memory, each kept until unused for the expiry. Thread-safe.</summary>
public sealed class InMemorySessionStore : ISessionStore
{
    // Documents are immutable records, so storing them needs no copy.
    private readonly ConcurrentDictionary<string, (SessionDocument Document, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);
    private readonly TimeSpan _expiry;
    private readonly TimeProvider _time;
    private int _saves;

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">The expiry; defaults when null.</param>
    /// <param name="time">The clock; the system's when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is not positive.</exception>
    public InMemorySessionStore(SessionStoreOptions? options = null, TimeProvider? time = null)
    {
        _expiry = options?.Expiry ?? new SessionStoreOptions().Expiry;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_expiry, TimeSpan.Zero, nameof(options));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many sessions are stored, expired ones not yet swept included.</summary>
    public int Count => _sessions.Count;

    /// <inheritdoc />
    public Task SaveAsync(SessionDocument document, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(document);
        var id = document.SessionId;
        ArgumentException.ThrowIfNullOrEmpty(id, nameof(document));
        cancellationToken.ThrowIfCancellationRequested();
        _sessions[id] = (document, _time.GetUtcNow() + _expiry);
        if (Interlocked.Increment(ref _saves) % 1024 == 0)
        {
            Sweep();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SessionDocument?> LoadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(sessionId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        if (!_sessions.TryGetValue(sessionId, out var entry))
        {
            return Task.FromResult<SessionDocument?>(null);
        }

        if (entry.Expires <= now)
        {
            _sessions.TryRemove(KeyValuePair.Create(sessionId, entry));
            return Task.FromResult<SessionDocument?>(null);
        }

        // Sliding: a load keeps the session, unless a save replaced it meanwhile.
        _sessions.TryUpdate(sessionId, (entry.Document, now + _expiry), entry);
        return Task.FromResult<SessionDocument?>(entry.Document);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(sessionId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_sessions.TryRemove(sessionId, out var entry) && entry.Expires > _time.GetUtcNow());
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var entry in _sessions.Where(e => e.Value.Expires <= now))
        {
            _sessions.TryRemove(entry);
        }
    }
}
