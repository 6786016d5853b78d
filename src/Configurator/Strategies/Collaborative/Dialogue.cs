using System.Numerics;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Strategies.Collaborative;

/// <summary>How a question is answered.</summary>
public enum QuestionKind
{
    /// <summary>With exactly one of the offers (a single-select module; an offer with no options means none).</summary>
    OneOf,

    /// <summary>With any of the offers together, each offer one option (a multi-select module: "which of these would you like?"), within the module's min and max.</summary>
    AnyOf,
}

/// <summary>One offered answer to a question. Immutable.</summary>
/// <param name="OptionIds">The options the answer selects: one option (none for an optional module left empty).</param>
/// <param name="Names">Their display names.</param>
/// <param name="ConfigurationsKept">How many valid configurations remain with this answer (for <see cref="QuestionKind.AnyOf"/>: with this option among the chosen); null when the model is too large to count within <see cref="Solving.CompilerOptions.CircuitDecisionBudget"/> (the session's <see cref="SessionState.Completions"/> is null), and then at least one remains.</param>
/// <param name="PriceDifference">With pricing: how the cheapest remaining price changes with this answer.</param>
public sealed record Offer(EquatableArray<string> OptionIds, EquatableArray<string> Names, BigInteger? ConfigurationsKept, Money? PriceDifference);

/// <summary>A question of the dialogue: one module and the answers that lead to a valid product. Immutable.</summary>
/// <param name="ModuleId">The module asked about.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Kind">One of the offers, or any of them together.</param>
/// <param name="Offers">Every answer (or, for <see cref="QuestionKind.AnyOf"/>, every option) that keeps at least one valid configuration, most kept first (in the model's order when uncounted).</param>
/// <param name="Min">The fewest options the answer names.</param>
/// <param name="Max">The most options the answer names.</param>
/// <param name="Suggested">An answer that is sure to fit: the cheapest valid completion's choice here (any valid completion's where exact prices exceed a limit, <see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</param>
public sealed record Question(string ModuleId, string Name, QuestionKind Kind, EquatableArray<Offer> Offers, int Min, int Max, EquatableArray<string> Suggested);

/// <summary>A collaborative dialogue with one customer. Serialized by its session's lock for each step; one customer at a time.</summary>
public sealed class Dialogue
{
    internal Dialogue(ConfigurationSession session)
    {
        Session = session;
        Current = NextQuestion();
    }

    /// <summary>The underlying session.</summary>
    public ConfigurationSession Session { get; }

    /// <summary>The question to ask now; null when the configuration is complete.</summary>
    public Question? Current { get; private set; }

    /// <summary>Whether the dialogue has reached a complete valid configuration.</summary>
    public bool IsFinished => Current is null;

    /// <summary>The configuration once finished.</summary>
    public Selection? Configuration => IsFinished ? Session.State.Configuration : null;

