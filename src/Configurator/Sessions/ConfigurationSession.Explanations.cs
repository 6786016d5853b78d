using System.Collections.Immutable;
using Configurator.Solving;
using Configurator.Solving.Explanations;

namespace Configurator.Sessions;

public sealed partial class ConfigurationSession
{
    /// <summary>
    /// Why an option is unavailable: a minimal set of the customer's choices and of constraints
    /// that together rule it out (QuickXplain). Null when the option is available.
    /// </summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionId">The option.</param>
    /// <exception cref="InvalidSelectionException">The model has no such module or option.</exception>
    public Explanation? Explain(string moduleId, string optionId)
    {
        var module = Model.ModuleIndexOf(moduleId);
        var state = State.Modules[module].Options.FirstOrDefault(o => o.OptionId == optionId)
            ?? throw new InvalidSelectionException($"Module '{moduleId}' has no option '{optionId}'.", moduleId, optionId);
        if (state.IsAvailable)
        {
            return null;
        }

        var multi = Model.Model.Modules[module].IsMultiSelect;
        var relevant = Choices.Where(c => c.ModuleId != moduleId || (multi && !c.OptionIds.Contains(optionId))).ToImmutableArray();
        return ExplainChoice(relevant, new CustomerChoice(ChoiceKind.Select, moduleId, [optionId]));
    }

    /// <summary>A minimal set of <paramref name="others"/> and constraints that rules <paramref name="choice"/> out.</summary>
    private Explanation ExplainChoice(ImmutableArray<CustomerChoice> others, CustomerChoice choice)
    {
        // Constraints first: QuickXplain keeps earlier elements out of the conflict where it can,
        // so the explanation leans on the customer's choices and the fewest rules.
        var candidates = Model.Constraints.Select(c => new Element(null, c.Position))
            .Concat(others.Select(c => new Element(c, -1)))
            .ToList();

        // In this method, e.Choice! follows a check that the choice is there.
        bool IsConsistent(IReadOnlyList<Element> subset)
        {
            var restriction = RestrictionOf(subset.Where(e => e.Choice is not null).Select(e => e.Choice!).Append(choice));
            return Model.Checker.IsConsistent(subset.Where(e => e.Choice is null).Select(e => e.Constraint), restriction);
        }

        var conflict = QuickXplain.FindConflict(candidates, IsConsistent) ?? [];
        var constraints = conflict.Where(e => e.Choice is null)
            .Select(e => Model.Constraints[e.Constraint].Source)
            .Select(c => new ExplainedConstraint(c.Id, c.Message ?? c.Name ?? c.Rule ?? $"table over {string.Join(", ", c.Table?.Modules ?? default)}"));
        return new Explanation(choice.ModuleId, choice.OptionIds.IsEmpty ? "" : choice.OptionIds[0],
            [.. conflict.Where(e => e.Choice is not null).Select(e => e.Choice!)],
            [.. constraints]);
    }

    /// <summary>A candidate cause: a customer choice, or a constraint by position.</summary>
    private readonly record struct Element(CustomerChoice? Choice, int Constraint);
}
