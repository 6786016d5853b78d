using System.Net;
using Configurator.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Configurator.Orleans.Load;

/// <summary>One silo's settings: the cluster's Redis and id, this silo's loopback ports, the model folder its catalog compiles from.</summary>
internal sealed record SiloSettings(string Redis, string ClusterId, int SiloPort, int GatewayPort, string ModelFolder);

/// <summary>
/// A silo as the web shop hosts one (<c>--Configurator:Sessions=orleans</c>): Redis clustering,
/// session documents in Redis grain storage, the models from its own catalog. It prints
/// <c>ready</c> once it has joined, and leaves the cluster when its standard input closes, after
/// printing what its <see cref="SiloMeter"/> measured.
/// </summary>
internal static class SiloProcess
{
    public const string ServiceId = "configurator-load";

    public static async Task RunAsync(SiloSettings settings, CancellationToken cancellationToken)
    {
        using var host = Build(settings);
        await host.StartAsync(cancellationToken);
        Console.WriteLine("ready");
        await Console.Out.FlushAsync(cancellationToken);
        // Until the run closes standard input, or a signal (SIGTERM, Ctrl+C) stops the host; "reset"
        // on standard input starts the meter afresh (the run's measured phase begins).
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var meter = host.Services.GetRequiredService<SiloMeter>();
        var input = Task.Run(() =>
        {
            while (Console.ReadLine() is { } line)
            {
                if (line == "reset")
                {
                    meter.Reset();
                }
            }
        }, CancellationToken.None);
        await Task.WhenAny(input, Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default));

        // What the silo measured, the last line the run reads from it.
        Console.WriteLine(meter.Line());
        await Console.Out.FlushAsync(CancellationToken.None);
        await StopAsync(host);
    }

    /// <summary>Stops a silo; one that cannot reach Redis any more (stopped with the run) gives up leaving politely after a few seconds.</summary>
    public static async Task StopAsync(IHost host)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(grace.Token);
    }

    /// <summary>The silo's host, not started.</summary>
    public static IHost Build(SiloSettings settings)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddConfigurator(c => c.AddModelFolder(settings.ModelFolder));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, ServiceId));
            silo.ConfigureEndpoints(IPAddress.Loopback, settings.SiloPort, settings.GatewayPort);
            silo.UseRedisClustering(settings.Redis);
            // Session documents through Orleans' own serializer (the default storage serializer is
            // Newtonsoft JSON, which escapes the document's JSON again), and Redis replies handled
            // on the thread pool rather than Redis' own threads (fewer thread hops on a small machine).
            silo.AddRedisGrainStorage(ConfiguratorOrleans.StorageName, o =>
            {
                o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(settings.Redis);
                o.ConfigurationOptions.SocketManager = StackExchange.Redis.SocketManager.ThreadPool;
            });
            silo.Services.AddOptions<global::Orleans.Persistence.RedisStorageOptions>(ConfiguratorOrleans.StorageName)
                .Configure<global::Orleans.Serialization.Serializer>((o, serializer) => o.GrainStorageSerializer = new global::Orleans.Storage.OrleansGrainStorageSerializer(serializer));
            silo.AddConfiguratorOrleans();
            silo.Services.AddSingleton<SiloMeter>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<SiloMeter>());
        });
        return builder.Build();
    }
}
