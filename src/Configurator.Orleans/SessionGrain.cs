using Configurator.DependencyInjection;
using Configurator.Pricing;
using Configurator.Sessions;
using Microsoft.Extensions.DependencyInjection;
using SessionOptions = Configurator.Sessions.SessionOptions;

namespace Configurator.Orleans;

/// <summary>
/// A session grain: a thin adapter over <see cref="ConfigurationSession"/>. The live session is
/// rebuilt on activation from the stored document against this silo's compiled model (the model
/// is never grain state); each change is written to storage before the call returns. Orleans runs
/// one call at a time per grain, so the session needs no other gate. Between calls the grain keeps
/// the session's choices only (<see cref="ConfigurationSession.ReleaseState"/>): a customer's next
/// step comes seconds later, and a state kept that long is promoted through every GC generation,
/// which is most of what a busy silo's collector pauses for.
/// </summary>
/// <remarks>
/// Placed on the silo that first receives a call for it: a cluster client sends every call for
/// one grain through the same gateway, and a web node that co-hosts a silo calls its own, so the
/// calls that follow need no second hop (a forwarded call is read and written again, view and all:
/// under load, random placement forwarded two calls in three). Clients spread grains over their
/// gateways, so sessions still spread over the silos.
/// </remarks>
[global::Orleans.Placement.PreferLocalPlacement]
internal sealed class SessionGrain(
    [PersistentState("session", ConfiguratorOrleans.StorageName)] IPersistentState<SessionGrainState> stored,
    IModelCatalog catalog,
    IServiceProvider services) : Grain, ISessionGrain
{
    // The live session, resumed from the stored document on first use after an activation or an outside save.
    private ConfigurationSession? _session;

    public Task<SessionState> StartAsync(string modelId, string? presetId) => Start(modelId, presetId, culture: null);

    public Task<SessionState> StartAsync(string modelId, string? presetId, string culture) =>
        Start(modelId, presetId, Modeling.ModelText.FindCulture(culture)
            ?? throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidInput, $"'{culture}' is not a culture this silo knows; give a name such as en, zh-CN or de-DE."));

    private async Task<SessionState> Start(string modelId, string? presetId, System.Globalization.CultureInfo? culture)
    {
        var model = catalog.Get(modelId);
        var options = Options(strategy: null);
        options.Culture = culture;
        _session = presetId is null ? ConfigurationSession.Start(model, options) : ConfigurationSession.StartFromPreset(model, presetId, options);
        await SaveAsync();
        return Released(_session.View());
    }

    public Task<SessionState> ViewAsync() => Task.FromResult(Released(Session.View()));

    public async Task<ChoiceResult> ChooseAsync(CustomerChoice choice)
    {
        var result = Apply(choice);
        if (result.Applied)
        {
            await SaveAsync();
        }

        return Released(result);
    }

    public async Task<SessionState> ResolveAsync(CustomerChoice choice, int diagnosisIndex)
    {
        var result = Apply(choice);
        if (!result.Applied)
        {
            Session.Resolve(result, diagnosisIndex);
        }

        await SaveAsync();
        return Released(Session.View());
    }

    public Task<SessionState> UndoAsync() => Change(session => session.Undo());

    public Task<SessionState> RedoAsync() => Change(session => session.Redo());

    public Task<SessionState> ResetAsync() => Change(session => session.Reset());

    public Task<Explanation?> ExplainAsync(string moduleId, string optionId) => Task.FromResult(Released(Session.Explain(moduleId, optionId)));

    public Task<SessionDocument> DocumentAsync() => Task.FromResult(Session.ToDocument());

    // The live session's document is the stored one (each change is saved before its call returns).
    public Task<SessionDocument?> FindDocumentAsync() =>
        Task.FromResult(_session?.ToDocument() ?? (stored.State.Document is { } json ? SessionDocument.Parse(json) : null));

    public async Task SaveDocumentAsync(SessionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.SessionId != this.GetPrimaryKeyString())
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidSessionDocument,
                $"The document is session '{document.SessionId}', not '{this.GetPrimaryKeyString()}'; save it under its own id.");
        }

        _session = null;
        stored.State.Document = document.ToJson();
        await stored.WriteStateAsync();
    }

    public async Task<bool> DeleteAsync()
    {
        var existed = _session is not null || stored.State.Document is not null;
        _session = null;
        await stored.ClearStateAsync();
        DeactivateOnIdle();
        return existed;
    }

    private ConfigurationSession Session => _session ??= Resume() ?? throw new ConfiguratorException(
        ConfiguratorErrorCodes.UnknownSession, $"There is no session '{this.GetPrimaryKeyString()}'; start one first.");

    private ConfigurationSession? Resume()
    {
        if (stored.State.Document is not { } json)
        {
            return null;
        }

        var document = SessionDocument.Parse(json);
        return ConfigurationSession.Resume(catalog.Get(document.ModelId), document, Options(document.Strategy)).Session;
    }

    private ChoiceResult Apply(CustomerChoice choice) => choice.Kind switch
    {
        ChoiceKind.Select => Session.Select(choice.ModuleId, choice.OptionIds[0]),
        ChoiceKind.Deselect => Session.Deselect(choice.ModuleId, choice.OptionIds[0]),
        _ => Session.SetModule(choice.ModuleId, [.. choice.OptionIds]),
    };

    private async Task<SessionState> Change<T>(Func<ConfigurationSession, T> change)
    {
        change(Session);
        await SaveAsync();
        return Released(Session.View());
    }

    /// <summary>Passes a call's answer through, the live session keeping only its choices until the next call.</summary>
    private T Released<T>(T answer)
    {
        _session?.ReleaseState();
        return answer;
    }

    private async Task SaveAsync()
    {
        stored.State.Document = Session.Save();
        await stored.WriteStateAsync();

        // Storage holds the document now, and the live session its choices. Kept here, the text
        // (a new string every step) lived until the customer's next step and was promoted through
        // the collector's generations: under load a silo's collections promoted five times as
        // much with it (1.4 MB per collection against 0.26 MB) and paused twice as long. A
        // document is read again only to resume, on activation or after an outside save.
        stored.State.Document = null;
    }

    private SessionOptions Options(string? strategy) => new()
    {
        SessionId = this.GetPrimaryKeyString(),
        Pricing = services.GetService<PricingPipeline>(),
        Strategy = strategy,
    };
}
