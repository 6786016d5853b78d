using Configurator.DependencyInjection;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Sessions.Storage;
using Configurator.Strategies.Collaborative;
using Microsoft.Extensions.Caching.Memory;
using SessionOptions = Configurator.Sessions.SessionOptions;

namespace Configurator.WebShop.Shop;

/// <summary>
/// The sessions the pages and the API share. The session store holds the truth (each change is
/// saved before the response); live sessions stay in memory so that a step costs one step, not a
/// replay, and a live copy is used only while it matches what the store holds, so a copy that
/// another process moved on is resumed afresh.
/// </summary>
public sealed class ShopSessions(IModelCatalog catalog, ISessionStore store, PricingPipeline pricing, IMemoryCache live, CollaborativeStrategy collaborative)
{
    private static readonly MemoryCacheEntryOptions LiveEntry = new() { SlidingExpiration = TimeSpan.FromMinutes(30) };

    /// <summary>The shop's models.</summary>
    public IModelCatalog Catalog => catalog;

    /// <summary>Starts a session (from a preset when one is named; as a dialogue for <c>collaborative</c>) in the customer's culture, and saves it.</summary>
    /// <exception cref="ConfiguratorException">Unknown model or preset.</exception>
    public async Task<ConfigurationSession> StartAsync(string modelId, string? presetId, string? strategy, System.Globalization.CultureInfo? culture, CancellationToken cancellationToken)
    {
        var model = catalog.Get(modelId, cancellationToken);
        Dialogue? dialogue = null;
        ConfigurationSession session;
        if (strategy == CollaborativeStrategy.StrategyName)
        {
            dialogue = collaborative.Begin(model, new SessionOptions { Pricing = pricing, Culture = culture });
            session = dialogue.Session;
        }
        else
        {
            var options = new SessionOptions { Pricing = pricing, Strategy = strategy, Culture = culture };
            session = presetId is null ? ConfigurationSession.Start(model, options, cancellationToken) : ConfigurationSession.StartFromPreset(model, presetId, options);
        }

        await SaveAsync(new LiveSession(session, dialogue), cancellationToken);
        return session;
    }

    /// <summary>The live session with this id.</summary>
    /// <exception cref="ConfiguratorException">No such session (<see cref="ConfiguratorErrorCodes.UnknownSession"/>) or its model is gone.</exception>
    public async Task<ConfigurationSession> GetAsync(string id, CancellationToken cancellationToken) => (await LiveAsync(id, cancellationToken)).Session;

    /// <summary>The dialogue of a collaborative session.</summary>
    /// <exception cref="ConfiguratorException">No such session, or it is not a dialogue (<see cref="ConfiguratorErrorCodes.InvalidInput"/>).</exception>
    public async Task<Dialogue> DialogueAsync(string id, CancellationToken cancellationToken) =>
        (await LiveAsync(id, cancellationToken)).Dialogue ?? throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidInput, $"Session '{id}' is not a dialogue; open it on the configurator page.");

    /// <summary>Runs one change on the session, one change at a time per session, and saves the result before returning it.</summary>
    public async Task<T> ChangeAsync<T>(string id, Func<LiveSession, T> change, CancellationToken cancellationToken)
    {
        var entry = await LiveAsync(id, cancellationToken);
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            var result = change(entry);
            await SaveAsync(entry, cancellationToken);
            return result;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Resumes a saved document as a live session (a new session when the document names none).</summary>
    /// <exception cref="ConfiguratorException">The document's model is gone, or it is not a saved session.</exception>
    public async Task<ResumedSession> ResumeAsync(SessionDocument document, CancellationToken cancellationToken)
    {
        var model = catalog.Get(document.ModelId, cancellationToken);
        if (document.Strategy == CollaborativeStrategy.StrategyName)
        {
            var dialogue = collaborative.Resume(model, document.ToJson(), pricing);
            await SaveAsync(new LiveSession(dialogue.Session, dialogue), cancellationToken);
            return new ResumedSession(dialogue.Session, [], document.ModelVersion != model.Model.Version);
        }

        var resumed = ConfigurationSession.Resume(model, document, new SessionOptions { Pricing = pricing });
        await SaveAsync(new LiveSession(resumed.Session, null), cancellationToken);
        return resumed;
    }

    private async Task<LiveSession> LiveAsync(string id, CancellationToken cancellationToken)
    {
        var document = await store.LoadAsync(id, cancellationToken)
            ?? throw new ConfiguratorException(ConfiguratorErrorCodes.UnknownSession, $"No session '{id}': it never existed or it expired. Start a new one.");
        if (live.TryGetValue(id, out LiveSession? entry) && entry!.Matches(document))
        {
            return entry;
        }

        var model = catalog.Get(document.ModelId, cancellationToken);
        entry = document.Strategy == CollaborativeStrategy.StrategyName
            ? FromDialogue(collaborative.Resume(model, document.ToJson(), pricing))
            : new LiveSession(ConfigurationSession.Resume(model, document, new SessionOptions { Pricing = pricing }).Session, null);
        entry.Saved = document;
        live.Set(id, entry, LiveEntry);
        return entry;
    }

    private static LiveSession FromDialogue(Dialogue dialogue) => new(dialogue.Session, dialogue);

    private async Task SaveAsync(LiveSession entry, CancellationToken cancellationToken)
    {
        var document = entry.Session.ToDocument();
        await store.SaveAsync(document, cancellationToken);
        entry.Saved = document;
        live.Set(entry.Session.Id, entry, LiveEntry);
    }
}

/// <summary>A session in memory, with its dialogue when it is collaborative, and the document it was last saved as.</summary>
public sealed class LiveSession(ConfigurationSession session, Dialogue? dialogue)
{
    /// <summary>The session.</summary>
    public ConfigurationSession Session { get; } = session;

    /// <summary>The dialogue driving it, for a collaborative session.</summary>
    public Dialogue? Dialogue { get; } = dialogue;

    /// <summary>Changes run one at a time per session, so saves land in order.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The document last saved or loaded.</summary>
    internal SessionDocument? Saved { get; set; }

    /// <summary>
    /// Whether this copy is what <paramref name="stored"/> holds: the same document (a store in
    /// memory hands back what it was given, so a step costs no JSON), else the same JSON (a
    /// distributed store reads a new document each time).
    /// </summary>
    internal bool Matches(SessionDocument stored) =>
        ReferenceEquals(stored, Saved) || (Saved is not null && Saved.ToJson() == stored.ToJson());
}
