using Configurator.Internal;
using FluentValidation;

namespace Configurator.Pricing.RepeatPurchase;

/// <summary>Options of the repeat-purchase policy: frequent buyers get a discount (frequency marketing).</summary>
public sealed class RepeatPurchasePricingOptions
{
    /// <summary>How many earlier orders make a customer a repeat buyer.</summary>
    /// <value>Defaults to 3.</value>
    public int MinPastOrders { get; init; } = 3;

    /// <summary>The discount, in percent (0 to 100).</summary>
    /// <value>Defaults to 5.</value>
    public decimal DiscountPercent { get; init; } = 5;

    internal static RepeatPurchasePricingOptions Validated(RepeatPurchasePricingOptions options)
    {
        new RepeatPurchasePricingOptionsValidator().ValidateAndThrowArgument(options);
        return new RepeatPurchasePricingOptions { MinPastOrders = options.MinPastOrders, DiscountPercent = options.DiscountPercent };
    }
}

/// <summary>Checks repeat-purchase options when the policy is added.</summary>
internal sealed class RepeatPurchasePricingOptionsValidator : AbstractValidator<RepeatPurchasePricingOptions>
{
    public RepeatPurchasePricingOptionsValidator()
    {
        RuleFor(o => o.MinPastOrders).GreaterThanOrEqualTo(1).WithMessage("MinPastOrders must be at least 1.");
        RuleFor(o => o.DiscountPercent).InclusiveBetween(0, 100).WithMessage("DiscountPercent must lie between 0 and 100.");
    }
}
