using Configurator.Strategies.Collaborative;
using Configurator.WebShop.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Configurator.WebShop.Pages;

/// <summary>The collaborative strategy: one question at a time, each answer a choice in the session.</summary>
public sealed class DialogueModel(ShopSessions sessions) : PageModel
{
    public string Id { get; private set; } = "";

    public Question? Question { get; private set; }

    public Dialogue Dialogue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, string? model, CancellationToken cancellationToken)
    {
        if (id == "new" && model is not null)
        {
            var session = await sessions.StartAsync(model, null, CollaborativeStrategy.StrategyName, Shop.RequestCultures.Of(Request, null), cancellationToken);
            return Redirect($"/dialogue/{session.Id}");
        }

        Id = id;
        Dialogue = await sessions.DialogueAsync(id, cancellationToken);
        Question = Dialogue.Current;
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string id, string[] option, CancellationToken cancellationToken)
    {
        await sessions.DialogueAsync(id, cancellationToken);
        await sessions.ChangeAsync(id, live => live.Dialogue!.Answer(option), cancellationToken);
        return Redirect($"/dialogue/{id}");
    }

    public async Task<IActionResult> OnPostBackAsync(string id, CancellationToken cancellationToken)
    {
        await sessions.DialogueAsync(id, cancellationToken);
        await sessions.ChangeAsync(id, live => live.Dialogue!.Back(), cancellationToken);
        return Redirect($"/dialogue/{id}");
    }
}
