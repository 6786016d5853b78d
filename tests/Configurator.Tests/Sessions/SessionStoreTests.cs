using Configurator.DependencyInjection;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Sessions.Storage;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Configurator.Tests.Sessions;

public class SessionStoreTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ServiceProvider Services(Action<IServiceCollection>? extra = null, bool distributed = false)
    {
        var services = new ServiceCollection();
        extra?.Invoke(services);
        services.AddConfigurator(c => c.AddModelFolder(RepositoryPaths.SampleModels).ConfigureSessions(s => s.UseDistributedCache = distributed));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task InMemory_SaveLoadDelete_WithASlidingExpiry()
    {
        var clock = new ManualClock();
        var store = new InMemorySessionStore(new SessionStoreOptions { Expiry = TimeSpan.FromMinutes(10) }, clock);
        using var provider = Services();
        var session = ConfigurationSession.Start(provider.GetRequiredService<IModelCatalog>().Get("car"));
        session.Select("packs", "winter");
        await store.SaveAsync(session, TestContext.Current.CancellationToken);

        clock.Now += TimeSpan.FromMinutes(9);
        Assert.Equal(session.ToDocument(), await store.LoadAsync(session.Id, TestContext.Current.CancellationToken));
        clock.Now += TimeSpan.FromMinutes(9); // the load restarted the expiry
        Assert.NotNull(await store.LoadAsync(session.Id, TestContext.Current.CancellationToken));
        clock.Now += TimeSpan.FromMinutes(11);
        Assert.Null(await store.LoadAsync(session.Id, TestContext.Current.CancellationToken));

        await store.SaveAsync(session, TestContext.Current.CancellationToken);
        Assert.True(await store.DeleteAsync(session.Id, TestContext.Current.CancellationToken));
        Assert.False(await store.DeleteAsync(session.Id, TestContext.Current.CancellationToken));
        Assert.Null(await store.LoadAsync("no-such-session", TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemorySessionStore(new SessionStoreOptions { Expiry = TimeSpan.Zero }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(session.ToDocument() with { SessionId = null }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Distributed_AnyNodeResumesAnySession_AndARestartKeepsIt()
    {
        // One cache, as a Redis server would be; each provider is one web node (or one process lifetime).
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        void Shared(IServiceCollection s) => s.AddSingleton<IDistributedCache>(cache);

        string id;
        using (var first = Services(Shared, distributed: true))
        {
            var store = first.GetRequiredService<ISessionStore>();
            Assert.IsType<DistributedCacheSessionStore>(store);
            var session = ConfigurationSession.StartFromPreset(first.GetRequiredService<IModelCatalog>().Get("car"), "gt");
            session.Select("packs", "winter");
            await store.SaveAsync(session, TestContext.Current.CancellationToken);
            id = session.Id;
        }

        using var second = Services(Shared, distributed: true);
        var resumed = await second.GetRequiredService<ISessionStore>().ResumeAsync(id, second.GetRequiredService<IModelCatalog>(),
            new SessionOptions { Pricing = second.GetRequiredService<PricingPipeline>() }, TestContext.Current.CancellationToken);
        Assert.Empty(resumed.Dropped);
        Assert.Equal(id, resumed.Session.Id);
        Assert.Equal(["winter", "sport-styling"], resumed.Session.State["packs"].SelectedOptionIds);
        Assert.NotNull(resumed.Session.State.Price);

        var missing = await Assert.ThrowsAsync<ConfiguratorException>(() => second.GetRequiredService<ISessionStore>().ResumeAsync("gone", second.GetRequiredService<IModelCatalog>(), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(ConfiguratorErrorCodes.UnknownSession, missing.Code);

        // What the cache holds is checked like any saved session.
        await cache.SetStringAsync("configurator:session:tampered", "{\"formatVersion\":1}", TestContext.Current.CancellationToken);
        var tampered = await Assert.ThrowsAsync<ConfiguratorException>(() => second.GetRequiredService<ISessionStore>().LoadAsync("tampered", TestContext.Current.CancellationToken));
        Assert.Equal(ConfiguratorErrorCodes.InvalidSessionDocument, tampered.Code);
    }

    [Fact]
    public void AddConfigurator_RegistersInMemoryByDefaultAndRefusesAMissingCache()
    {
        using var plain = Services();
        Assert.IsType<InMemorySessionStore>(plain.GetRequiredService<ISessionStore>());
        Assert.Same(plain.GetRequiredService<ISessionStore>(), plain.GetRequiredService<ISessionStore>());
        Assert.Equal(TimeSpan.FromMinutes(30), new SessionStoreOptions().Expiry);

        using var missing = Services(distributed: true);
        var error = Assert.Throws<InvalidOperationException>(() => missing.GetRequiredService<ISessionStore>());
        Assert.Contains("no IDistributedCache is registered", error.Message, StringComparison.Ordinal);
    }
}
