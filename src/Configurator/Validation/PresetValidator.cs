using Configurator.Modeling;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>
/// Checks that a preset names known modules and options and selects a permitted number in every
/// module. Whether it satisfies the constraints is checked when the model is compiled.
/// </summary>
internal sealed class PresetValidator : AbstractValidator<Preset>
{
    public PresetValidator(ProductModel model)
    {
        this.MustBeInEffectSomeDay(p => p.ValidFrom, p => p.ValidTo, "Preset", p => p.Id);

        RuleFor(p => p.Id)
            .Must(ValidationFailures.IsPlainId)
            .WithErrorCode(ModelErrorCodes.InvalidId)
            .WithMessage("A preset id must be a non-empty text without control characters.");

        RuleFor(p => p.Selections).Custom((selections, context) => Check(selections, model, context));
    }

    private static void Check(EquatableDictionary<EquatableArray<string>> selections, ProductModel model, ValidationContext<Preset> context)
    {
        var path = context.JsonPath();
        foreach (var (moduleId, optionIds) in selections)
        {
            var at = JsonPaths.Key(path, moduleId);
            if (model.FindModule(moduleId) is not { } module)
            {
                context.Fail(at, ModelErrorCodes.PresetUnknownModule, $"The preset selects in module '{moduleId}', which the model does not have.");
                continue;
            }

            foreach (var optionId in optionIds.Where(id => module.FindOption(id) is null))
            {
                context.Fail(at, ModelErrorCodes.PresetUnknownOption, $"Module '{moduleId}' has no option '{optionId}'.", moduleId: moduleId);
            }

            if (optionIds.Count < module.Min || optionIds.Count > module.Max || optionIds.Distinct(StringComparer.Ordinal).Count() != optionIds.Count)
            {
                context.Fail(at, ModelErrorCodes.PresetSelectionCount, $"The preset selects {optionIds.Count} option(s) in module '{moduleId}', which takes {module.Min} to {module.Max} different ones.", moduleId: moduleId);
            }
        }

        foreach (var module in model.Modules.Where(m => m.Min > 0 && !selections.ContainsKey(m.Id)))
        {
            context.Fail(path, ModelErrorCodes.PresetIncomplete, $"The preset selects nothing in module '{module.Id}', which needs at least {module.Min} option(s); a preset is a complete product.", moduleId: module.Id);
        }
    }
}
