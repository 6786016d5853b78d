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
    /// <param name="cancellationToken">Stops a long explanation (many consistency checks on a large model); honoured within milliseconds.</param>
    /// <exception cref="InvalidSelectionException">The model has no such module or option.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the session is unchanged.</exception>
    public Explanation? Explain(string moduleId, string optionId, CancellationToken cancellationToken = default)
    {
        using var scope = Configurator.Internal.Interruption.Enter(cancellationToken);
        var state = State;
        var option = state[Internal.Guard.NotNull(moduleId)][Internal.Guard.NotNull(optionId)];
        if (option.IsAvailable)
        {
            return null;
        }

        var select = new CustomerChoice(ChoiceKind.Select, moduleId, [optionId]);
        return ExplainChoice(Normalize(state.Choices.AsImmutableArray(), select), [select], select);
    }

    /// <summary>
    /// The state with every unavailable option's explanation. An explanation the last page showed
    /// is kept when the same computation would return it again (the same fewest choices), so a
    /// step explains only what it changed.
    /// </summary>
    private SessionState WithReasons(SessionState state)
    {
        var choices = state.Choices.AsImmutableArray();
        var page = new ReasonPage(this);
        var last = _lastReasons;
        var shown = new Dictionary<(string Module, string Option), Explanation>();
        var rulingOut = RulingOut(choices);
        var rulingOutBefore = last is null ? [] : RulingOut(last.Choices);
        ImmutableArray<ModuleState> modules = [.. state.Modules.Select(module =>
        {
            // In a single-select module every selection replaces the same earlier choices, unless
            // the customer ruled an option out there (a selection takes back its own ruling-out).
            var single = !Model.Model.Modules[Model.ModuleIndexOf(module.ModuleId)].IsMultiSelect;
            var shareHere = single && !rulingOut.Contains(module.ModuleId);
            var shareBefore = single && !rulingOutBefore.Contains(module.ModuleId);
            ImmutableArray<CustomerChoice>? othersHere = null;
            ImmutableArray<CustomerChoice>? othersBefore = null;
            return module with
            {
                Options = [.. module.Options.Select(option =>
                {
                    if (option.IsAvailable)
                    {
                        return option;
                    }

                    var select = new CustomerChoice(ChoiceKind.Select, module.ModuleId, [option.OptionId]);
                    var others = shareHere ? othersHere ??= Normalize(choices, select) : Normalize(choices, select);
                    var earlier = last?.Explanations.GetValueOrDefault((module.ModuleId, option.OptionId));
                    var among = earlier is null ? default : shareBefore ? othersBefore ??= Normalize(last!.Choices, select) : Normalize(last!.Choices, select);
                    var reason = ExplainChoice(others, [select], select, page, earlier is null ? null : (earlier, among));
                    shown[(module.ModuleId, option.OptionId)] = reason;
                    return option with { Reason = reason };
                })],
            };
        })];
        _lastReasons = new ShownReasons(choices, shown);
        return state with { Modules = modules };
    }

    /// <summary>The modules where a choice rules an option out.</summary>
    private static HashSet<string> RulingOut(ImmutableArray<CustomerChoice> choices)
    {
        var modules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            if (choice.Kind == ChoiceKind.Deselect)
            {
                modules.Add(choice.ModuleId);
            }
        }

        return modules;
    }

    /// <summary>The explanations a page showed, with the choices they were found among.</summary>
    private sealed record ShownReasons(ImmutableArray<CustomerChoice> Choices, Dictionary<(string Module, string Option), Explanation> Explanations);

    /// <summary>A minimal set of <paramref name="others"/> and constraints that rules out <paramref name="added"/> (what <paramref name="choice"/> adds).</summary>
    /// <remarks>
    /// Two passes: first the fewest earlier choices that, under all the rules, rule it out (each
    /// check one question to the compiled engine, which is fast), then the fewest rules that do so
    /// with those choices (each check a search). The union is minimal: dropping a choice leaves a
    /// subset of the rules with choices the first pass proved consistent, and dropping a rule is
    /// consistent by the second pass. The search pass sees only the handful of choices found
    /// first, which is what keeps a page of explanations fast on large models.
    /// <paramref name="earlier"/> is what the last page showed for the option, with the choices
    /// it was found among: returned unchanged when the first pass would find the same choices.
    /// </remarks>
    private Explanation ExplainChoice(ImmutableArray<CustomerChoice> others, ImmutableArray<CustomerChoice> added, CustomerChoice choice,
        ReasonPage? page = null, (Explanation Reason, ImmutableArray<CustomerChoice> Among)? earlier = null)
    {
        var choices = FewestChoices(others, added, page ?? new ReasonPage(this), earlier);
        if (earlier is { Reason: var kept } && kept.Choices.SequenceEqual(choices))
        {
            return kept;
        }

        var rules = Model.MinimalConflict(RestrictionOf(choices.Concat(added))) ?? [];
        var constraints = rules
            .Select(position => Model.Constraints[position].Source)
            .Select(c => new ExplainedConstraint(c.Id, Effectivity.Message(Model, c, Text) ?? Text.Message(c)))
            .ToList();
        var optionId = choice.OptionIds.IsEmpty ? "" : choice.OptionIds[0];
        return new Explanation(choice.ModuleId, optionId, [.. choices], [.. constraints], [.. choices.Select(Notation)], Sentence(choice, choices, constraints));
    }

    /// <summary>
    /// The fewest of <paramref name="others"/> that rule out <paramref name="added"/>: none when it
    /// is impossible on its own; else the latest single choice that does (the usual case, and the
    /// one the customer remembers); else the earliest minimal set (<see cref="EarliestConflict"/>),
    /// which later choices never change.
    /// </summary>
    private static IReadOnlyList<CustomerChoice> FewestChoices(ImmutableArray<CustomerChoice> others, ImmutableArray<CustomerChoice> added,
        ReasonPage page, (Explanation Reason, ImmutableArray<CustomerChoice> Among)? earlier)
    {
        if (!page.Allows([], added))
        {
            return [];
        }

        for (var i = others.Length - 1; i >= 0; i--)
        {
            if (!page.Allows([others[i]], added))
            {
                return [others[i]];
            }
        }

        if (earlier is { Reason.Choices: { Count: > 1 } kept, Among: var among } && EarliestConflict.IsKept(kept, among, others))
        {
            return kept;
        }

        return (page.EarliestRefuting(others, added) is { } earliestRefuting
            ? EarliestConflict.Find(others, earliestRefuting)
            : EarliestConflict.Find(others, subset => page.Allows(subset, added))) ?? [];
    }

    /// <summary>The explanation for a customer, in the model's display names and the session's language.</summary>
    private string Sentence(CustomerChoice choice, IReadOnlyList<CustomerChoice> choices, List<ExplainedConstraint> constraints)
    {
        var words = Text.Phrases;
        var module = Model.Model.Modules[Model.ModuleIndexOf(choice.ModuleId)];
        var what = choice.Kind == ChoiceKind.Set
            ? Text.Format(words.ChoiceOfModule, Text.Name(module), OptionsText(module, choice.OptionIds))
            : Text.Format(words.OptionOfModule, OptionName(module, choice.OptionIds[0]), Text.Name(module));
        if (choices.Count == 1 && constraints.Count == 0 && choices[0].Kind == ChoiceKind.Deselect && choice.OptionIds.Contains(choices[0].OptionIds[0]))
        {
            return Text.Format(choices[0].Origin == ChoiceOrigin.Preset ? words.PresetLeavesOut : words.YouRuledOut, what);
        }

        var because = constraints.Count > 0
            ? string.Join(words.SentenceSeparator, constraints.Select(c => Text.Sentence(c.Message)))
            : Text.Format(words.ModuleTakes, Text.Name(module), Text.Cardinality(module));
        return choices.Count == 0
            ? Text.Format(words.NotAvailable, what, because)
            : Text.Format(words.NotAvailableWith, what, string.Join(words.ListSeparator, choices.Select(ChoiceText)), because);
    }

    /// <summary>A choice for a customer: <c>Frame: Arched</c>, <c>Colour: not Deep black</c>, <c>Extras: none</c>.</summary>
    private string ChoiceText(CustomerChoice choice)
    {
        var module = Model.Model.Modules[Model.ModuleIndexOf(choice.ModuleId)];
        var options = choice.Kind == ChoiceKind.Deselect
            ? Text.Format(Text.Phrases.Not, OptionName(module, choice.OptionIds[0]))
            : OptionsText(module, choice.OptionIds);
        return Text.Format(Text.Phrases.ChoiceOfModule, Text.Name(module), options);
    }

    private string OptionsText(Module module, EquatableArray<string> optionIds) =>
        optionIds.IsEmpty ? Text.Phrases.None : string.Join(" + ", optionIds.Select(o => OptionName(module, o)));

    private string OptionName(Module module, string optionId) => module.FindOption(optionId) is { } option ? Text.Name(option) : optionId;
}
