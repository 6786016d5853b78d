using Configurator.DependencyInjection;
using Configurator.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace Configurator.Orleans;

/// <summary>
/// Registration of Configurator's session grains. A silo also needs the library's services
/// (<c>AddConfigurator</c>: the model catalog each silo compiles its models from) and a grain
/// storage named <see cref="StorageName"/> (memory in tests; Redis or PostgreSQL otherwise).
/// </summary>
public static class ConfiguratorOrleans
{
    /// <summary>The name of the grain storage that holds session documents.</summary>
    public const string StorageName = "configurator-sessions";

    /// <summary>How long a finished part of an enumeration stays active before idle collection takes it.</summary>
    internal static readonly TimeSpan BatchPartIdleAge = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Hosts session grains and batch work (<see cref="IBatchGrain"/>) on this silo: a session's
    /// results travel in Orleans' binary format, the library's other types as their own JSON, and
    /// idle session grains deactivate after
    /// <paramref name="idleAge"/> (default 30 minutes). The silo makes its model catalog while it
    /// starts, so that its models are compiled (and warming up) before it serves a grain, and a
    /// silo without one (no <c>AddConfigurator</c>) fails to start with a message saying so. A part of batch work must answer within
    /// the cluster's response timeout (<c>SiloMessagingOptions.ResponseTimeout</c>, 30 s by
    /// default): ask for more parts, or raise it, for very large models.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="idleAge">How long an unused session stays active; its document stays in storage.</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder AddConfiguratorOrleans(this ISiloBuilder builder, TimeSpan? idleAge = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddSerialization(builder.Services);
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, CatalogAtStart>();
        builder.Services.Configure<GrainCollectionOptions>(options =>
        {
            options.ClassSpecificCollectionAge[typeof(SessionGrain).FullName!] = idleAge ?? TimeSpan.FromMinutes(30);
            options.ClassSpecificCollectionAge[typeof(BatchPartGrain).FullName!] = BatchPartIdleAge;
        });
        return builder;
    }

    /// <summary>Lets a cluster client call session grains (a session's results travel in Orleans' binary format, the library's other types as their own JSON).</summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The builder.</returns>
    public static IClientBuilder AddConfiguratorOrleans(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddSerialization(builder.Services);
        return builder;
    }

    private static void AddSerialization(IServiceCollection services) =>
        services.AddSerializer(serializer =>
        {
            // The session results have codecs of their own (ResultCodecs.cs); the library's other types travel as their own JSON; immutable results are not copied at all.
            serializer.Services.AddSingleton<IGeneralizedCopier, ImmutableResultCopier>();
            serializer.AddJsonSerializer(
                isSerializable: IsLibraryType,
                isCopyable: type => IsLibraryType(type) && !ImmutableResultCopier.IsImmutable(type),
                configureOptions: options => options.Configure(o => o.SerializerOptions = ConfiguratorJson.Options));
        });

    // Exceptions and the session results (ResultCodecs.cs) have Orleans codecs of their own.
    private static bool IsLibraryType(Type type) =>
        type.Assembly == typeof(SessionState).Assembly && !typeof(Exception).IsAssignableFrom(type) && !ResultTypes.Types.Contains(type);

    /// <summary>
    /// Makes the catalog while the silo starts: it compiles every model when it is made and warms
    /// each up in the background, which otherwise the first session on each silo would wait for
    /// (seconds on the Linux kernel's model).
    /// </summary>
    private sealed class CatalogAtStart(IServiceProvider services) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(CatalogAtStart), ServiceLifecycleStage.ApplicationServices, cancellation =>
            {
                _ = services.GetService<IModelCatalog>()
                    ?? throw new InvalidOperationException("Configurator's grains need a model catalog on every silo: call services.AddConfigurator(c => c.AddModelFolder(...)) on the silo's services.");
                return Task.CompletedTask;
            });
    }
}
