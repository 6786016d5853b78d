using Configurator.Strategies.Transparent;

namespace Configurator.Customers;

/// <summary>
/// Where a shop keeps what it knows of each customer (measurements, preferences, past
/// configurations) so that a returning customer is served without being measured again: the
/// transparent strategy reads it (see <see cref="CustomerProfiles.InferAsync"/>). Thread-safe.
/// </summary>
public interface ICustomerProfileStore
{
    /// <summary>The customer's profile, or null when the store has none.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="ConfiguratorException">What is stored is not a profile (<see cref="ConfiguratorErrorCodes.InvalidProfile"/>).</exception>
    Task<CustomerProfile?> LoadAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Saves (or replaces) the customer's profile.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    Task SaveAsync(string customerId, CustomerProfile profile, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the customer's profile in one step that no other call on this store interleaves with
    /// (for example adding an order to the past configurations), and returns the saved profile.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="update">Given the stored profile (null when there is none), the profile to save; it may run more than once, so it must not have side effects.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    Task<CustomerProfile> UpdateAsync(string customerId, Func<CustomerProfile?, CustomerProfile> update, CancellationToken cancellationToken = default);

    /// <summary>Forgets the customer (as a customer may ask); false when there was nothing to forget.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    Task<bool> DeleteAsync(string customerId, CancellationToken cancellationToken = default);
}
