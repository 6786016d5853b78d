using System.Collections.Immutable;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Sessions;

/// <summary>
/// One customer's interactive configuration over a shared <see cref="CompiledModel"/>: choices,
/// undo and redo, presets, and after every step the options still available (backtrack-free: an
/// available option always has a valid completion), the selections that are forced, and whether
/// the configuration is complete. A session is mutable and belongs to one caller at a time; any
/// number of sessions may share one compiled model across threads.
/// </summary>
public sealed partial class ConfigurationSession
{
    private readonly List<ImmutableArray<CustomerChoice>> _history = [[]];
    private int _position;

    private readonly PricingPipeline? _pricing;
    private readonly PricingRequest _request;

    private ConfigurationSession(CompiledModel model, string? presetId, PricingPipeline? pricing = null, PricingRequest? request = null)
    {
        Model = model;
        PresetId = presetId;
        _pricing = pricing;
        _request = request ?? PricingRequest.Default;
        State = Compute([]);
    }

    /// <summary>The compiled model the session configures.</summary>
    public CompiledModel Model { get; }

    /// <summary>The preset the session started from, if any.</summary>
    public string? PresetId { get; }

    /// <summary>What the session shows now.</summary>
    public SessionState State { get; private set; }

    /// <summary>The customer's choices, in order.</summary>
    public ImmutableArray<CustomerChoice> Choices => _history[_position];

    /// <summary>Starts an empty session (module defaults preselected where they fit).</summary>
    /// <param name="model">The compiled model.</param>
    public static ConfigurationSession Start(CompiledModel model) => new(Guard.NotNull(model), null);

    /// <summary>Starts an empty session that also reports, after every step, the price range and each available option's price difference.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="pricing">The pricing pipeline.</param>
    /// <param name="request">Quantity, personalization and customer; defaults when null.</param>
    public static ConfigurationSession Start(CompiledModel model, PricingPipeline pricing, PricingRequest? request = null) =>
        new(Guard.NotNull(model), null, Guard.NotNull(pricing), request);

    /// <summary>Starts from a preset (a standard product): its selections become the customer's choices.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="presetId">The preset's id.</param>
    /// <exception cref="ArgumentException">The model has no such preset.</exception>
    /// <param name="pricing">Optionally, a pricing pipeline, so that every step reports prices.</param>
    /// <param name="request">Quantity, personalization and customer for pricing; defaults when null.</param>
    public static ConfigurationSession StartFromPreset(CompiledModel model, string presetId, PricingPipeline? pricing = null, PricingRequest? request = null)
    {
        Guard.NotNull(model);
        var session = new ConfigurationSession(model, Guard.NotNullOrEmpty(presetId), pricing, request);
        session.Commit(session.PresetChoices(presetId));
        return session;
    }

    /// <summary>Chooses an option: in a single-select module it replaces the module's earlier choice; in a multi-select module it adds the option.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionId">The option.</param>
    /// <returns>Applied, or a conflict with the ways out (nothing changes until one is applied).</returns>
    /// <exception cref="InvalidSelectionException">The model has no such module or option.</exception>
    public ChoiceResult Select(string moduleId, string optionId) => Choose(new CustomerChoice(ChoiceKind.Select, moduleId, [optionId]));

    /// <summary>Rules an option out.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionId">The option.</param>
    /// <exception cref="InvalidSelectionException">The model has no such module or option.</exception>
    public ChoiceResult Deselect(string moduleId, string optionId) => Choose(new CustomerChoice(ChoiceKind.Deselect, moduleId, [optionId]));

    /// <summary>Sets a whole module to exactly these options (none for an optional module left empty).</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionIds">The options.</param>
    /// <exception cref="InvalidSelectionException">The model has no such module or option, or the module does not permit that many.</exception>
    public ChoiceResult SetModule(string moduleId, params string[] optionIds) => Choose(new CustomerChoice(ChoiceKind.Set, moduleId, [.. Guard.NotNull(optionIds)]));

    /// <summary>Forgets the customer's choices on a module (its default, if any, applies again).</summary>
    /// <param name="moduleId">The module.</param>
    /// <exception cref="InvalidSelectionException">The model has no such module.</exception>
    public void ClearModule(string moduleId)
    {
        Model.ModuleIndexOf(moduleId);
        Commit([.. Choices.Where(c => c.ModuleId != moduleId)]);
    }

