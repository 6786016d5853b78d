using System.Runtime.CompilerServices;
using Configurator.Internal;
using Configurator.Modeling;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>
/// Validates a whole <see cref="ProductModel"/> and reports every problem at once: structure, ids
/// and their uniqueness, module cardinalities and defaults, tables, rule text (syntax, names and
/// types), price rules, presets, personalization fields, attributes, parts and BOM rules. Stateless and thread-safe; one instance
/// may serve every thread.
/// </summary>
/// <remarks>
/// Failures carry the <see cref="ModelErrorCodes"/> code in <c>ErrorCode</c>, the JSON path in
/// <c>PropertyName</c> after conversion, and for rule text the 1-based column in <c>CustomState</c>.
/// Most callers want <see cref="ProductModelValidation.Validate(ProductModel)"/>, which returns
/// <see cref="ModelError"/> values instead.
/// </remarks>
public sealed class ProductModelValidator : AbstractValidator<ProductModel>
{
    // FluentValidation asks for an element's validator once per element; a validator is built once
    // per model instead. Building one compiles its rules' expressions (some to a DynamicMethod each,
    // finalized later), which cost 8,000 clauses of a DIMACS model more than a second.
    private readonly ConditionalWeakTable<ProductModel, ConstraintValidator> _constraints = new();
    private readonly ConditionalWeakTable<ProductModel, PriceRuleValidator> _priceRules = new();
    private readonly ConditionalWeakTable<ProductModel, PresetValidator> _presets = new();
    private readonly ConditionalWeakTable<ProductModel, AttributeDefinitionValidator> _attributes = new();
    private readonly ConditionalWeakTable<ProductModel, BomRuleValidator> _bomRules = new();

    /// <summary>Creates the validator.</summary>
    public ProductModelValidator()
    {
        RuleFor(m => m.FormatVersion)
            .Equal(ProductModel.CurrentFormatVersion)
            .WithErrorCode(ModelErrorCodes.UnsupportedFormatVersion)
            .WithMessage(m => $"This library reads format version {ProductModel.CurrentFormatVersion}, but the model says {m.FormatVersion}.");

        RuleFor(m => m.Id)
            .Must(ValidationFailures.IsPlainId)
            .WithErrorCode(ModelErrorCodes.InvalidId)
            .WithMessage("The model id must be a non-empty text without control characters.");

        RuleFor(m => m.Currency)
            .Must(Iso4217.IsKnown)
            .WithErrorCode(ModelErrorCodes.InvalidCurrency)
            .WithMessage(m => $"'{m.Currency}' is not an ISO 4217 currency code such as EUR, USD or JPY.");

        RuleFor(m => m).Custom(LabelValidation.CheckCultures);

        RuleFor(m => m.Modules)
            .Must(modules => modules.Count > 0)
            .WithErrorCode(ModelErrorCodes.NoModules)
            .WithMessage("The model has no modules; add at least one module with its options.");
        RuleForEach(m => m.Modules).SetValidator(new ModuleValidator());
        RuleFor(m => m.Modules).Custom((modules, context) =>
            context.FailDuplicates(modules, m => m.Id, ModelErrorCodes.DuplicateModuleId, "Module"));

        RuleForEach(m => m.Constraints).SetValidator((model, _) => PerModel(_constraints, model, m => new ConstraintValidator(m)));
        RuleFor(m => m.Constraints).Custom((constraints, context) =>
            context.FailDuplicates(constraints, c => c.Id, ModelErrorCodes.DuplicateConstraintId, "Constraint"));

        RuleForEach(m => m.PriceRules).SetValidator((model, _) => PerModel(_priceRules, model, m => new PriceRuleValidator(m)));
        RuleFor(m => m.PriceRules).Custom((rules, context) =>
            context.FailDuplicates(rules, r => r.Id, ModelErrorCodes.DuplicatePriceRuleId, "Price rule"));

        RuleForEach(m => m.Presets).SetValidator((model, _) => PerModel(_presets, model, m => new PresetValidator(m)));
        RuleFor(m => m.Presets).Custom((presets, context) =>
            context.FailDuplicates(presets, p => p.Id, ModelErrorCodes.DuplicatePresetId, "Preset"));

        RuleForEach(m => m.Personalization).SetValidator(new PersonalizationFieldValidator());
        RuleFor(m => m.Personalization).Custom((fields, context) =>
            context.FailDuplicates(fields, f => f.Id, ModelErrorCodes.DuplicatePersonalizationId, "Personalization field"));

        RuleForEach(m => m.Attributes).SetValidator((model, _) => PerModel(_attributes, model, m => new AttributeDefinitionValidator(m)));
        RuleFor(m => m.Attributes).Custom((attributes, context) =>
            context.FailDuplicates(attributes, a => a.Id, ModelErrorCodes.DuplicateAttributeId, "Attribute"));

        RuleForEach(m => m.Parts).SetValidator(new PartValidator());
        RuleFor(m => m.Parts).Custom((parts, context) =>
            context.FailDuplicates(parts, p => p.Id, ModelErrorCodes.DuplicatePartId, "Part"));
        RuleFor(m => m).Custom((model, context) => BillOfMaterialsValidation.CheckOptionParts(context, model));
        RuleForEach(m => m.BomRules).SetValidator((model, _) => PerModel(_bomRules, model, m => new BomRuleValidator(m)));
        RuleFor(m => m.BomRules).Custom((rules, context) =>
            context.FailDuplicates(rules, r => r.Id, ModelErrorCodes.DuplicateBomRuleId, "BOM rule"));
    }

    private static TValidator PerModel<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TValidator>(ConditionalWeakTable<ProductModel, TValidator> validators, ProductModel model, Func<ProductModel, TValidator> create)
        where TValidator : class =>
        validators.GetValue(model, m => create(m));
}
