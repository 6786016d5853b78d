namespace Configurator.Pricing.RepeatPurchase;

/// <summary>Discounts the running total for customers with enough earlier orders. Non-decreasing in the total.</summary>
internal sealed class RepeatPurchasePricingPolicy(RepeatPurchasePricingOptions options) : IPricingPolicy
{
    public void Apply(PricingContext context)
    {
        if (context.Request.PastOrders >= options.MinPastOrders && options.DiscountPercent > 0)
        {
            var text = context.Text;
            context.AddLine("repeat-purchase", text.Format(text.Phrases.RepeatCustomer, options.DiscountPercent.ToString("0.##", text.Culture)), -(context.Total * options.DiscountPercent / 100));
        }
    }
}
