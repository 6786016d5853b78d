using System.Collections.Concurrent;
using Configurator.Internal;
using Configurator.Strategies.Transparent;

namespace Configurator.Customers;

/// <summary>Customer profiles in this process's memory, for tests and single-node shops. Thread-safe.</summary>
public sealed class InMemoryCustomerProfileStore : ICustomerProfileStore
{
    // Profiles are immutable records, so storing them needs no copy.
    private readonly ConcurrentDictionary<string, CustomerProfile> _profiles = new(StringComparer.Ordinal);

    /// <summary>How many customers have a profile.</summary>
    public int Count => _profiles.Count;

    /// <inheritdoc />
    public Task<CustomerProfile?> LoadAsync(string customerId, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_profiles.GetValueOrDefault(customerId));
    }

    /// <inheritdoc />
    public Task SaveAsync(string customerId, CustomerProfile profile, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrEmpty(customerId);
        Guard.NotNull(profile);
        cancellationToken.ThrowIfCancellationRequested();
        _profiles[customerId] = profile;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CustomerProfile> UpdateAsync(string customerId, Func<CustomerProfile?, CustomerProfile> update, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrEmpty(customerId);
        Guard.NotNull(update);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_profiles.AddOrUpdate(customerId, _ => Checked(update(null)), (_, old) => Checked(update(old))));
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string customerId, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_profiles.TryRemove(customerId, out _));
    }

    private static CustomerProfile Checked(CustomerProfile? profile) =>
        profile ?? throw new InvalidOperationException("A profile update returned null; return the profile to save.");
}
