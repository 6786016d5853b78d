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
            var text = context.Text;
            var price = new Money(unit, context.Currency).ToString(text.Culture);
            context.AddLine("quantity", quantity == 2 ? text.Format(text.Phrases.OneMoreUnit, price) : text.Format(text.Phrases.MoreUnits, quantity - 1, price), unit * (quantity - 1));
        }

        if (options.Tiers.LastOrDefault(t => t.MinQuantity <= quantity) is { DiscountPercent: > 0 } tier)
        {
            var text = context.Text;
            context.AddLine("quantity-tier", text.Format(text.Phrases.QuantityDiscount, tier.MinQuantity, tier.DiscountPercent.ToString("0.##", text.Culture)), -(unit * quantity * tier.DiscountPercent / 100));
        }
    }
}
