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
            // "9 more units at 262.40 EUR": the line is what the other units add, so it must not read as the total for all of them.
            context.AddLine("quantity", string.Create(CultureInfo.InvariantCulture, $"{quantity - 1} more unit{(quantity == 2 ? "" : "s")} at {new Money(unit, context.Currency)}"), unit * (quantity - 1));
        }

        if (options.Tiers.LastOrDefault(t => t.MinQuantity <= quantity) is { DiscountPercent: > 0 } tier)
        {
            context.AddLine("quantity-tier", string.Create(CultureInfo.InvariantCulture, $"Quantity discount from {tier.MinQuantity} units (-{tier.DiscountPercent:0.##}%)"), -(unit * quantity * tier.DiscountPercent / 100));
        }
    }
}
