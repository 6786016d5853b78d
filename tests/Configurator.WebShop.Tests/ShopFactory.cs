using Configurator.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Configurator.WebShop.Tests;

/// <summary>The web shop in memory over the repository's sample models; optionally configured further (a shared cache).</summary>
public sealed class ShopFactory(Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public ShopFactory()
        : this(null, null)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Configurator:ModelFolder", RepositoryPaths.SampleModels);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
