using Configurator.Internal;
using Configurator.Solving;
using Configurator.Strategies.Advice;

namespace Configurator.Customers;

/// <summary>How a customer is served.</summary>
public enum CustomizationRoute
{
    /// <summary>The standard products (presets) as they are.</summary>
    StandardPresets,

    /// <summary>The standard products, with repeat-purchase pricing for a frequent buyer.</summary>
    PresetsWithRepeatPricing,

    /// <summary>A standard product whose adjustable modules the customer changes (<c>adaptive</c>).</summary>
    Adaptive,

    /// <summary>A standard product presented the customer's way: personalization fields (<c>cosmetic</c>).</summary>
    Cosmetic,

    /// <summary>A dialogue, one question at a time (<c>collaborative</c>).</summary>
    Collaborative,

    /// <summary>The configuration inferred from the customer's profile and history (<c>transparent</c>).</summary>
    Transparent,
}

/// <summary>Where a customer is routed and why, in words a shop can show its staff. Immutable.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Marketing">The marketing mode (value × needs).</param>
/// <param name="Selection">The segment selection (value × capability match).</param>
/// <param name="Route">How the customer is served.</param>
/// <param name="Reason">Why, in a sentence or two.</param>
public sealed record Routing(string CustomerId, MarketingMode Marketing, SegmentSelection Selection, CustomizationRoute Route, string Reason);

/// <summary>A shop's policy for routing customers to a way of serving them; replace <see cref="DefaultStrategyRouter"/> to change it.</summary>
public interface IStrategyRouter
{
    /// <summary>Routes one customer of <paramref name="model"/>; the route must be one the model can run.</summary>
    /// <param name="model">The compiled model the customer configures.</param>
    /// <param name="segment">The customer's segment.</param>
    Routing Route(CompiledModel model, CustomerSegment segment);
}

/// <summary>
/// The default routing: the two matrices of <see cref="StrategyAdvisor"/> pick the marketing mode and
/// the selection; the route follows the marketing mode (mass marketing: standard products;
/// frequency marketing: standard products with repeat-purchase pricing; customization marketing:
/// the transparent strategy for a customer known well enough, else a dialogue; not targeted:
/// cosmetic, else adaptive) except that a customer the model serves poorly gets an adjustable
/// standard product when they are worth it (opportunistic). A route the model cannot run (no
/// presets, no adjustable module, no personalization field) falls back along
/// cosmetic → adaptive → collaborative and standard products → collaborative, which every model
/// runs; the reason says so.
/// </summary>
/// <param name="wellKnownOrders">How many orders make a customer known well enough to infer their configuration (transparent). Default 3.</param>
public sealed class DefaultStrategyRouter(int wellKnownOrders = 3) : IStrategyRouter
{
    private readonly int _wellKnownOrders = wellKnownOrders >= 1 ? wellKnownOrders
        : throw new ArgumentOutOfRangeException(nameof(wellKnownOrders), wellKnownOrders, "A customer is known well after at least 1 order.");

    /// <inheritdoc/>
    public Routing Route(CompiledModel model, CustomerSegment segment)
    {
        Guard.NotNull(model);
        Guard.NotNull(segment);
        var score = segment.Score;
        var marketing = StrategyAdvisor.Marketing(score.Value, segment.Needs);
        var selection = StrategyAdvisor.Selection(score.Value, segment.Match);
        var (wanted, why) = (marketing, selection) switch
        {
            (_, SegmentSelection.Opportunistic) => (CustomizationRoute.Adaptive, $"{Tier(score)} customer the model serves poorly ({segment.CapabilityShare:P0} of their orders still allowed): an adjustable standard product"),
            (MarketingMode.CustomizationMarketing, _) when score.Frequency >= _wellKnownOrders => (CustomizationRoute.Transparent, $"{Tier(score)} customer with individual needs and {score.Frequency} orders: infer the configuration from their history"),
            (MarketingMode.CustomizationMarketing, _) => (CustomizationRoute.Collaborative, $"{Tier(score)} customer with individual needs: a dialogue, one question at a time"),
            (MarketingMode.FrequencyMarketing, _) => (CustomizationRoute.PresetsWithRepeatPricing, $"{Tier(score)} customer content with standard products: keep them buying with repeat-purchase pricing"),
            (MarketingMode.MassMarketing, _) => (CustomizationRoute.StandardPresets, $"{Tier(score)} customer content with standard products"),
            _ => (CustomizationRoute.Cosmetic, $"{Tier(score)} customer with individual needs: a standard product made theirs at little cost"),
        };

        var route = Runnable(model, wanted, out var fallback);
        var reason = $"{char.ToUpperInvariant(why[0])}{why[1..]}.{(fallback is null ? "" : $" {fallback}")}";
        return new Routing(score.CustomerId, marketing, selection, route, reason);
    }

    /// <summary>Whether <paramref name="model"/> can run <paramref name="route"/>.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="route">The route.</param>
    public static bool CanRun(CompiledModel model, CustomizationRoute route)
    {
        Guard.NotNull(model);
        var presets = model.Model.Presets.Count > 0;
        return route switch
        {
            CustomizationRoute.StandardPresets or CustomizationRoute.PresetsWithRepeatPricing => presets,
            CustomizationRoute.Adaptive => presets && model.Model.Modules.Any(m => m.Adjustable),
            CustomizationRoute.Cosmetic => presets && model.Model.Personalization.Count > 0,
            _ => true,
        };
    }

    private static CustomizationRoute Runnable(CompiledModel model, CustomizationRoute wanted, out string? fallback)
    {
        fallback = null;
        var route = wanted;
        while (!CanRun(model, route))
        {
            var next = route == CustomizationRoute.Cosmetic ? CustomizationRoute.Adaptive : CustomizationRoute.Collaborative;
            fallback = $"The model cannot run {Name(wanted)} ({Missing(route)}), so {Name(next)}.";
            route = next;
        }

        return route;
    }

    private static string Missing(CustomizationRoute route) => route switch
    {
        CustomizationRoute.Adaptive => "it needs presets and an adjustable module",
        CustomizationRoute.Cosmetic => "it needs presets and a personalization field",
        _ => "it has no presets",
    };

    private static string Name(CustomizationRoute route) => route switch
    {
        CustomizationRoute.StandardPresets => "standard products",
        CustomizationRoute.PresetsWithRepeatPricing => "standard products with repeat-purchase pricing",
        _ => route.ToString().ToLowerInvariant(),
    };

    /// <summary>The tier with its article: "a key", "an important", "an ordinary", "a small".</summary>
    private static string Tier(CustomerScore score) => score.Tier switch
    {
        ValueTier.Key => "a key",
        ValueTier.Important => "an important",
        ValueTier.Ordinary => "an ordinary",
        _ => "a small",
    };
}
