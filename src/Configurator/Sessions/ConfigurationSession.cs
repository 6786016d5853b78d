using System.Collections.Immutable;
using Configurator.Internal;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Sessions;

/// <summary>
/// One customer's interactive configuration over a shared <see cref="CompiledModel"/>: choices,
/// undo and redo, presets, and after every step the options still available (backtrack-free: an
/// available option always has a valid completion), what is selected and who selected it, and
/// whether the configuration is complete.
/// </summary>
/// <remarks>
/// Thread-safe: calls are serialized internally, so two requests from one customer (a double
/// click) never corrupt the session; each call's result carries the state it produced. Any number
/// of sessions may share one compiled model across threads. The undo history keeps at most
/// <see cref="SessionOptions.HistoryLimit"/> steps.
/// </remarks>
public sealed partial class ConfigurationSession
{
    private readonly Lock _gate = new();
    private readonly List<ImmutableArray<CustomerChoice>> _history = [[]];
    private readonly int _historyLimit;
    private readonly PricingPipeline? _pricing;
    private PricingRequest _request;
    private int _position;
    private int _step;
    // What the current step shows; null after ReleaseState until it is asked for again.
    private volatile SessionState? _state;
    private SessionState? _view;
    private ShownReasons? _lastReasons;

    /// <summary>The multi-select modules a strategy fixes whole when it applies a preset (see <see cref="PresetChoices"/>).</summary>
    internal Func<Modeling.Module, bool>? Pinned { get; set; }

    private ConfigurationSession(CompiledModel model, string? presetId, SessionOptions? options)
    {
        options ??= new SessionOptions();
        Guard.Positive(options.HistoryLimit, "options.HistoryLimit");
        Model = model;
        PresetId = presetId;
        _historyLimit = options.HistoryLimit;
        _pricing = options.Pricing;
        _request = options.Request ?? PricingRequest.Default;
        Culture = options.Culture ?? _request.Culture;
        if (Culture is not null && _request.Culture is null)
        {
            _request = _request with { Culture = Culture };
        }

        Text = Modeling.ModelText.For(model.Model, Culture);
        Id = string.IsNullOrEmpty(options.SessionId) ? Guid.NewGuid().ToString("N") : options.SessionId;
        Strategy = options.Strategy;
        _state = Compute([]);
    }

    /// <summary>The session's id (kept when it is saved and resumed).</summary>
    public string Id { get; }

    /// <summary>The compiled model the session configures.</summary>
    public CompiledModel Model { get; }

    /// <summary>The preset the session started from, if any.</summary>
    public string? PresetId { get; }

    /// <summary>The strategy driving the session, by name; null for a free session.</summary>
    public string? Strategy { get; }

    /// <summary>The customer's culture, if the session speaks one (see <see cref="SessionOptions.Culture"/>); null for the model's default text.</summary>
    public System.Globalization.CultureInfo? Culture { get; }

    /// <summary>The model's text in the session's culture.</summary>
    internal Modeling.ModelText Text { get; }

    /// <summary>The pricing pipeline, if the session reports prices.</summary>
    public PricingPipeline? Pricing => _pricing;

    /// <summary>What the session shows now, without explanations of unavailable options (see <see cref="View"/>).</summary>
    public SessionState State => _state ?? Current();

    /// <summary>The customer's choices (a preset's included), in order.</summary>
    public ImmutableArray<CustomerChoice> Choices
    {
        get
        {
            lock (_gate)
            {
                return _history[_position];
            }
        }
    }

    /// <summary>Starts an empty session (module defaults preselected where they fit).</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="options">Pricing (with it every step reports the price range, each available option's price difference and the breakdown), history limit, id; defaults when null.</param>
    /// <param name="cancellationToken">Stops the first availability pass on a large model; honoured within milliseconds.</param>
    /// <exception cref="ConfiguratorException">The pricing request's personalization is invalid (<see cref="ConfiguratorErrorCodes.InvalidPersonalization"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ConfigurationSession Start(CompiledModel model, SessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(model);
        using var scope = Interruption.Enter(cancellationToken);
        return new(model, null, options);
    }

    /// <summary>Starts from a preset (a standard product): its selections become choices that behave exactly like the customer's own, and the session starts there (no undo goes back before it).</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="presetId">The preset's id.</param>
    /// <param name="options">Pricing, history limit, id; defaults when null.</param>
    /// <exception cref="ConfiguratorException">The model has no such preset (<see cref="ConfiguratorErrorCodes.UnknownPreset"/>).</exception>
    public static ConfigurationSession StartFromPreset(CompiledModel model, string presetId, SessionOptions? options = null) =>
        StartFromPreset(model, presetId, options, pinned: null);

    /// <summary>Starts from a preset; the <paramref name="pinned"/> multi-select modules also rule out the options the preset leaves out (a strategy that fixes them).</summary>
    internal static ConfigurationSession StartFromPreset(CompiledModel model, string presetId, SessionOptions? options, Func<Modeling.Module, bool>? pinned)
    {
        Guard.NotNull(model);
        Guard.NotNullOrEmpty(presetId);
        var choices = PresetChoices(model, presetId, pinned);
        var session = new ConfigurationSession(model, presetId, options) { Pinned = pinned };

        // The standard product is where the session starts, not a step to undo (as when resuming).
        session._history[0] = choices;
        session.Show(choices);
        return session;
    }

    /// <summary>
    /// What the session shows now, with each unavailable option's explanation
    /// (<see cref="OptionState.Reason"/>): the state to send to a page. Computed once per step.
    /// </summary>
    public SessionState View()
    {
        lock (_gate)
        {
            return _view ??= WithReasons(Current());
        }
    }

    /// <summary>
    /// Lets go of what the session computed for its current step (the state and the view with its
    /// explanations), keeping its choices, history and personalization. <see cref="State"/> and
    /// <see cref="View"/> compute the same values again when next asked. For a server that holds
    /// many sessions between a customer's steps: the results it already sent are all a step
    /// allocates, so nothing of a step outlives its answer (a session grain does this after every call).
    /// </summary>
    public void ReleaseState()
    {
        lock (_gate)
        {
            _state = null;
            _view = null;
        }
    }

    /// <summary>The current step's state, computed again if it was released.</summary>
    private SessionState Current()
    {
        lock (_gate)
        {
            return _state ??= Compute(_history[_position]);
        }
    }

    private void Commit(ImmutableArray<CustomerChoice> choices)
    {
        _history.RemoveRange(_position + 1, _history.Count - _position - 1);
        _history.Add(choices);
        _position++;
        if (_history.Count > _historyLimit + 1)
        {
            _history.RemoveAt(0);
            _position--;
        }

        Show(choices);
    }

    private void Show(ImmutableArray<CustomerChoice> choices)
    {
        _step++;
        _view = null;
        _state = Compute(choices);
    }
}
