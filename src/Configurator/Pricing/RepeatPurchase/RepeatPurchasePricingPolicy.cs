using System.Globalization;

namespace Configurator.Pricing.RepeatPurchase;

/// <summary>Discounts the running total for customers with enough earlier orders. Non-decreasing in the total.</summary>
internal sealed class RepeatPurchasePricingPolicy(RepeatPurchasePricingOptions options) : IPricingPolicy
{
    public void Apply(PricingContext context)
    {
        if (context.Request.PastOrders >= options.MinPastOrders && options.DiscountPercent > 0)
        {
            context.AddLine("repeat-purchase", string.Create(CultureInfo.InvariantCulture, $"Repeat customer (-{options.DiscountPercent:0.##}%)"), -(context.Total * options.DiscountPercent / 100));
        }
    }
}
