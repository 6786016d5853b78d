using System.Collections.Frozen;
using System.Collections.Immutable;
using Configurator.Modeling;

namespace Configurator.Validation;

/// <summary>
/// Leaves out errors that only follow from an earlier one, so that one mistake is one error: a
/// module whose options the file gets wrong (<c>"options": "x"</c>, an option that is not an object,
/// an option id that is not a text) or that has none makes every rule, table, default and preset
/// naming its options look wrong; a module whose <c>min</c> or <c>max</c> is unreadable or
/// impossible makes every preset and default list that selects a number of its options look wrong.
/// </summary>
internal static class FollowUpErrors
{
    private static readonly FrozenSet<string> OptionFollowUps = new[] { ModelErrorCodes.UnknownDefault, ModelErrorCodes.TableUnknownOption, ModelErrorCodes.PresetUnknownOption, Rules.RuleErrorCodes.UnknownOption, Rules.RuleErrorCodes.UnknownProperty }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> CardinalityFollowUps = new[] { ModelErrorCodes.PresetSelectionCount, ModelErrorCodes.PresetIncomplete, ModelErrorCodes.TooManyDefaults }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The validation errors without those that follow from a structural error or from another validation error.</summary>
    public static ImmutableArray<ModelError> Without(IReadOnlyList<ModelError> structural, IReadOnlyList<ModelError> validation, ProductModel model)
    {
        var options = new HashSet<string>(StringComparer.Ordinal);
        var cardinality = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Modules.Count; i++)
        {
            var at = JsonPaths.Index(JsonPaths.Root + ".modules", i);
            foreach (var error in structural)
            {
                if (error.Path == at + ".options" || (error.Path.StartsWith(at + ".options[", StringComparison.Ordinal) && (error.Path.EndsWith(']') || error.Path.EndsWith("].id", StringComparison.Ordinal))))
                {
                    options.Add(model.Modules[i].Id);
                }
                else if (error.Path == at + ".min" || error.Path == at + ".max")
                {
                    cardinality.Add(model.Modules[i].Id);
                }
            }
        }

        foreach (var error in validation)
        {
            _ = error.Code switch
            {
                ModelErrorCodes.NoOptions when error.ModuleId is { } id => options.Add(id),
                ModelErrorCodes.InvalidCardinality when error.ModuleId is { } id => cardinality.Add(id),
                _ => false,
            };
        }

        return [.. validation.Where(e => e.ModuleId is not { } id
            || !(options.Contains(id) && OptionFollowUps.Contains(e.Code))
            && !(cardinality.Contains(id) && CardinalityFollowUps.Contains(e.Code)))];
    }
}
