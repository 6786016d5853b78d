using System.Buffers.Text;
using System.Text;
using Configurator.Sessions;
using Configurator.WebShop.Api;
using Configurator.WebShop.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Configurator.WebShop.Pages;

/// <summary>The hand-off to a cart: the configuration, its breakdown, the saved document, and a link that resumes it later.</summary>
public sealed class SummaryModel(ShopSessions sessions) : PageModel
{
    public SessionView View { get; private set; } = null!;

    public string Document { get; private set; } = "";

    public string ResumeLink { get; private set; } = "";

    public async Task OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(id, cancellationToken);
        View = Views.Of(session);
        Document = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(session.Save()), Indented);
        ResumeLink = $"/resume?document={Base64Url.EncodeToString(Encoding.UTF8.GetBytes(session.Save()))}";
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };
}

/// <summary>Opens a saved link: the document in the address, resumed into a live session.</summary>
public sealed class ResumeModel(ShopSessions sessions) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? document, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(document) || !Base64Url.IsValid(document))
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidSessionDocument, "The link does not carry a saved configuration; open it from the summary page again.");
        }

        var resumed = await sessions.ResumeAsync(SessionDocument.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(document))), cancellationToken);
        return Redirect($"/configure/{resumed.Session.Id}");
    }
}
