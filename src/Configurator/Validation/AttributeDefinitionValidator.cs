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
        var options = model.Modules.SelectMany(m => m.Options.Select(o => (Module: m, Option: o))).ToList();
        RuleFor(a => a.Property)
            .Cascade(CascadeMode.Stop)
            .Must(property => options.Any(o => o.Option.Properties.ContainsKey(property)))
            .WithErrorCode(ModelErrorCodes.AttributeNotNumeric)
            .WithMessage(a => $"Attribute '{a.Id}' reads property '{a.Property}', which no option has. Numeric properties: {string.Join(", ", NumericProperties(options))}.")
            .Must(property => !options.Any(o => o.Option.Properties.TryGetValue(property, out var value) && value.Kind == PropertyKind.Text))
            .WithErrorCode(ModelErrorCodes.AttributeNotNumeric)
            .WithMessage(a => options.First(o => o.Option.Properties.TryGetValue(a.Property, out var value) && value.Kind == PropertyKind.Text) is var (module, option)
                ? $"Attribute '{a.Id}' reads property '{a.Property}', which is text on {module.Id}={option.Id} ('{option.Properties[a.Property].Text}'); an attribute adds up numbers."
                : "")
            .When(_ => options.Count > 0);
    }

    private static IEnumerable<string> NumericProperties(List<(Module Module, Option Option)> options) =>
        options.SelectMany(o => o.Option.Properties).Where(p => p.Value.Kind == PropertyKind.Number).Select(p => p.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
