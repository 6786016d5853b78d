using Configurator.Benchmarks.Utils;
using Configurator.DependencyInjection;
using Configurator.Importers;
using Configurator.Modeling;
using Configurator.Serialization;
using Configurator.Tests;
using Configurator.Tests.Generators;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Configurator.Orleans.Tests;

/// <summary>
/// Three silos whose catalogs hold the batch test models, written once to a temporary folder:
/// the window models, the 60-module ring, random small models, and Renault and BusyBox when the
/// shared benchmark models are beside the repository. The silos share the catalog the test
/// compares against (compiled models are immutable), so the big models compile once.
/// </summary>
public sealed class BatchFixture : IAsyncLifetime
{
    public const int RandomModelCount = 12;

    private readonly string _folder = Directory.CreateTempSubdirectory("configurator-batch-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IModelCatalog Catalog { get; private set; } = null!;

    public IBatchGrain Batch => Cluster.Client.GetGrain<IBatchGrain>(0);

    /// <summary>Whether the shared models (Renault, BusyBox) are in the catalog.</summary>
    public bool HasSharedModels { get; private set; }

    private ServiceProvider? _local;

    public async ValueTask InitializeAsync()
    {
        Write(GeneratedModels.Ring(60, 8, seed: 1) with { Id = "ring" });
        foreach (var name in new[] { "window.json", "window-rules.json" })
        {
            File.Copy(RepositoryPaths.SampleModel(name), Path.Combine(_folder, name));
        }

        for (var seed = 0; seed < RandomModelCount; seed++)
        {
            Write(RandomModels.Create(new Random(seed)) with { Id = $"random-{seed}", Presets = [] });
        }

        if (RepositoryPaths.Shared is { } shared)
        {
            var models = Path.Combine(shared, "benchmarks", "models");
            Write(ModelImporter.ImportFile(Path.Combine(models, "renault-megane", "megane.xml")).GetModelOrThrow() with { Id = "renault" });
            Write(ModelImporter.ImportFile(Path.Combine(models, "featureide-knueppel2017", "busybox-1.18.0.xml")).GetModelOrThrow() with { Id = "busybox" });
            HasSharedModels = true;
        }

        _local = Services(new ServiceCollection()).BuildServiceProvider();
        Catalog = _local.GetRequiredService<IModelCatalog>();
        foreach (var id in Catalog.ModelIds)
        {
            Catalog.Get(id);
        }

        // One catalog for the three silos of this process, compiled above: BusyBox and Renault take seconds to compile.
        Cluster = await ClusterFixture.DeployAsync(silo =>
        {
            Services(silo.Services).AddSingleton(Catalog);
            silo.AddMemoryGrainStorage(ConfiguratorOrleans.StorageName);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        if (_local is not null)
        {
            await _local.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private void Write(ProductModel model) => File.WriteAllText(Path.Combine(_folder, model.Id + ".json"), ProductModelJson.Save(model));

    private IServiceCollection Services(IServiceCollection services) =>
        services.AddLogging().AddConfigurator(c => c.AddModelFolder(_folder));
}
