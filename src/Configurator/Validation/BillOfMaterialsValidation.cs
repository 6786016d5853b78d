using Configurator.Modeling;
using Configurator.Rules;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks one part of the catalogue: its id.</summary>
internal sealed class PartValidator : AbstractValidator<Part>
{
    public PartValidator() =>
        RuleFor(p => p.Id)
            .Must(ValidationFailures.IsPlainId)
            .WithErrorCode(ModelErrorCodes.InvalidId)
            .WithMessage("A part id must be a non-empty text without control characters.");
}

/// <summary>Checks one BOM rule: its id, its condition, and each part it names with its quantity or quantity expression.</summary>
internal sealed class BomRuleValidator : AbstractValidator<BomRule>
{
    public BomRuleValidator(ProductModel model)
    {
        this.MustBeInEffectSomeDay(r => r.ValidFrom, r => r.ValidTo, "BOM rule", r => r.Id);

        RuleFor(r => r.Id)
            .Must(ValidationFailures.IsPlainId)
            .WithErrorCode(ModelErrorCodes.InvalidId)
            .WithMessage("A BOM rule id must be a non-empty text without control characters.");

        // The ! is safe: the rule runs only .When the condition is present.
        RuleFor(r => r.When!)
            .Custom((when, context) => context.CheckRule(when, model, RuleType.Bool))
            .When(r => r.When is not null);

        RuleFor(r => r.Parts).Custom((parts, context) =>
        {
            var path = context.JsonPath();
            if (parts.IsEmpty)
            {
                context.Fail(path, ModelErrorCodes.InvalidQuantity, "A BOM rule names at least one part with its quantity, as in \"parts\": { \"MOTOR-S\": 1 }.");
            }

            foreach (var (partId, quantity) in parts)
            {
                var at = JsonPaths.Key(path, partId);
                BillOfMaterialsValidation.CheckPart(context, model, at, partId);
                if (quantity.Kind == PropertyKind.Text)
                {
                    // The ! is safe: a text quantity has its text.
                    context.CheckRule(at, quantity.Text!, model, RuleType.Number);
                }
                else
                {
                    BillOfMaterialsValidation.CheckQuantity(context, at, partId, quantity.Number);
                }
            }
        });
    }
}

/// <summary>The checks options and BOM rules share: a known part, a positive quantity.</summary>
internal static class BillOfMaterialsValidation
{
    /// <summary>Every part an option names exists and has a quantity above 0.</summary>
    public static void CheckOptionParts(ValidationContext<ProductModel> context, ProductModel model)
    {
        for (var m = 0; m < model.Modules.Count; m++)
        {
            var module = model.Modules[m];
            for (var o = 0; o < module.Options.Count; o++)
            {
                // Most options name no parts; their path is not worked out at all.
                if (module.Options[o].Parts.IsEmpty)
                {
                    continue;
                }

                var path = JsonPaths.Index(JsonPaths.Index(JsonPaths.Root + ".modules", m) + ".options", o) + ".parts";
                foreach (var (partId, quantity) in module.Options[o].Parts)
                {
                    var at = JsonPaths.Key(path, partId);
                    CheckPart(context, model, at, partId);
                    CheckQuantity(context, at, partId, quantity);
                }
            }
        }
    }

    public static void CheckPart<T>(ValidationContext<T> context, ProductModel model, string at, string partId)
    {
        if (!model.Parts.Any(p => p.Id == partId))
        {
            context.Fail(at, ModelErrorCodes.UnknownPart, model.Parts.IsEmpty
                ? $"Part '{partId}' is not in the model's \"parts\", which has none; list it there with its name and unit."
                : $"Part '{partId}' is not in the model's \"parts\". Parts: {string.Join(", ", model.Parts.Select(p => p.Id))}.");
        }
    }

    public static void CheckQuantity<T>(ValidationContext<T> context, string at, string partId, decimal quantity)
    {
        if (quantity <= 0)
        {
            context.Fail(at, ModelErrorCodes.InvalidQuantity, $"Part '{partId}' has quantity {quantity}; a quantity is more than 0 (leave the part out for none).");
        }
    }
}
