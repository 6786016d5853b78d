using Configurator.Internal;
using FluentValidation;

namespace Configurator.Pricing.QuantityTiers;

/// <summary>One tier: from this quantity on, this discount applies to the whole order.</summary>
/// <param name="MinQuantity">The smallest quantity the tier applies to.</param>
/// <param name="DiscountPercent">The discount, in percent (0 to 100).</param>
public sealed record QuantityTier(int MinQuantity, decimal DiscountPercent);

/// <summary>Options of the quantity-tier policy: the order total is the unit price times the quantity, less the tier's discount.</summary>
public sealed class QuantityTierPricingOptions
{
    /// <summary>The tiers; the one with the highest minimum quantity not above the order's applies.</summary>
    /// <value>Defaults to none: the quantity multiplies the price without a discount.</value>
    public IList<QuantityTier> Tiers { get; init; } = [];

    internal static QuantityTierPricingOptions Validated(QuantityTierPricingOptions options)
    {
        new QuantityTierPricingOptionsValidator().ValidateAndThrowArgument(options);
        return new QuantityTierPricingOptions { Tiers = [.. options.Tiers.OrderBy(t => t.MinQuantity)] };
    }
}

/// <summary>Checks quantity tiers when the policy is added.</summary>
internal sealed class QuantityTierPricingOptionsValidator : AbstractValidator<QuantityTierPricingOptions>
{
    public QuantityTierPricingOptionsValidator()
    {
        RuleForEach(o => o.Tiers).ChildRules(tier =>
        {
            tier.RuleFor(t => t.MinQuantity).GreaterThanOrEqualTo(1).WithMessage("A tier's minimum quantity must be at least 1.");
            tier.RuleFor(t => t.DiscountPercent).InclusiveBetween(0, 100).WithMessage("A tier's discount must lie between 0 and 100 percent.");
        });
        RuleFor(o => o.Tiers)
            .Must(tiers => tiers.Select(t => t.MinQuantity).Distinct().Count() == tiers.Count)
            .WithMessage("Two tiers start at the same quantity.");
    }
}