    /// <summary>Applies a choice that conflicted, giving up the choices the diagnosis names.</summary>
    /// <param name="conflict">The conflicting result.</param>
    /// <param name="diagnosis">One of its diagnoses.</param>
    /// <exception cref="ArgumentException">The diagnosis does not belong to the conflict, or the choices changed since.</exception>
    public void Resolve(ChoiceResult conflict, Diagnosis diagnosis)
    {
        Guard.NotNull(conflict);
        Guard.NotNull(diagnosis);
        if (!conflict.Diagnoses.Contains(diagnosis))
        {
            throw new ArgumentException("The diagnosis is not one of the conflict's.", nameof(diagnosis));
        }

        var kept = Normalize(Choices, conflict.Choice).Where(c => !diagnosis.ChoicesToDrop.Contains(c)).ToImmutableArray();
        if (!Model.HasCompletion(RestrictionOf([.. kept, conflict.Choice])))
        {
            throw new ArgumentException("The session's choices changed since the conflict; choose again.", nameof(conflict));
        }

        Commit([.. kept, conflict.Choice]);
    }

    /// <summary>Takes back the last step; false when there is none.</summary>
    public bool Undo()
    {
        if (_position == 0)
        {
            return false;
        }

        _position--;
        State = Compute(Choices);
        return true;
    }

    /// <summary>Repeats the step last taken back; false when there is none.</summary>
    public bool Redo()
    {
        if (_position == _history.Count - 1)
        {
            return false;
        }

        _position++;
        State = Compute(Choices);
        return true;
    }

    /// <summary>Forgets every choice (an undoable step).</summary>
    public void Reset() => Commit([]);

    /// <summary>Returns to a preset's standard product in one (undoable) step.</summary>
    /// <param name="presetId">The preset; null for the one the session started from.</param>
    /// <exception cref="ArgumentException">No such preset, or none given and the session did not start from one.</exception>
    public void ReturnToPreset(string? presetId = null) =>
        Commit(PresetChoices(presetId ?? PresetId ?? throw new ArgumentException("The session did not start from a preset; name one.", nameof(presetId))));

    /// <summary>The preset nearest to the current configuration; null when the model has no presets.</summary>
    public PresetDistance? NearestPreset()
    {
        PresetDistance? best = null;
        foreach (var preset in Model.Model.Presets)
        {
            var differing = State.Modules
                .Where(m => m.Source == SelectionSource.Open
                    || !m.SelectedOptionIds.Order(StringComparer.Ordinal).SequenceEqual((preset.Selections.TryGetValue(m.ModuleId, out var s) ? s : default).Order(StringComparer.Ordinal)))
                .Select(m => m.ModuleId)
                .ToImmutableArray();
            if (best is null || differing.Length < best.Distance)
            {
                best = new PresetDistance(preset.Id, differing.Length, differing);
            }
        }

        return best;
    }

    private ChoiceResult Choose(CustomerChoice choice)
    {
        // Normalize checks the module exists; RestrictionOf checks its options and how many are selected.
        var others = Normalize(Choices, choice);
        if (Model.HasCompletion(RestrictionOf([.. others, choice])))
        {
            Commit([.. others, choice]);
            return new ChoiceResult(true, choice, [], null);
        }

        return new ChoiceResult(false, choice, Diagnose(others, choice), ExplainChoice(others, choice));
    }

    private void Commit(ImmutableArray<CustomerChoice> choices)
    {
        _history.RemoveRange(_position + 1, _history.Count - _position - 1);
        _history.Add(choices);
        _position++;
        State = Compute(choices);
    }

    /// <summary>The earlier choices that stay when <paramref name="choice"/> is added: those it replaces are dropped.</summary>
    private ImmutableArray<CustomerChoice> Normalize(ImmutableArray<CustomerChoice> choices, CustomerChoice choice)
    {
        var multi = Model.Model.Modules[Model.ModuleIndexOf(choice.ModuleId)].IsMultiSelect;
        return [.. choices.Where(Stays)];

        bool Stays(CustomerChoice earlier)
        {
            if (earlier.ModuleId != choice.ModuleId)
            {
                return true;
            }

            var overlaps = earlier.OptionIds.Intersect(choice.OptionIds).Any();
            return (multi, choice.Kind) switch
            {
                // A set replaces everything on its module.
                (_, ChoiceKind.Set) => false,

                // In a multi-select module, choices on other options stay unless they set the whole module.
                (true, _) => earlier.Kind != ChoiceKind.Set && !overlaps,

                // In a single-select module a selection replaces the module's earlier choice...
                (false, ChoiceKind.Select) => false,

                // ...and ruling an option out keeps what does not mention it.
                _ => !overlaps,
            };
        }
    }

    private ImmutableArray<CustomerChoice> PresetChoices(string presetId)
    {
        var preset = Model.Model.Presets.FirstOrDefault(p => p.Id == presetId)
            ?? throw new ArgumentException($"There is no preset '{presetId}'. Presets: {string.Join(", ", Model.Model.Presets.Select(p => p.Id))}.", nameof(presetId));
        return [.. preset.Selections.Select(s => new CustomerChoice(ChoiceKind.Set, s.Key, s.Value))];
    }
}
