using Configurator.Solving;

namespace Configurator.Sessions;

/// <summary>
/// The consistency questions of one page of explanations. What no choice and each single choice
/// leave usable comes from whole engine passes, remembered per model, which answer every option
/// of a page at once; a longer set of choices is asked about the one option directly (on a
/// diagram a depth-first walk that stops at the first configuration). Per call, never shared.
/// </summary>
internal sealed class ReasonPage(ConfigurationSession session)
{
    private readonly Dictionary<CustomerChoice, (bool[][] Usable, Restriction Restriction)> _single = [];
    private (bool[][] Usable, Restriction Restriction)? _free;

    /// <summary>Whether <paramref name="added"/> has a completion together with <paramref name="choices"/>.</summary>
    public bool Allows(IReadOnlyList<CustomerChoice> choices, IReadOnlyList<CustomerChoice> added)
    {
        // A pass answers a selection of one option under no choice or one; anything else is asked directly.
        if (added is not [{ Kind: ChoiceKind.Select, OptionIds: [var optionId] } select] || choices.Count > 1)
        {
            return session.Model.HasCompletion(session.RestrictionOf([.. choices, .. added]));
        }

        var (usable, restriction) = choices.Count == 0 ? _free ??= Free() : Single(choices[0]);

        // A pass ignores each module's own restriction (what it could switch to), so the
        // choices on the option's own module are applied here.
        var module = session.Model.ModuleIndexOf(select.ModuleId);
        var domain = session.Model.Domains[module];
        var option = domain.OptionIndex(optionId) ?? -1;
        for (var value = 0; value < usable[module].Length; value++)
        {
            if (usable[module][value] && restriction.Allows(module, value) && domain.Contains(value, option))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// On a decision diagram, the question that names the shortest prefix of <paramref name="items"/>
    /// ruling out <paramref name="added"/> (one pass each; see <see cref="Solving.Explanations.EarliestConflict"/>); null on the other engines.
    /// </summary>
    public Func<IReadOnlyList<CustomerChoice>, int, int>? EarliestRefuting(IReadOnlyList<CustomerChoice> items, IReadOnlyList<CustomerChoice> added)
    {
        if (session.Model.Engine != SolverEngineKind.Diagram)
        {
            return null;
        }

        var soft = items.Select(session.ValuesOf).ToList();
        return (found, end) => session.Model.EarliestRefuting(session.RestrictionOf([.. found, .. added]), soft, end) ?? -1;
    }

    private (bool[][] Usable, Restriction Restriction) Free()
    {
        var restriction = session.RestrictionOf([]);
        return (session.Model.UsableValuesRemembered(restriction), restriction);
    }

    private (bool[][] Usable, Restriction Restriction) Single(CustomerChoice choice)
    {
        if (!_single.TryGetValue(choice, out var single))
        {
            var restriction = session.RestrictionOf([choice]);
            single = (session.Model.UsableValuesRemembered(restriction), restriction);
            _single[choice] = single;
        }

        return single;
    }
}
