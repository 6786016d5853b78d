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
/// one call at a time per grain, so the session needs no other gate.
/// </summary>
internal sealed class SessionGrain(
    [PersistentState("session", ConfiguratorOrleans.StorageName)] IPersistentState<SessionGrainState> stored,
    IModelCatalog catalog,
    IServiceProvider services) : Grain, ISessionGrain
{
    private ConfigurationSession? _session;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.State.Document is { } json)
        {
            var document = SessionDocument.Parse(json);
            _session = ConfigurationSession.Resume(catalog.Get(document.ModelId, cancellationToken), document, Options(document.Strategy)).Session;
        }

        return Task.CompletedTask;
    }

    public async Task<SessionState> StartAsync(string modelId, string? presetId)
    {
        var model = catalog.Get(modelId);
        var options = Options(strategy: null);
        _session = presetId is null ? ConfigurationSession.Start(model, options) : ConfigurationSession.StartFromPreset(model, presetId, options);
        await SaveAsync();
        return _session.View();
    }

    public Task<SessionState> ViewAsync() => Task.FromResult(Session.View());

    public async Task<ChoiceResult> ChooseAsync(CustomerChoice choice)
    {
        var result = Apply(choice);
        if (result.Applied)
        {
            await SaveAsync();
        }

        return result;
    }

    public async Task<SessionState> ResolveAsync(CustomerChoice choice, int diagnosisIndex)
    {
        var result = Apply(choice);
        if (!result.Applied)
        {
            Session.Resolve(result, diagnosisIndex);
        }

        await SaveAsync();
        return Session.View();
    }

    public Task<SessionState> UndoAsync() => Change(session => session.Undo());

    public Task<SessionState> RedoAsync() => Change(session => session.Redo());

    public Task<SessionState> ResetAsync() => Change(session => session.Reset());

    public Task<Explanation?> ExplainAsync(string moduleId, string optionId) => Task.FromResult(Session.Explain(moduleId, optionId));

    public Task<SessionDocument> DocumentAsync() => Task.FromResult(Session.ToDocument());

    private ConfigurationSession Session => _session ?? throw new ConfiguratorException(
        ConfiguratorErrorCodes.UnknownSession, $"There is no session '{this.GetPrimaryKeyString()}'; start one first.");

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
        return Session.View();
    }

    private async Task SaveAsync()
    {
        stored.State.Document = Session.Save();
        await stored.WriteStateAsync();
    }

    private SessionOptions Options(string? strategy) => new()
    {
        SessionId = this.GetPrimaryKeyString(),
        Pricing = services.GetService<PricingPipeline>(),
        Strategy = strategy,
    };
}
