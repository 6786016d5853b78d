using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Sessions.Storage;
using Configurator.Strategies;
using Configurator.Strategies.Adaptive;
using Configurator.Strategies.Collaborative;
using Configurator.Strategies.Cosmetic;
using Configurator.Strategies.Transparent;
using Configurator.Validation;
using FluentValidation;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Configurator.DependencyInjection;

/// <summary>Registers the configurator with Microsoft.Extensions.DependencyInjection.</summary>
public static class ConfiguratorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model catalog (<see cref="IModelCatalog"/>, singleton; models compiled once,
    /// reloaded when their file changes), the pricing pipeline, the four customization strategies
    /// (as their own types and keyed by name as <see cref="ICustomizationStrategy"/>), and the model
    /// validator, and the session store (<see cref="ISessionStore"/>: in memory, or over the
    /// registered <see cref="IDistributedCache"/> when <see cref="SessionStoreOptions.UseDistributedCache"/>
    /// is set). Calling it twice adds the second call's models and keeps the first call's services.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds models and pricing.</param>
    /// <returns>The service collection.</returns>
    /// <example><code>services.AddLogging().AddConfigurator(c => c.AddModelFolder("models").AddPricing(p => p.AddRepeatPurchaseDiscount(new())));</code></example>
    public static IServiceCollection AddConfigurator(this IServiceCollection services, Action<ConfiguratorBuilder>? configure = null)
    {
        Guard.NotNull(services);
        var builder = new ConfiguratorBuilder();
        configure?.Invoke(builder);

        services.AddOptions<ConfiguratorOptions>();
        foreach (var option in builder.Options)
        {
            services.Configure(option);
        }

        services.TryAddSingleton<IModelCatalog, ModelCatalog>();
        services.AddConfiguratorPricing(builder.Pricing);
        services.TryAddSingleton<IValidator<ProductModel>, ProductModelValidator>();
        services.TryAddSingleton<ISessionStore>(provider =>
        {
            var sessions = provider.GetRequiredService<IOptions<ConfiguratorOptions>>().Value.Sessions;
            if (!sessions.UseDistributedCache)
            {
                return new InMemorySessionStore(sessions, provider.GetService<TimeProvider>());
            }

            var cache = provider.GetService<IDistributedCache>() ?? throw new InvalidOperationException(
                "Sessions are set to use the distributed cache, but no IDistributedCache is registered; add one (for example AddStackExchangeRedisCache) or leave UseDistributedCache off.");
            return new DistributedCacheSessionStore(cache, sessions);
        });
        AddStrategy(services, new AdaptiveStrategy());
        AddStrategy(services, new CosmeticStrategy());
        AddStrategy(services, new CollaborativeStrategy());
        AddStrategy(services, new TransparentStrategy());
        return services;
    }

    private static void AddStrategy<T>(IServiceCollection services, T strategy)
        where T : class, ICustomizationStrategy
    {
        services.TryAddSingleton(strategy);
        services.TryAddKeyedSingleton<ICustomizationStrategy>(strategy.Name, strategy);
    }
}
