using Configurator.Sessions;
using Configurator.WebShop.Api;
using Configurator.WebShop.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Configurator.WebShop.Pages;

/// <summary>
/// The configurator page: every module as a radio or checkbox group, unavailable options with
/// their reasons, the live price, undo/redo/reset, back to the standard product, and the conflict
/// dialog when the customer insists on an unavailable option. Each post is one library call.
/// </summary>
public sealed class ConfigureModel(ShopSessions sessions) : PageModel
{
    public SessionView View { get; private set; } = null!;

    /// <summary>The product's display name.</summary>
    public string Name { get; private set; } = "";

    public ConflictView? Conflict { get; private set; }

    /// <summary>The choice that conflicted (so that a diagnosis can be applied to it).</summary>
    public (string Module, string Option, string Action)? Insisted { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken cancellationToken) => Show(await sessions.GetAsync(id, cancellationToken));

    private void Show(ConfigurationSession session)
    {
        View = Views.Of(session);
        Name = Configurator.Modeling.ModelText.For(session.Model.Model, session.Culture).Name(session.Model.Model);

        // The page's language, so that a browser picks the right glyphs for the session's names.
        ViewData["Language"] = session.Culture?.Name;
    }

    /// <summary>Applies a module's form: the radio's option, or each checkbox that changed.</summary>
    public async Task<IActionResult> OnPostApplyAsync(string id, string module, string[] option, CancellationToken cancellationToken)
    {
        var outcome = await sessions.ChangeAsync(id, live =>
        {
            var state = live.Session.State[module];
            var wanted = option.ToHashSet(StringComparer.Ordinal);
            var steps = state.Max == 1
                ? wanted.Where(o => !state.SelectedOptionIds.Contains(o)).Select(o => (o, "select")).Take(1)
                : state.Options.Where(o => wanted.Contains(o.OptionId) != o.IsSelected).Select(o => (o.OptionId, wanted.Contains(o.OptionId) ? "select" : "deselect"));
            foreach (var (o, action) in steps.ToList())
            {
                var result = action == "select" ? live.Session.Select(module, o) : live.Session.Deselect(module, o);
                if (!result.Applied)
                {
                    return (Result: result, Action: action);
                }
            }

            return (Result: (ChoiceResult?)null, Action: "");
        }, cancellationToken);

        if (outcome.Result is { } conflict)
        {
            Show(await sessions.GetAsync(id, cancellationToken));
            Insisted = (module, conflict.Choice.OptionIds[0], outcome.Action);
            Conflict = Views.Conflict(conflict, View);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/configure/{id}");
    }

    /// <summary>Messages per personalization field whose value was refused.</summary>
    public Dictionary<string, IReadOnlyList<string>> FieldErrors { get; } = [];

    /// <summary>Sets the personalization fields of the form (<c>field.ID</c>); refused values come back with their messages.</summary>
    public async Task<IActionResult> OnPostPersonalizeAsync(string id, CancellationToken cancellationToken)
    {
        var session = await sessions.ChangeAsync(id, live =>
        {
            foreach (var field in live.Session.Model.Model.Personalization)
            {
                var value = Request.Form[$"field.{field.Id}"].ToString();
                var messages = live.Session.Personalize(field.Id, value);
                if (!messages.IsEmpty)
                {
                    FieldErrors[field.Id] = messages;
                }
            }

            return live.Session;
        }, cancellationToken);
        if (FieldErrors.Count == 0)
        {
            return Redirect($"/configure/{id}");
        }

        Show(session);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(string id, string module, string option, string action, int diagnosis, CancellationToken cancellationToken)
    {
        _ = await ShopApi.Resolve(id, new ResolveRequest(module, option, action, diagnosis), sessions, Request, cancellationToken);
        return Redirect($"/configure/{id}");
    }

    public Task<IActionResult> OnPostUndoAsync(string id, CancellationToken cancellationToken) => Step(id, s => s.Undo(), cancellationToken);

    public Task<IActionResult> OnPostRedoAsync(string id, CancellationToken cancellationToken) => Step(id, s => s.Redo(), cancellationToken);

    public Task<IActionResult> OnPostResetAsync(string id, CancellationToken cancellationToken) => Step(id, s => s.Reset(), cancellationToken);

    /// <summary>Back to the standard product: the preset the session began from, else the nearest one.</summary>
    public Task<IActionResult> OnPostStandardAsync(string id, CancellationToken cancellationToken) =>
        Step(id, s => s.ReturnToPreset(s.PresetId ?? s.NearestPreset()?.PresetId), cancellationToken);

    private async Task<IActionResult> Step(string id, Action<ConfigurationSession> step, CancellationToken cancellationToken)
    {
        await sessions.ChangeAsync(id, live =>
        {
            step(live.Session);
            return true;
        }, cancellationToken);
        return Redirect($"/configure/{id}");
    }
}
