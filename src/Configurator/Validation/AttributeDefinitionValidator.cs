using Configurator.Modeling;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks one attribute: its id, and that its property is a number on every option that has it (and some option has it).</summary>
internal sealed class AttributeDefinitionValidator : AbstractValidator<AttributeDefinition>
{
    public AttributeDefinitionValidator(ProductModel model)
    {
        RuleFor(a => a.Id)
            .Must(ValidationFailures.IsPlainId)
            .WithErrorCode(ModelErrorCodes.InvalidId)
            .WithMessage("An attribute id must be a non-empty text without control characters.");

        // Without options (no modules, or modules whose options the file gets wrong) that error is the one to report.
        RuleFor(a => a.Property)
            .Must(property => NumericProperties.Problem(model, property) is null)
            .WithErrorCode(ModelErrorCodes.AttributeNotNumeric)
            .WithMessage(a => $"Attribute '{a.Id}' cannot be shown as a range: {NumericProperties.Problem(model, a.Property)}")
            .When(_ => model.Modules.Any(m => m.Options.Count > 0));
    }
}
