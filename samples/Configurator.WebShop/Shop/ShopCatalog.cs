using System.Runtime.CompilerServices;
using Configurator.DependencyInjection;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.WebShop.Api;

namespace Configurator.WebShop.Shop;

/// <summary>The catalogue: each model's name, number of variants and price range, worked out once per compiled model.</summary>
public sealed class ShopCatalog(IModelCatalog catalog, PricingPipeline pricing)
{
    // Keyed by the compiled model itself, so a model file that is edited and recompiled is summed up again.
    private readonly ConditionalWeakTable<CompiledModel, ModelSummary> _summaries = [];

    /// <summary>Every model that compiles, by id.</summary>
    public IReadOnlyList<ModelSummary> Models() =>
        [.. catalog.ModelIds.Select(id => catalog.TryGet(id, out var model) ? Summary(model) : null).OfType<ModelSummary>()];

    /// <summary>The summary of one compiled model.</summary>
    public ModelSummary Summary(CompiledModel model) => _summaries.GetValue(model, m =>
    {
        var range = pricing.Range(m);

        // Counted as a session's first page counts it: null beyond the compiler's decision budget
        // (the Linux kernel's model), where a whole count would keep the catalogue from answering.
        var count = ConfigurationSession.Start(m).State.Completions;
        return new ModelSummary(m.Model.Id, m.Model.Name ?? m.Model.Id, m.Model.Version, count?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            range?.Min.Currency, range is null ? null : Amounts.Format(range.Min), range is null ? null : Amounts.Format(range.Max),
            [.. m.Model.Presets.Select(p => new PresetSummary(p.Id, p.Name ?? p.Id))]);
    });
}
