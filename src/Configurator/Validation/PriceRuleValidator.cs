using Configurator.Modeling;
using Configurator.Rules;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks one price rule: its condition, its amount and any amount expression.</summary>
internal sealed class PriceRuleValidator : AbstractValidator<PriceRule>
{
    public PriceRuleValidator(ProductModel model)
    {
        this.MustBeInEffectSomeDay(p => p.ValidFrom, p => p.ValidTo, "Price rule", p => p.Id);

        RuleFor(p => p.Id)
            .Must(ValidationFailures.IsPlainId)
            .WithErrorCode(ModelErrorCodes.InvalidId)
            .WithMessage("A price rule id must be a non-empty text without control characters.");

        RuleFor(p => p)
            .Must(p => (p.Add is null ? 0 : 1) + (p.AddExpression is null ? 0 : 1) + (p.Percent is null ? 0 : 1) == 1)
            .OverridePropertyName("")
            .WithErrorCode(ModelErrorCodes.InvalidPriceRuleAmount)
            .WithMessage(p => $"Price rule '{p.Id}' needs exactly one of \"add\" (a number or a numeric expression) and \"percent\".");

        // A discount can take the whole subtotal, never more: below -100 % a total turns negative.
        RuleFor(p => p.Percent)
            .Must(percent => percent is null or >= -100)
            .WithErrorCode(ModelErrorCodes.PercentOutOfRange)
            .WithMessage(p => $"Price rule '{p.Id}' takes {p.Percent} percent; a percentage is at least -100 (the whole subtotal).");

        // The ! is safe: each rule below runs only .When the value is present.
        RuleFor(p => p.When!)
            .Custom((when, context) => context.CheckRule(when, model, RuleType.Bool))
            .When(p => p.When is not null);

        RuleFor(p => p.AddExpression!)
            .Custom((expression, context) => context.CheckRule(expression, model, RuleType.Number))
            .When(p => p.AddExpression is not null);
    }
}