    /// <summary>
    /// Answers the current question: with one offer's options (<see cref="QuestionKind.OneOf"/>) or
    /// with any of the offered options together (<see cref="QuestionKind.AnyOf"/>). A combination
    /// of options that does not fit together comes back as a conflict with its explanation, and the
    /// question stays.
    /// </summary>
    /// <param name="optionIds">The options of the answer.</param>
    /// <returns>The session's result; applied unless an <see cref="QuestionKind.AnyOf"/> combination does not fit.</returns>
    /// <exception cref="ConfiguratorException">The dialogue is finished, or the answer is not among the offers (<see cref="ConfiguratorErrorCodes.InvalidStep"/>).</exception>
    public ChoiceResult Answer(params string[] optionIds)
    {
        Guard.NotNull(optionIds);
        var question = Current ?? throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidStep, "The dialogue is finished; there is no question to answer.");
        var offered = question.Kind == QuestionKind.OneOf
            ? question.Offers.Any(o => o.OptionIds.Order(StringComparer.Ordinal).SequenceEqual(optionIds.Order(StringComparer.Ordinal)))
            : optionIds.Distinct().Count() == optionIds.Length && optionIds.Length >= question.Min && optionIds.Length <= question.Max
                && optionIds.All(id => question.Offers.Any(o => o.OptionIds.Contains(id)));
        if (!offered)
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidStep, question.Kind == QuestionKind.OneOf
                ? $"'{string.Join("+", optionIds)}' is not one of the answers offered for '{question.ModuleId}': {string.Join(", ", question.Offers.Select(o => o.OptionIds.IsEmpty ? "none" : string.Join("+", o.OptionIds)))}."
                : $"Answer '{question.ModuleId}' with {question.Min} to {question.Max} different options of: {string.Join(", ", question.Offers.SelectMany(o => o.OptionIds))}.");
        }

        // A one-of offer keeps a valid configuration, so it is always applied.
        var result = Session.SetModule(question.ModuleId, optionIds);
        if (result.Applied)
        {
            Current = NextQuestion();
        }

        return result;
    }

    /// <summary>Takes back the last answer; false when there is none.</summary>
    public bool Back()
    {
        if (!Session.Undo())
        {
            return false;
        }

        Current = NextQuestion();
        return true;
    }

    /// <summary>
    /// The undecided module whose answer splits the remaining configurations most evenly (the
    /// smallest expected number left: the sum of squared counts), so each answer tells the most;
    /// on a model too large to count, the first undecided module in the model's order.
    /// </summary>
    private Question? NextQuestion()
    {
        // Defaults are only suggestions: the dialogue asks about them too, and ends when the
        // customer's answers (and what they force) decide every module.
        var state = Session.State;
        var open = state.Modules.Where(m => m.Source is SelectionSource.None or SelectionSource.Default).ToList();
        if (open.Count == 0)
        {
            return null;
        }

        var model = Session.Model;
        var restriction = Session.RestrictionOf(Session.Choices);
        var suggestion = Suggestion(model, restriction);

        // A model too large to count within the decision budget (the session's completions are
        // unknown) is asked in the model's order, its offers uncounted: a count per value there
        // never finishes.
        var (chosen, m, possible) = state.Completions is null
            ? FirstOpen(model, restriction, open[0])
            : MostEvenSplit(model, restriction, open);
        var definition = model.Model.Modules[m];
        var suggested = suggestion.Choices[chosen.ModuleId];
        if (!definition.IsMultiSelect)
        {
            var offers = possible
                .Select(v => model.OptionIdsOf(m, v.Value))
                .Select((ids, i) => new Offer([.. ids], [.. ids.Select(id => chosen[id].Name)], possible[i].Kept, PriceDifference(chosen, ids)))
                .OrderByDescending(o => o.ConfigurationsKept);
            return new Question(chosen.ModuleId, chosen.Name, QuestionKind.OneOf, [.. offers], chosen.Min, chosen.Max, suggested);
        }

        // A multi-select module is asked as a person would: which of these options, each with how
        // many configurations keep it and its price difference; never as a list of every subset.
        var options = chosen.Options
            .Select((option, o) => (option, Values: possible.Where(v => model.Domains[m].Contains(v.Value, o)).ToList()))
            .Where(x => x.Values.Count > 0)
            .Select(x => (x.option, Kept: x.Values.Aggregate((BigInteger?)BigInteger.Zero, (sum, v) => sum + v.Kept)))
            .Select(x => new Offer([x.option.OptionId], [x.option.Name], x.Kept, x.option.PriceDifference))
            .OrderByDescending(o => o.ConfigurationsKept);
        return new Question(chosen.ModuleId, chosen.Name, QuestionKind.AnyOf, [.. options], chosen.Min, chosen.Max, suggested);
    }

    /// <summary>The first open module with each value that keeps a valid configuration, uncounted.</summary>
    private static (ModuleState Module, int Index, List<(int Value, BigInteger? Kept)> Values) FirstOpen(CompiledModel model, Restriction restriction, ModuleState module)
    {
        var index = model.ModuleIndexOf(module.ModuleId);
        var usable = model.UsableValues(restriction)[index];
        return (module, index, [.. Enumerable.Range(0, usable.Length).Where(value => usable[value]).Select(value => (value, (BigInteger?)null))]);
    }

    /// <summary>
    /// The open module whose values' counts have the smallest sum of squares, with each value that
    /// keeps a valid configuration and its count. Every open module's counts come from one pass
    /// where the engine has one (on automotive2_4 a count per value of 18,616 open modules took
    /// minutes a question).
    /// </summary>
    private static (ModuleState Module, int Index, List<(int Value, BigInteger? Kept)> Values) MostEvenSplit(CompiledModel model, Restriction restriction, List<ModuleState> open)
    {
        var counts = model.CountsPerValue(restriction);
        (ModuleState Module, int Index, List<(int Value, BigInteger? Kept)> Values)? best = null;
        var bestScore = BigInteger.Zero;
        foreach (var module in open)
        {
            var index = model.ModuleIndexOf(module.ModuleId);
            var values = new List<(int, BigInteger?)>();
            var score = BigInteger.Zero;
            for (var value = 0; value < model.Domains[index].ValueCount; value++)
            {
                // An open module has no choice of its own, so the one-pass counts (its restriction lifted) are its counts.
                var kept = counts is not null && restriction.AllowedValues(index) is null ? counts[index][value] : CountWith(model, restriction, index, value);
                if (!kept.IsZero)
                {
                    values.Add((value, kept));
                    score += kept * kept;
                }
            }

            if (best is null || score < bestScore)
            {
                (best, bestScore) = ((module, index, values), score);
            }
        }

        // best! : open is not empty, so the loop set it.
        return best!.Value;
    }

    /// <summary>
    /// The cheapest valid completion, or any valid one where exact prices exceed a limit (a
    /// feature model too large for its circuit, with option prices: the Linux kernel's).
    /// </summary>
    private static Selection Suggestion(CompiledModel model, Restriction restriction)
    {
        try
        {
            if (PricingPipeline.Default.RangeOf(model, restriction, PricingRequest.Default)?.Cheapest is { } cheapest)
            {
                return cheapest;
            }
        }
        catch (ConfiguratorException e) when (e.Code == ConfiguratorErrorCodes.LimitExceeded)
        {
            // Any completion fits; only its price is not the lowest.
        }

        // Find! : the session is valid (the dialogue only applies answers that keep a configuration).
        return model.ToSelection(model.Find(restriction)!);
    }

    private static BigInteger CountWith(CompiledModel model, Restriction restriction, int module, int value)
    {
        var probe = restriction.Copy();
        probe.Fix(module, value, model.Domains[module].ValueCount);
        return model.CountOf(probe);
    }

    private static Money? PriceDifference(ModuleState module, IReadOnlyList<string> options) =>
        options.Count == 1 ? module.Options.FirstOrDefault(o => o.OptionId == options[0])?.PriceDifference : null;
}
