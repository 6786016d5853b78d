using Configurator.Pricing;
using Configurator.Sessions;

namespace Configurator.WebShop.Api;

/// <summary>Turns the library's session state into the API's view: a mapping, no configuration logic.</summary>
internal static class Views
{
    /// <summary>The view of the session's state; <paramref name="before"/> is its state before the route's step, for <c>modules=changed</c>.</summary>
    public static SessionView Of(ConfigurationSession session, SessionState? state = null, ModuleQuery? query = null, SessionState? before = null)
    {
        state ??= session.View();
        var (modules, matching) = (query ?? ModuleQuery.All).Select(state, before);
        var model = session.Model.Model;
        var nearest = session.NearestPreset();
        var text = Modeling.ModelText.For(model, session.Culture);
        return new SessionView(
            state.SessionId,
            state.ModelId,
            state.ModelVersion,
            state.Step,
            state.IsComplete,
            state.IsValid,
            state.Completions?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PriceOf(state),
            [.. modules.Select(m => new ModuleView(m.ModuleId, m.Name, m.Min, m.Max, m.IsDecided,
                [.. m.Options.Select(o => new OptionView(o.OptionId, o.Name, o.IsAvailable, o.IsSelected, o.Source, o.PriceDifference,
                    o.Reason is { } r ? new ReasonView([.. r.Constraints], [.. r.Selections], r.Message) : null))]))],
            [.. state.Choices.Select(c => c.ToNotation(model.Modules.First(m => m.Id == c.ModuleId).IsMultiSelect))],
            state.PresetId,
            nearest is null ? null : new NearestPresetView(nearest.PresetId, text.Name(model.Presets.First(p => p.Id == nearest.PresetId)), nearest.Distance, [.. nearest.DifferingModules]),
            session.CanUndo,
            session.CanRedo,
            [.. model.Personalization.Select(f => new FieldView(f.Id, text.Name(f), f.Type == Modeling.PersonalizationType.Choice ? "choice" : "text",
                session.Personalization.TryGetValue(f.Id, out var value) ? value : null, f.Required, f.MaxLength, [.. f.Choices], f.Price))])
        {
            Attributes = [.. state.Attributes.Select(a => new AttributeView(a.AttributeId, a.Name, a.Unit, a.Min, a.Max, a.Value))],
            ModuleCount = matching,
        };
    }

    /// <summary>A refused choice: its explanation, the ways out, and the unchanged view.</summary>
    public static ConflictView Conflict(ChoiceResult conflict, SessionView view) =>
        new(true, conflict.Explanation?.Message ?? "The choice conflicts with earlier ones.",
            [.. conflict.Diagnoses.Select(d => (IReadOnlyList<string>)[.. d.Selections])], view);

    public static PriceView? PriceOf(SessionState state)
    {
        if (state.Breakdown is { } breakdown)
        {
            return new PriceView(null, null, Amounts.Format(breakdown.Total), breakdown.Total.Currency,
                [.. breakdown.Lines.Select(l => new PriceLineView(Amounts.Format(l.Kind), l.Id, l.Label, Amounts.Format(l.Amount, breakdown.Total.Currency)))]);
        }

        return state.Price is { } range ? new PriceView(Amounts.Format(range.Min), Amounts.Format(range.Max), null, range.Min.Currency, null) : null;
    }
}
