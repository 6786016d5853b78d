using System.Text.RegularExpressions;
using Configurator.Modeling;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks one module: its id, its options, how many it selects and its defaults.</summary>
internal sealed partial class ModuleValidator : AbstractValidator<Module>
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "in", "true", "false" };

    public ModuleValidator()
    {
        // A cancelled validation stops at the next module (see ProductModelValidation.Validate).
        RuleFor(m => m).Custom((_, _) => Configurator.Internal.Interruption.Poll());

        RuleFor(m => m.Id)
            .Must(id => id is not null && ModuleIdPattern().IsMatch(id))
            .WithErrorCode(ModelErrorCodes.InvalidModuleId)
            .WithMessage(m => $"Module id '{m.Id}' must start with a letter or '_' and hold only letters, digits and '_' (rules refer to it by name).")
            .Must(id => !Keywords.Contains(id))
            .WithErrorCode(ModelErrorCodes.ReservedModuleId)
            .WithMessage(m => $"Module id '{m.Id}' is a keyword of the rule language, so no rule could name it; choose another id.");

        RuleFor(m => m.Options)
            .Must(options => options.Count > 0)
            .WithErrorCode(ModelErrorCodes.NoOptions)
            .WithState(m => new FailureState(null, m.Id))
            .WithMessage(m => $"Module '{m.Id}' has no options; give it at least one.");
        RuleForEach(m => m.Options).SetValidator(new OptionValidator());
        RuleFor(m => m.Options).Custom((options, context) =>
            context.FailDuplicates(options, o => o.Id, ModelErrorCodes.DuplicateOptionId, "Option"));

        RuleFor(m => m)
            .Must(m => m.Min >= 0 && m.Max >= 1 && m.Min <= m.Max && (m.Options.Count == 0 || m.Max <= m.Options.Count))
            .WithName("Max")
            .OverridePropertyName("Max")
            .WithErrorCode(ModelErrorCodes.InvalidCardinality)
            .WithState(m => new FailureState(null, m.Id))
            .WithMessage(m => $"Module '{m.Id}' selects min {m.Min} to max {m.Max} of its {m.Options.Count} options; it needs 0 <= min <= max <= {m.Options.Count} and max >= 1.");

        RuleFor(m => m).Custom(CheckDefaults);
    }

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
