using System.Collections.Immutable;
using Configurator.Modeling;
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
        var state = _state;
        var option = state[Internal.Guard.NotNull(moduleId)][Internal.Guard.NotNull(optionId)];
        if (option.IsAvailable)
        {
            return null;
        }

        var select = new CustomerChoice(ChoiceKind.Select, moduleId, [optionId]);
        return ExplainChoice(Normalize(state.Choices.AsImmutableArray(), select), [select], select);
    }

    /// <summary>The state with every unavailable option's explanation.</summary>
    private SessionState WithReasons(SessionState state)
    {
        var choices = state.Choices.AsImmutableArray();
        var modules = state.Modules.Select(module => module with
        {
            Options = [.. module.Options.Select(option =>
            {
                if (option.IsAvailable)
                {
                    return option;
                }

                var select = new CustomerChoice(ChoiceKind.Select, module.ModuleId, [option.OptionId]);
                return option with { Reason = ExplainChoice(Normalize(choices, select), [select], select) };
            })],
        });
        return state with { Modules = [.. modules] };
    }

    /// <summary>A minimal set of <paramref name="others"/> and constraints that rules out <paramref name="added"/> (what <paramref name="choice"/> adds).</summary>
    private Explanation ExplainChoice(ImmutableArray<CustomerChoice> others, ImmutableArray<CustomerChoice> added, CustomerChoice choice)
    {
        // Constraints first: QuickXplain keeps earlier elements out of the conflict where it can,
        // so the explanation leans on the customer's choices and the fewest rules.
        var candidates = Model.Constraints.Select(c => new Element(null, c.Position))
            .Concat(others.Select(c => new Element(c, -1)))
            .ToList();

        // In this method, e.Choice! follows a check that the choice is there.
        bool IsConsistent(IReadOnlyList<Element> subset)
        {
            var restriction = RestrictionOf(subset.Where(e => e.Choice is not null).Select(e => e.Choice!).Concat(added));
            return Model.Checker.IsConsistent(subset.Where(e => e.Choice is null).Select(e => e.Constraint), restriction);
        }

        var conflict = QuickXplain.FindConflict(candidates, IsConsistent) ?? [];
        var choices = conflict.Where(e => e.Choice is not null).Select(e => e.Choice!).ToList();
        var constraints = conflict.Where(e => e.Choice is null)
            .Select(e => Model.Constraints[e.Constraint].Source)
            .Select(c => new ExplainedConstraint(c.Id, c.Message ?? c.Name ?? c.Rule ?? $"table over {string.Join(", ", c.Table?.Modules ?? default)}"))
            .ToList();
        var optionId = choice.OptionIds.IsEmpty ? "" : choice.OptionIds[0];
        return new Explanation(choice.ModuleId, optionId, [.. choices], [.. constraints], [.. choices.Select(Notation)], Sentence(choice, choices, constraints));
    }

    /// <summary>The explanation for a customer, in the model's display names.</summary>
    private string Sentence(CustomerChoice choice, List<CustomerChoice> choices, List<ExplainedConstraint> constraints)
    {
        var module = Model.Model.Modules[Model.ModuleIndexOf(choice.ModuleId)];
        var what = choice.Kind == ChoiceKind.Set ? $"{NameOf(module)}: {OptionsText(module, choice.OptionIds)}" : $"{OptionName(module, choice.OptionIds[0])} ({NameOf(module)})";
        if (choices.Count == 1 && constraints.Count == 0 && choices[0].Kind == ChoiceKind.Deselect && choice.OptionIds.Contains(choices[0].OptionIds[0]))
        {
            return $"{(choices[0].Origin == ChoiceOrigin.Preset ? "The standard product leaves out" : "You ruled out")} {what}.";
        }

        var because = constraints.Count > 0
            ? string.Join(" ", constraints.Select(c => EndSentence(c.Message)))
            : $"{NameOf(module)} takes {Solving.CompiledModel.Describe(module)}.";
        return choices.Count == 0
            ? $"{what} is not available. {because}"
            : $"{what} is not available with {string.Join(", ", choices.Select(Text))}. {because}";
    }

    /// <summary>A choice for a customer: <c>Frame: Arched</c>, <c>Colour: not Deep black</c>, <c>Extras: none</c>.</summary>
    private string Text(CustomerChoice choice)
    {
        var module = Model.Model.Modules[Model.ModuleIndexOf(choice.ModuleId)];
        return choice.Kind switch
        {
            ChoiceKind.Deselect => $"{NameOf(module)}: not {OptionName(module, choice.OptionIds[0])}",
            _ => $"{NameOf(module)}: {OptionsText(module, choice.OptionIds)}",
        };
    }

    private static string OptionsText(Module module, EquatableArray<string> optionIds) =>
        optionIds.IsEmpty ? "none" : string.Join(" + ", optionIds.Select(o => OptionName(module, o)));

    private static string NameOf(Module module) => module.Name ?? module.Id;

    private static string OptionName(Module module, string optionId) => module.FindOption(optionId)?.Name ?? optionId;

    private static string EndSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' ? text : text + ".";

    /// <summary>A candidate cause: a customer choice, or a constraint by position.</summary>
    private readonly record struct Element(CustomerChoice? Choice, int Constraint);
}
