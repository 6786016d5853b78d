using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Strategies.Adaptive;

/// <summary>One customer adapting a standard product. Mutable; one caller at a time.</summary>
public sealed class AdaptiveCustomization
{
    internal AdaptiveCustomization(ConfigurationSession session) => Session = session;

    /// <summary>The underlying session (read its <see cref="ConfigurationSession.State"/>).</summary>
    public ConfigurationSession Session { get; }

    /// <summary>The modules the customer may change.</summary>
    public IEnumerable<string> AdjustableModules => Session.Model.Model.Modules.Where(m => m.Adjustable).Select(m => m.Id);

    /// <summary>The current configuration (always complete and valid: it starts from a valid preset and changes only through the solver).</summary>
    public Selection Configuration => Session.State.Configuration ?? throw new InvalidOperationException("The standard product is incomplete; this cannot happen for a compiled model's preset.");

    /// <summary>
    /// Changes an adjustable module. A module that is not adjustable is refused with a message; a
    /// change that conflicts with the fixed modules is refused, and one that conflicts only with
    /// other adjustable modules comes back with diagnoses that give up only adjustable choices. A
    /// change that fits but leaves the product incomplete (it needs an option in an adjustable
    /// module the standard product left empty) also gives the modules it leaves open the cheapest
    /// selection that fits, so <see cref="Configuration"/> stays complete.
    /// </summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionIds">Its new options.</param>
    /// <exception cref="InvalidSelectionException">The model has no such module or option.</exception>
    public AdaptiveChange Change(string moduleId, params string[] optionIds)
    {
        Guard.NotNull(optionIds);
        var module = Session.Model.Model.Modules[Session.Model.ModuleIndexOf(moduleId)];
        var text = Session.Text;
        if (!module.Adjustable)
        {
            var adjustableNames = Session.Model.Model.Modules.Where(m => m.Adjustable).Select(text.Name);
            return new AdaptiveChange(false, text.Format(text.Phrases.NotAdjustable, text.Name(module), string.Join(text.Phrases.ListSeparator, adjustableNames)), null);
        }

        var result = Session.SetModule(moduleId, optionIds);
        if (result.Applied)
        {
            var filled = KeepComplete();
            return new AdaptiveChange(true, null, filled.Count == 0 ? result : result with { State = Session.State }) { FilledModules = filled };
        }

        var adjustable = AdjustableModules.ToHashSet(StringComparer.Ordinal);
        var allowed = result with { Diagnoses = [.. result.Diagnoses.Where(d => d.ChoicesToDrop.All(c => adjustable.Contains(c.ModuleId)))] };
        return new AdaptiveChange(false, allowed.Diagnoses.IsEmpty
            ? text.Format(text.Phrases.NotPossibleWithStandard, result.Explanation)
            : text.Format(text.Phrases.OnlyByChangingOthers, result.Explanation), allowed);
    }

    /// <summary>Applies a conflicting change, giving up the adjustable choices the diagnosis names.</summary>
    /// <param name="change">The refused change.</param>
    /// <param name="diagnosis">One of its diagnoses.</param>
    public void Resolve(AdaptiveChange change, Diagnosis diagnosis)
    {
        Guard.NotNull(change);
        Session.Resolve(change.Result ?? throw new ArgumentException("The change was refused outright; there is nothing to resolve.", nameof(change)), diagnosis);
        KeepComplete();
    }

    /// <summary>
    /// Keeps the product complete, as a standard product is: when the choices no longer make one
    /// (a module whose choice a resolution gave up, or an optional module the standard product left
    /// empty that a change now needs), the modules that differ from the cheapest product that keeps
    /// every choice take its selection, within the same step (some product that fits, where prices
    /// are beyond decimal or their range beyond its budget). Returns those modules.
    /// </summary>
    private EquatableArray<string> KeepComplete()
    {
        var state = Session.State;
        if (state.Configuration is not null || Completion() is not { } completion)
        {
            return [];
        }

        var sets = new List<CustomerChoice>();
        foreach (var module in state.Modules)
        {
            var selected = completion.Choices[module.ModuleId];
            if (!selected.Order(StringComparer.Ordinal).SequenceEqual(module.SelectedOptionIds.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                sets.Add(new CustomerChoice(ChoiceKind.Set, module.ModuleId, [.. selected]) { Origin = ChoiceOrigin.Completion });
            }
        }

        // Within the step just taken, so that one undo takes the change and its completion back.
        Session.ExtendStep(sets);
        return [.. sets.Select(c => c.ModuleId)];
    }

    /// <summary>The cheapest product that keeps every choice; some product that does where prices cannot say (beyond decimal, or their range beyond its budget).</summary>
    private Selection? Completion()
    {
        var restriction = Session.RestrictionOf(Session.Choices);
        try
        {
            return Pricing.PricingPipeline.Default.RangeOf(Session.Model, restriction, Pricing.PricingRequest.Default)?.Cheapest;
        }
        catch (ConfiguratorException e) when (e.Code is ConfiguratorErrorCodes.PriceOverflow or ConfiguratorErrorCodes.LimitExceeded)
        {
            return Session.Model.Find(restriction) is { } values ? Session.Model.ToSelection(values) : null;
        }
    }

    /// <summary>Returns to the standard product in one step.</summary>
    public void ReturnToStandard() => Session.ReturnToPreset();
}

/// <summary>The outcome of an adaptive change. Immutable.</summary>
/// <param name="Accepted">Whether it was applied.</param>
/// <param name="Message">Why not, for the customer.</param>
/// <param name="Result">The session's result (with diagnoses restricted to adjustable modules); null when refused outright.</param>
public sealed record AdaptiveChange(bool Accepted, string? Message, ChoiceResult? Result)
{
    /// <summary>
    /// When accepted: the modules the change left open that took the cheapest selection that fits,
    /// so that the product stays complete (in model order; empty when none). Tell the customer.
    /// </summary>
    public EquatableArray<string> FilledModules { get; init; } = [];
}
