using Configurator.Internal;
using Configurator.Pricing.QuantityTiers;
using Configurator.Pricing.RepeatPurchase;

namespace Configurator.Pricing;

/// <summary>
/// Composes a <see cref="PricingPipeline"/>: the model's pricing first, then each policy in the
/// order added (the order matters: a quantity price before a loyalty discount discounts the whole
/// order). Each block's options are validated and snapshotted when added. Mutable and single-use.
/// </summary>
public sealed class PricingPipelineBuilder
{
    private readonly List<IPricingPolicy> _policies = [];
    private bool _built;

    /// <summary>Adds a policy of your own; it must be non-decreasing in the running total.</summary>
    /// <param name="policy">The policy.</param>
    public PricingPipelineBuilder AddPolicy(IPricingPolicy policy)
    {
        Guard.State(!_built, "This builder has already built its pipeline.");
        _policies.Add(Guard.NotNull(policy));
        return this;
    }

    /// <summary>Prices an order of several units with tiered discounts.</summary>
    /// <param name="options">The tiers.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public PricingPipelineBuilder AddQuantityTiers(QuantityTierPricingOptions options) =>
        AddPolicy(new QuantityTierPricingPolicy(QuantityTierPricingOptions.Validated(options)));

    /// <summary>Gives customers with enough earlier orders a discount.</summary>
    /// <param name="options">The threshold and the discount.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists why).</exception>
    public PricingPipelineBuilder AddRepeatPurchaseDiscount(RepeatPurchasePricingOptions options) =>
        AddPolicy(new RepeatPurchasePricingPolicy(RepeatPurchasePricingOptions.Validated(options)));

    /// <summary>Returns the pipeline.</summary>
    /// <exception cref="InvalidOperationException">The builder was already built.</exception>
    public PricingPipeline Build()
    {
        Guard.State(!_built, "This builder has already built its pipeline.");
        _built = true;
        return new PricingPipeline([.. _policies]);
    }
}
