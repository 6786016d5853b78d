using System.Numerics;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Strategies.Collaborative;

/// <summary>One offered answer to a question. Immutable.</summary>
/// <param name="OptionIds">The options the answer selects (one, or a set in a multi-select module; none for an optional module left empty).</param>
/// <param name="ConfigurationsKept">How many valid configurations remain with this answer.</param>
/// <param name="PriceDifference">With pricing: how the cheapest remaining price changes with this answer.</param>
public sealed record Offer(EquatableArray<string> OptionIds, BigInteger ConfigurationsKept, decimal? PriceDifference);

/// <summary>A question of the dialogue: one module and the answers that lead to a valid product. Immutable.</summary>
/// <param name="ModuleId">The module asked about.</param>
/// <param name="Offers">Every answer that keeps at least one valid configuration, most kept first.</param>
public sealed record Question(string ModuleId, EquatableArray<Offer> Offers);

/// <summary>A collaborative dialogue with one customer. Mutable; one caller at a time.</summary>
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

    /// <summary>Answers the current question with one of its offers (by option ids).</summary>
    /// <param name="optionIds">The options of an offer.</param>
    /// <exception cref="InvalidOperationException">The dialogue is finished.</exception>
    /// <exception cref="ArgumentException">The answer is not one of the offers.</exception>
    public void Answer(params string[] optionIds)
    {
        Guard.NotNull(optionIds);
        var question = Current ?? throw new InvalidOperationException("The dialogue is finished; there is no question to answer.");
        if (!question.Offers.Any(o => o.OptionIds.Order(StringComparer.Ordinal).SequenceEqual(optionIds.Order(StringComparer.Ordinal))))
        {
            throw new ArgumentException($"'{string.Join("+", optionIds)}' is not one of the answers offered for '{question.ModuleId}': {string.Join(", ", question.Offers.Select(o => string.Join("+", o.OptionIds)))}.", nameof(optionIds));
        }

        // An offered answer keeps a valid configuration, so it is always applied.
        Session.SetModule(question.ModuleId, optionIds);
        Current = NextQuestion();
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
    /// smallest expected number left: the sum of squared counts), so each answer tells the most.
    /// </summary>
    private Question? NextQuestion()
    {
        // Defaults are only suggestions: the dialogue asks about them too, and ends when the
        // customer's answers (and what they force) decide every module.
        var state = Session.State;
        if (!state.Modules.Any(m => m.Source is SelectionSource.Open or SelectionSource.Default))
        {
            return null;
        }

        var model = Session.Model;
        var restriction = Session.RestrictionOf(Session.Choices);
        Question? best = null;
        var bestScore = BigInteger.Zero;
        foreach (var module in state.Modules.Where(m => m.Source is SelectionSource.Open or SelectionSource.Default))
        {
            var index = model.ModuleIndexOf(module.ModuleId);
            var offers = new List<Offer>();
            for (var value = 0; value < model.Domains[index].ValueCount; value++)
            {
                var probe = restriction.Copy();
                probe.Fix(index, value, model.Domains[index].ValueCount);
                var kept = model.CountOf(probe);
                if (!kept.IsZero)
                {
                    var options = model.OptionIdsOf(index, value);
                    offers.Add(new Offer([.. options], kept, PriceDifference(module, options)));
                }
            }

            var score = offers.Aggregate(BigInteger.Zero, (sum, o) => sum + (o.ConfigurationsKept * o.ConfigurationsKept));
            if (best is null || score < bestScore)
            {
                (best, bestScore) = (new Question(module.ModuleId, [.. offers.OrderByDescending(o => o.ConfigurationsKept)]), score);
            }
        }

        return best;
    }

    private decimal? PriceDifference(ModuleState module, IReadOnlyList<string> options) =>
        options.Count == 1 ? module.Options.FirstOrDefault(o => o.OptionId == options[0])?.PriceDifference : null;
}
