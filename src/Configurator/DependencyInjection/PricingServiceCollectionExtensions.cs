using Configurator.Internal;
using Configurator.Pricing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Configurator.DependencyInjection;

/// <summary>Registers pricing pipelines with Microsoft.Extensions.DependencyInjection.</summary>
public static class PricingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default <see cref="PricingPipeline"/> as a singleton, composed by
    /// <paramref name="configure"/>. A second call does not replace the first (TryAdd).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds policies, in order; null for the model's pricing only.</param>
    /// <returns>The service collection.</returns>
    /// <example><code>services.AddConfiguratorPricing(p => p.AddQuantityTiers(new() { Tiers = [new(10, 5)] }));</code></example>
    public static IServiceCollection AddConfiguratorPricing(this IServiceCollection services, Action<PricingPipelineBuilder>? configure)
    {
        Guard.NotNull(services);
        services.TryAddSingleton(Build(configure));
        return services;
    }

    /// <summary>Registers the model's pricing only as the default <see cref="PricingPipeline"/> (TryAdd).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddConfiguratorPricing(this IServiceCollection services) => services.AddConfiguratorPricing(configure: null);

    /// <summary>Registers a named pipeline (a keyed singleton), for example one per customer segment.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The key, resolved with <c>[FromKeyedServices("name")]</c> or <c>GetRequiredKeyedService</c>.</param>
    /// <param name="configure">Adds policies, in order.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddConfiguratorPricing(this IServiceCollection services, string name, Action<PricingPipelineBuilder> configure)
    {
        Guard.NotNull(services);
        Guard.NotNullOrEmpty(name);
        services.TryAddKeyedSingleton(name, Build(Guard.NotNull(configure)));
        return services;
    }

    private static PricingPipeline Build(Action<PricingPipelineBuilder>? configure)
    {
        // Built now, so that invalid options fail at registration rather than at the first request.
        var builder = new PricingPipelineBuilder();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
