using Configurator.DependencyInjection;
using Configurator.WebShop.Api;
using Configurator.WebShop.Shop;

namespace Configurator.WebShop;

/// <summary>
/// Wires the web shop: the configurator through <c>AddConfigurator</c> over the model folder of
/// <c>Configurator:ModelFolder</c>, the session store (in a Redis cache when
/// <c>Configurator:Redis</c> names one, so sessions survive a restart), the pages and the API.
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
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapShopApi();
        app.MapRazorPages();
        return app;
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
