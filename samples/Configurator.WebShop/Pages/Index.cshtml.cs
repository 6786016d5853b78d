using Configurator.WebShop.Api;
using Configurator.WebShop.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Configurator.WebShop.Pages;

/// <summary>The catalogue: every model with its number of variants and price range.</summary>
public sealed class IndexModel(ShopCatalog catalog, ShopSessions sessions) : PageModel
{
    public IReadOnlyList<ModelSummary> Models { get; private set; } = [];

    public void OnGet() => Models = catalog.Models();

    public async Task<IActionResult> OnPostStartAsync(string model, string? preset, CancellationToken cancellationToken)
    {
        var session = await sessions.StartAsync(model, string.IsNullOrEmpty(preset) ? null : preset, null, RequestCultures.Of(Request, null), cancellationToken);
        return Redirect($"/configure/{session.Id}");
    }
}
