using System.Globalization;

namespace Configurator.Pricing.QuantityTiers;

/// <summary>Multiplies the unit price by the quantity and applies the tier's discount. Non-decreasing in the unit price.</summary>
internal sealed class QuantityTierPricingPolicy(QuantityTierPricingOptions options) : IPricingPolicy
{
    public void Apply(PricingContext context)
    {
        var quantity = context.Request.Quantity;
        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(context), quantity, "The quantity must be at least 1.");
        }

        var unit = context.Total;
        if (quantity > 1)
        {
            context.AddLine("quantity", string.Create(CultureInfo.InvariantCulture, $"{quantity} units"), unit * (quantity - 1));
        }

        if (options.Tiers.LastOrDefault(t => t.MinQuantity <= quantity) is { DiscountPercent: > 0 } tier)
        {
            context.AddLine("quantity-tier", string.Create(CultureInfo.InvariantCulture, $"Quantity discount from {tier.MinQuantity} units (-{tier.DiscountPercent:0.##}%)"), -(unit * quantity * tier.DiscountPercent / 100));
        }
    }
}
