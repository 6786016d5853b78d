using System.Text.RegularExpressions;
using Configurator.Modeling;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks one module: its id, its options (their dates, ids and property names), how many it selects and its defaults.</summary>
internal sealed partial class ModuleValidator : AbstractValidator<Module>
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "in", "true", "false" };

    public ModuleValidator() =>
        // One rule for the module and its options, rather than a rule per check and a child validator
        // per option: FluentValidation gives every element a context of its own and every rule a property
        // path built as text, and in the native tool reads each rule's property through the expression
        // interpreter (Native AOT cannot compile expressions). Imported models have modules and options
        // by the tens of thousands (automotive2_4: 18,616 and 37,232), whose validation took a third of
        // the native count's time, most of it in that machinery. The checks run in the order the model
        // lists the fields.
        RuleFor(m => m).Custom(Check);

    private static void Check(Module module, ValidationContext<Module> context)
    {
        // A cancelled validation stops at the next module (see ProductModelValidation.Validate).
        Configurator.Internal.Interruption.Poll();

        var id = module.Id;
        if (id is null || !ModuleIdPattern().IsMatch(id))
        {
            context.Fail(context.JsonPath() + ".id", ModelErrorCodes.InvalidModuleId,
                $"Module id '{id}' must start with a letter or '_' and hold only letters, digits and '_' (rules refer to it by name).");
        }

        if (id is not null && Keywords.Contains(id))
        {
            context.Fail(context.JsonPath() + ".id", ModelErrorCodes.ReservedModuleId,
                $"Module id '{id}' is a keyword of the rule language, so no rule could name it; choose another id.");
        }

        if (module.Options.Count == 0)
        {
            context.Fail(context.JsonPath() + ".options", ModelErrorCodes.NoOptions, $"Module '{id}' has no options; give it at least one.", moduleId: id);
        }

        for (var i = 0; i < module.Options.Count; i++)
        {
            CheckOption(module.Options[i], i, context);
        }

        context.FailDuplicates(module.Options, o => o.Id, ModelErrorCodes.DuplicateOptionId, "Option", under: ".options");

        if (!(module.Min >= 0 && module.Max >= 1 && module.Min <= module.Max && (module.Options.Count == 0 || module.Max <= module.Options.Count)))
        {
            context.Fail(context.JsonPath() + ".max", ModelErrorCodes.InvalidCardinality,
                $"Module '{id}' selects min {module.Min} to max {module.Max} of its {module.Options.Count} options; it needs 0 <= min <= max <= {module.Options.Count} and max >= 1.",
                moduleId: id);
        }

        CheckDefaults(module, context);
    }

    /// <summary>Checks one option, the module's <paramref name="index"/>th: its dates, its id and property names.</summary>
    private static void CheckOption(Option option, int index, ValidationContext<Module> context)
    {
        if (EffectivityValidation.IsNever(option.ValidFrom, option.ValidTo))
        {
            context.Fail(OptionPath(context, index) + ".validTo", ModelErrorCodes.InvalidEffectivity, EffectivityValidation.Never("Option", option.Id, option.ValidFrom, option.ValidTo));
        }

        if (!ValidationFailures.IsPlainId(option.Id))
        {
            context.Fail(OptionPath(context, index) + ".id", ModelErrorCodes.InvalidOptionId, "An option id must be a non-empty text without control characters.");
        }

        foreach (var name in option.Properties.Keys)
        {
            if (!ValidationFailures.IsPlainId(name))
            {
                context.Fail(JsonPaths.Key(OptionPath(context, index) + ".properties", name), ModelErrorCodes.InvalidPropertyName, "A property name must be a non-empty text without control characters.");
            }
        }
    }

    private static string OptionPath(ValidationContext<Module> context, int index) => JsonPaths.Index(context.JsonPath() + ".options", index);

    private static void CheckDefaults(Module module, ValidationContext<Module> context)
    {
        // Most modules have no default; their path is not worked out at all.
        if (module.Defaults.Count == 0)
        {
            return;
        }

        var path = context.JsonPath() + ".default";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < module.Defaults.Count; i++)
        {
            var id = module.Defaults[i];
            var at = module.Defaults.Count == 1 && !module.IsMultiSelect ? path : JsonPaths.Index(path, i);
            if (module.FindOption(id) is null)
            {
                context.Fail(at, ModelErrorCodes.UnknownDefault, $"Module '{module.Id}' has no option '{id}' to preselect.", moduleId: module.Id);
            }
            else if (!seen.Add(id))
            {
                context.Fail(at, ModelErrorCodes.TooManyDefaults, $"Module '{module.Id}' names default '{id}' twice.");
            }
        }

        if (module.Defaults.Count > module.Max && module.Max >= 1)
        {
            context.Fail(path, ModelErrorCodes.TooManyDefaults, $"Module '{module.Id}' names {module.Defaults.Count} defaults but selects at most {module.Max}.", moduleId: module.Id);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ModuleIdPattern();
}
