using System.Collections.Immutable;
using Configurator.Internal;
using Configurator.Rules;

namespace Configurator.Solving;

public sealed partial class CompiledModel
{
    /// <summary>
    /// Checks a complete configuration: valid, or every violated constraint (with its id, message
    /// and the selections involved) and every module with too few or too many options. A module
    /// the configuration does not name counts as selecting nothing.
    /// </summary>
    /// <param name="configuration">The configuration.</param>
    /// <exception cref="InvalidSelectionException">The configuration names an unknown module or option.</exception>
    public ValidationReport Validate(Selection configuration)
    {
        Guard.NotNull(configuration);
        foreach (var moduleId in configuration.Choices.Keys)
        {
            ModuleIndexOf(moduleId);
        }

        var violations = ImmutableArray.CreateBuilder<ConstraintViolation>();
        var values = new int[Domains.Length];
        var decided = new bool[Domains.Length];
        for (var m = 0; m < Domains.Length; m++)
        {
            var module = Model.Modules[m];
            var optionIds = configuration.Choices.TryGetValue(module.Id, out var chosen) ? chosen : default;
            values[m] = ValueOfOrMinusOne(m, optionIds);
            decided[m] = values[m] >= 0;
            if (!decided[m])
            {
                violations.Add(new ConstraintViolation(ViolationKind.Cardinality, null, module.Id,
                    $"Module '{module.Id}' takes {Describe(module)}; the configuration selects {optionIds.Count}{(optionIds.Distinct().Count() != optionIds.Count ? " with repeats" : "")}.",
                    [$"{module.Id}={string.Join('+', optionIds)}"]));
            }
        }

        foreach (var constraint in Constraints)
        {
            // A constraint over a module whose selection is itself invalid cannot be judged.
            if (constraint.Scope.All(m => decided[m]) && !constraint.IsSatisfied(values))
            {
                var source = constraint.Source;
                violations.Add(new ConstraintViolation(ViolationKind.Constraint, source.Id, null, source.Message ?? source.Name ?? Describe(source),
                    [.. constraint.Scope.Select(m => $"{Model.Modules[m].Id}={string.Join('+', _optionIds[m][values[m]])}")]));
            }
        }

        return new ValidationReport(violations.ToImmutable());
    }

    /// <summary>Whether a complete assignment of module values breaks no constraint (no allocation; for sessions).</summary>
    internal bool Satisfies(int[] values)
    {
        foreach (var constraint in Constraints)
        {
            if (!constraint.IsSatisfied(values))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(Modeling.Constraint constraint) => constraint.Rule is { } rule
        ? $"Breaks the rule {(RuleParser.Parse(rule).Node is { } node ? RulePrinter.Print(node) : rule)}."
        : $"Breaks the table over {string.Join(", ", constraint.Table?.Modules ?? default)}.";
}
