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
        var singles = new SingleChoiceReach(this);
        var modules = state.Modules.Select(module => module with
        {
            Options = [.. module.Options.Select(option =>
            {
                if (option.IsAvailable)
                {
                    return option;
                }

                var select = new CustomerChoice(ChoiceKind.Select, module.ModuleId, [option.OptionId]);
                return option with { Reason = ExplainChoice(Normalize(choices, select), [select], select, singles) };
            })],
        });
        return state with { Modules = [.. modules] };
    }

    /// <summary>A minimal set of <paramref name="others"/> and constraints that rules out <paramref name="added"/> (what <paramref name="choice"/> adds).</summary>
    /// <remarks>
    /// Two QuickXplain passes: first the fewest earlier choices that, under all the rules, rule it
    /// out (each check one question to the compiled engine, which is fast), then the fewest rules
    /// that do so with those choices (each check a search). The union is minimal: dropping a choice
    /// leaves a subset of the rules with choices the first pass proved consistent, and dropping a
    /// rule is consistent by the second pass. The search pass sees only the handful of choices
    /// found first, which is what keeps a page of explanations fast on large models.
    /// </remarks>
    private Explanation ExplainChoice(ImmutableArray<CustomerChoice> others, ImmutableArray<CustomerChoice> added, CustomerChoice choice, SingleChoiceReach? singles = null)
    {
        var choices = FewestChoices(others, added, singles);
        var rules = Model.Checker.MinimalConflict(RestrictionOf(choices.Concat(added))) ?? [];
        var constraints = rules
            .Select(position => Model.Constraints[position].Source)
            .Select(c => new ExplainedConstraint(c.Id, c.Message ?? c.Name ?? c.Rule ?? $"table over {string.Join(", ", c.Table?.Modules ?? default)}"))
            .ToList();
        var optionId = choice.OptionIds.IsEmpty ? "" : choice.OptionIds[0];
        return new Explanation(choice.ModuleId, optionId, [.. choices], [.. constraints], [.. choices.Select(Notation)], Sentence(choice, choices, constraints));
    }

    /// <summary>
    /// The fewest of <paramref name="others"/> that rule out <paramref name="added"/>: none when it
    /// is impossible on its own; else the latest single choice that does (the usual case, and the
    /// one the customer remembers); else QuickXplain.
    /// </summary>
    private List<CustomerChoice> FewestChoices(ImmutableArray<CustomerChoice> others, ImmutableArray<CustomerChoice> added, SingleChoiceReach? singles)
    {
        if (!(singles?.Allows(null, added) ?? Model.HasCompletion(RestrictionOf(added))))
        {
            return [];
        }

        for (var i = others.Length - 1; i >= 0; i--)
        {
            if (!(singles?.Allows(others[i], added) ?? Model.HasCompletion(RestrictionOf([others[i], .. added]))))
            {
                return [others[i]];
            }
        }

        return QuickXplain.FindConflict(others, subset => Model.HasCompletion(RestrictionOf(subset.Concat(added)))) ?? [];
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
}
