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
/// A model of more modules than <c>Configurator:ModulesPerPage</c> (50) shows them a page at a
/// time with a search box: automotive2_4's page of 18,616 modules was 17 MB of HTML.
/// </summary>
public sealed class ConfigureModel(ShopSessions sessions, IConfiguration configuration) : PageModel
{
    public SessionView View { get; private set; } = null!;

    /// <summary>Whether the modules come a page at a time (a model wider than a page, or a search).</summary>
    public bool Paged { get; private set; }

    /// <summary>The search the page shows the modules of; null for all.</summary>
    public string? Search { get; private set; }

    /// <summary>The page of modules shown, from 1.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>How many modules a page shows.</summary>
    public int ModulesPerPage => Math.Max(1, configuration.GetValue("Configurator:ModulesPerPage", 50));

    /// <summary>How many pages the matching modules fill (at least one).</summary>
    public int PageCount => Math.Max(1, (View.ModuleCount + ModulesPerPage - 1) / ModulesPerPage);

    /// <summary>The product's display name.</summary>
    public string Name { get; private set; } = "";

    public ConflictView? Conflict { get; private set; }

    /// <summary>The choice that conflicted (so that a diagnosis can be applied to it).</summary>
    public (string Module, string Option, string Action)? Insisted { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken cancellationToken) => Show(await sessions.GetAsync(id, cancellationToken));

    private void Show(ConfigurationSession session)
    {
        Search = Request.Query["search"].ToString() is { Length: > 0 } search ? search : null;
        PageNumber = int.TryParse(Request.Query["modulePage"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;
        Paged = Search is not null || session.Model.Model.Modules.Count > ModulesPerPage;
        var skip = (long)(PageNumber - 1) * ModulesPerPage;
        View = Views.Of(session, query: Paged ? new ModuleQuery(null, Search, (int)Math.Min(skip, int.MaxValue), ModulesPerPage) : null);
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

        return Redirect(Back(id));
    }

    /// <summary>This page's address with its search and page of modules (where the conflict dialog's "Cancel" returns).</summary>
    public string Here => Back(View.Id);

    /// <summary>The page to return to after a post: the same search and page of modules.</summary>
    private string Back(string id)
    {
        var query = new Dictionary<string, string?>();
        foreach (var name in (string[])["search", "modulePage"])
        {
            if (Request.Query[name].ToString() is { Length: > 0 } value)
            {
                query[name] = value;
            }
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/configure/{id}", query);
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
            return Redirect(Back(id));
        }

        Show(session);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(string id, string module, string option, string action, int diagnosis, CancellationToken cancellationToken)
    {
        _ = await ShopApi.Resolve(id, new ResolveRequest(module, option, action, diagnosis), sessions, Request, cancellationToken);
        return Redirect(Back(id));
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
        return Redirect(Back(id));
    }
}
