using Configurator.Modeling;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks one option: its id and property names.</summary>
internal sealed class OptionValidator : AbstractValidator<Option>
{
    public OptionValidator()
    {
        this.MustBeInEffectSomeDay(o => o.ValidFrom, o => o.ValidTo, o => $"Option '{o.Id}'");

        RuleFor(o => o.Id)
            .Must(ValidationFailures.IsPlainId)
            .WithErrorCode(ModelErrorCodes.InvalidOptionId)
            .WithMessage("An option id must be a non-empty text without control characters.");

        RuleFor(o => o.Properties).Custom((properties, context) =>
        {
            foreach (var name in properties.Keys.Where(name => !ValidationFailures.IsPlainId(name)))
            {
                context.Fail(JsonPaths.Key(context.JsonPath(), name), ModelErrorCodes.InvalidPropertyName, "A property name must be a non-empty text without control characters.");
            }
        });
    }
}
