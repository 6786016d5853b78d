using Configurator.DependencyInjection;
using Configurator.Orleans;
using Configurator.WebShop.Api;
using Configurator.WebShop.Shop;

namespace Configurator.WebShop;

/// <summary>
/// Wires the web shop: the configurator through <c>AddConfigurator</c> over the model folder of
/// <c>Configurator:ModelFolder</c>, the session store (in a Redis cache when
/// <c>Configurator:Redis</c> names one, so sessions survive a restart; in the cluster's session
/// grains with <c>Configurator:Sessions=orleans</c>), the pages and the API.
/// </summary>
public static class WebShopApp
{
    /// <summary>The default model folder, relative to the working directory.</summary>
    public const string DefaultModelFolder = "samples/models";

    /// <summary>Builds the application from command-line arguments and configuration.</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--Configurator:ModelFolder=DIR</c>).</param>
    public static WebApplication Build(string[] args)
    {
        // The application is named for this assembly, so that its pages are found when a test host starts it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(WebShopApp).Assembly.GetName().Name });
        var folder = FindFolder(builder.Configuration["Configurator:ModelFolder"] ?? DefaultModelFolder, builder.Environment.ContentRootPath);
        var redis = builder.Configuration["Configurator:Redis"];
        if (!string.IsNullOrEmpty(redis))
        {
            builder.Services.AddStackExchangeRedisCache(o => o.Configuration = redis);
        }

        builder.Services.AddConfigurator(c => c
            .AddModelFolder(folder)
            .ConfigureSessions(s => s.UseDistributedCache = !string.IsNullOrEmpty(redis)));
        if (builder.Configuration["Configurator:Sessions"] is { Length: > 0 } sessions)
        {
            if (sessions != "orleans" || string.IsNullOrEmpty(redis))
            {
                throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidInput,
                    $"--Configurator:Sessions is \"orleans\" (with --Configurator:Redis=HOST:PORT for the cluster's store), not \"{sessions}\".");
            }

            HostSilo(builder, redis);
        }

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ShopSessions>();
        builder.Services.AddSingleton<ShopCatalog>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ConfiguratorProblems>();
        builder.Services.AddOpenApi();
        builder.Services.AddRazorPages();

        // Malformed bodies reach the exception handler, which answers with problem details.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        var app = builder.Build();

        // The catalog compiles every model when it is made, and then warms each up in the
        // background: made here, the shop listens with its models compiled and warming, rather
        // than the first request paying for both (12 s on the Linux kernel's model).
        _ = app.Services.GetRequiredService<IModelCatalog>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapShopApi();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Co-hosts an Orleans silo: clustering and session grains in the same Redis, the silo and
    /// gateway ports from <c>Configurator:SiloPort</c> and <c>Configurator:GatewayPort</c> (11111 and
    /// 30000 by default) on 127.0.0.1, and the session store replaced by the cluster's session
    /// grains, so that every shop process of the cluster serves every session.
    /// </summary>
    private static void HostSilo(WebApplicationBuilder builder, string redis)
    {
        var siloPort = builder.Configuration.GetValue("Configurator:SiloPort", 11111);
        var gatewayPort = builder.Configuration.GetValue("Configurator:GatewayPort", 30000);
        var cluster = builder.Configuration["Configurator:ClusterId"] ?? "configurator-shop";
        builder.UseOrleans(silo =>
        {
            silo.Configure<global::Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster, "configurator-shop"));
            silo.ConfigureEndpoints(System.Net.IPAddress.Loopback, siloPort, gatewayPort);
            silo.UseRedisClustering(redis);
            // Session documents through Orleans' own serializer (the default storage serializer is
            // Newtonsoft JSON, which escapes the document's JSON again), and Redis replies handled
            // on the thread pool rather than Redis' own threads (fewer thread hops on a small machine).
            silo.AddRedisGrainStorage(ConfiguratorOrleans.StorageName, o =>
            {
                o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis);
                o.ConfigurationOptions.SocketManager = StackExchange.Redis.SocketManager.ThreadPool;
            });
            silo.Services.AddOptions<global::Orleans.Persistence.RedisStorageOptions>(ConfiguratorOrleans.StorageName)
                .Configure<global::Orleans.Serialization.Serializer>((o, serializer) => o.GrainStorageSerializer = new global::Orleans.Storage.OrleansGrainStorageSerializer(serializer));
            silo.AddConfiguratorOrleans();
        });
        builder.Services.AddSingleton<Configurator.Sessions.Storage.ISessionStore, ClusterSessionStore>();
    }

    /// <summary>
    /// The model folder: as given when it exists, else a relative path found from the content root
    /// upwards (so that <c>dotnet run --project</c>, which starts in the project folder, finds the
    /// repository's <c>samples/models</c>).
    /// </summary>
    /// <exception cref="ConfiguratorException">No such folder (<see cref="ConfiguratorErrorCodes.InvalidInput"/>).</exception>
    private static string FindFolder(string folder, string contentRoot)
    {
        if (Directory.Exists(folder))
        {
            return Path.GetFullPath(folder);
        }

        for (var dir = new DirectoryInfo(contentRoot); !Path.IsPathRooted(folder) && dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidInput,
            $"The model folder '{folder}' does not exist; pass one with --Configurator:ModelFolder=DIR.");
    }
}
