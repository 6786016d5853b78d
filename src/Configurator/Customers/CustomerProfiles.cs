using Configurator.Internal;
using Configurator.Pricing;
using Configurator.Solving;
using Configurator.Strategies.Transparent;

namespace Configurator.Customers;

/// <summary>
/// Profiles at work: the transparent strategy serving a returning customer from the store (no new
/// measurements asked), and orders remembered as the customer's past configurations.
/// </summary>
public static class CustomerProfiles
{
    /// <summary>
    /// Infers the configuration for a returning customer from their stored profile: the
    /// measurements, preferences and past configurations the shop already has. Null when the model
    /// has no valid configuration.
    /// </summary>
    /// <param name="strategy">The transparent strategy.</param>
    /// <param name="model">The compiled model.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="profiles">The store.</param>
    /// <param name="pricing">The pipeline for the tie-break and the price; the model's pricing when null.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="ConfiguratorException">The store has no profile of the customer (<see cref="ConfiguratorErrorCodes.UnknownCustomer"/>), or a stored one is malformed (<see cref="ConfiguratorErrorCodes.InvalidProfile"/>).</exception>
    /// <exception cref="InvalidSelectionException">A stored preference names an option the model does not have.</exception>
    public static async Task<Inference?> InferAsync(this TransparentStrategy strategy, CompiledModel model, string customerId, ICustomerProfileStore profiles, PricingPipeline? pricing = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(strategy);
        Guard.NotNull(model);
        Guard.NotNull(profiles);
        var profile = await profiles.LoadAsync(Guard.NotNullOrEmpty(customerId), cancellationToken).ConfigureAwait(false)
            ?? throw new ConfiguratorException(ConfiguratorErrorCodes.UnknownCustomer, $"No profile of customer '{customerId}' is stored; measure them once and save it (ICustomerProfileStore.SaveAsync).");
        return strategy.Infer(model, profile, pricing);
    }

    /// <summary>
    /// Adds each order's configuration to its customer's past configurations (once per order,
    /// whatever its quantity: a business buying fifty of one shirt has not liked it fifty times),
    /// creating a profile for a new customer; one update per customer.
    /// </summary>
    /// <param name="profiles">The store.</param>
    /// <param name="orders">The orders, such as <see cref="OrderHistory.Orders"/>.</param>
    /// <param name="cancellationToken">Cancels between customers; the customers already updated stay updated.</param>
    /// <returns>How many customers were updated.</returns>
    public static async Task<int> RememberAsync(this ICustomerProfileStore profiles, IEnumerable<Order> orders, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(profiles);
        Guard.NotNull(orders);
        var customers = 0;
        foreach (var customer in orders.GroupBy(o => Guard.NotNull(o).CustomerId, StringComparer.Ordinal))
        {
            var bought = customer.Select(o => o.Configuration).ToArray();
            await profiles.UpdateAsync(customer.Key, old => (old ?? new CustomerProfile()) with
            {
                PastConfigurations = [.. (old?.PastConfigurations ?? default), .. bought],
            }, cancellationToken).ConfigureAwait(false);
            customers++;
        }

        return customers;
    }
}
