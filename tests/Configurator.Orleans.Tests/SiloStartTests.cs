using Configurator.DependencyInjection;
using Configurator.Tests;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Configurator.Orleans.Tests;

/// <summary>What a silo does with its model catalog while it starts.</summary>
public sealed class SiloStartTests
{
    [Fact]
    public async Task EverySilo_MakesItsCatalogBeforeAnyGrainIsCalled()
    {
        var made = 0;
        await using var cluster = await ClusterFixture.DeployAsync(silo =>
        {
            silo.AddMemoryGrainStorage(ConfiguratorOrleans.StorageName);
            silo.Services.AddLogging().AddConfigurator(c => c.AddModelFolder(RepositoryPaths.SampleModels));
            // The catalog AddConfigurator registers, counted when a silo makes it.
            var registered = silo.Services.Last(d => d.ServiceType == typeof(IModelCatalog));
            silo.Services.AddSingleton<IModelCatalog>(services =>
            {
                Interlocked.Increment(ref made);
                return (IModelCatalog)ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);
            });
        });

        Assert.Equal(3, Volatile.Read(ref made));
        var view = await cluster.Client.GetGrain<ISessionGrain>($"start-{Guid.NewGuid():N}").StartAsync("window", null);
        Assert.NotEmpty(view.Modules);
        Assert.Equal(3, Volatile.Read(ref made));
    }

    [Fact]
    public async Task ASiloWithoutACatalog_DoesNotStart_AndSaysWhatIsMissing()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddConfiguratorOrleans());
        builder.ConfigureClient(client => client.AddConfiguratorOrleans());
        await using var cluster = builder.Build();

        var failure = await Record.ExceptionAsync(() => cluster.DeployAsync());

        Assert.NotNull(failure);
        Assert.Contains("AddConfigurator", Flatten(failure), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e is AggregateException all
        ? string.Join("\n", all.InnerExceptions.Select(Flatten))
        : e.Message + (e.InnerException is { } inner ? "\n" + Flatten(inner) : "");
}
