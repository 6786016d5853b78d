using Configurator.DependencyInjection;
using Configurator.Pricing;
using Configurator.Tests;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Configurator.Orleans.Tests;

/// <summary>
/// Three silos in one process (Orleans' in-process test cluster), each with the sample models in
/// its own catalog and session documents in a store outside the silos (<see cref="SharedGrainStorage"/>);
/// and the same services built locally, for the single-process runs the cluster must match.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The local model catalog and pricing, configured as each silo's.</summary>
    public ServiceProvider Local { get; } = Services(new ServiceCollection()).BuildServiceProvider();

    public IClusterClient Client => Cluster.Client;

    public IModelCatalog Catalog => Local.GetRequiredService<IModelCatalog>();

    public PricingPipeline Pricing => Local.GetRequiredService<PricingPipeline>();

    private readonly SharedGrainStorage _storage = new();

    public async ValueTask InitializeAsync()
    {
        Cluster = await DeployAsync(silo =>
        {
            Services(silo.Services);
            silo.Services.AddKeyedSingleton<IGrainStorage>(ConfiguratorOrleans.StorageName, (services, _) => _storage.For(services));
        });
    }

    /// <summary>Starts three silos configured by <paramref name="configure"/>, each hosting Configurator's grains, and a client.</summary>
    public static async Task<InProcessTestCluster> DeployAsync(Action<ISiloBuilder> configure)
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            configure(silo);
            silo.AddConfiguratorOrleans();
        });
        builder.ConfigureClient(client => client.AddConfiguratorOrleans());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Local.DisposeAsync();
    }

    private static IServiceCollection Services(IServiceCollection services) =>
        services.AddLogging().AddConfigurator(c => c.AddModelFolder(RepositoryPaths.SampleModels));
}
