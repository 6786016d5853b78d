using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Strategies.Transparent;
using Configurator.WebShop.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Configurator.WebShop.Pages;

/// <summary>The transparent strategy: a profile form, the product inferred from it, and the notes for the shop.</summary>
public sealed class ProfileModel(ShopSessions sessions, TransparentStrategy transparent, PricingPipeline pricing) : PageModel
{
    public ProductModel Product { get; private set; } = null!;

    public Inference? Inference { get; private set; }

    public string? Message { get; private set; }

    public void OnGet(string model) => Product = sessions.Catalog.Get(model).Model;

    /// <summary>Infers from the preferred option per module (form fields <c>prefer.MODULE</c>).</summary>
    public IActionResult OnPost(string model)
    {
        var compiled = sessions.Catalog.Get(model);
        Product = compiled.Model;
        var preferences = Product.Modules
            .Select(m => (Module: m, Option: Request.Form[$"prefer.{m.Id}"].ToString()))
            .Where(p => p.Option.Length > 0 && p.Module.FindOption(p.Option) is not null)
            .Select(p => new Preference(p.Module.Id, p.Option, 1))
            .ToList();
        Inference = transparent.Infer(compiled, new CustomerProfile { Preferences = [.. preferences] }, pricing);
        Message = Inference is null ? "No product fits every preference; drop one and try again." : null;
        return Page();
    }

    /// <summary>Opens the inferred product in the configurator, each module set as inferred.</summary>
    public async Task<IActionResult> OnPostConfigureAsync(string model, string configuration, CancellationToken cancellationToken)
    {
        var selection = Configurator.Solving.Selection.Parse(configuration.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var session = await sessions.StartAsync(model, null, TransparentStrategy.StrategyName, Shop.RequestCultures.Of(Request, null), cancellationToken);
        await sessions.ChangeAsync(session.Id, live =>
        {
            foreach (var (module, options) in selection.Choices)
            {
                live.Session.SetModule(module, [.. options]);
            }

            return true;
        }, cancellationToken);
        return Redirect($"/configure/{session.Id}");
    }
}
