using Configurator.Solving;

namespace Configurator.Sessions;

/// <summary>
/// The consistency questions of one page of explanations, answered from whole engine passes: a
/// pass gives every value's usability under a set of choices at once, so the options of a page
/// share them. What no choice and each single choice leave usable is remembered per model; the
/// passes over longer sets of choices in <c>passes</c>, which a session keeps from page to page
/// (a step's prefixes of choices are mostly the last page's). Per call, never shared.
/// </summary>
internal sealed class ReasonPage(ConfigurationSession session, Dictionary<string, bool[][]> passes)
{
    private readonly Dictionary<CustomerChoice, (bool[][] Usable, Restriction Restriction)> _single = [];
    private readonly HashSet<string> _used = [];
    private (bool[][] Usable, Restriction Restriction)? _free;

    /// <summary>Keeps, of the passes, those this page asked for, when it asked for any: what the next page may ask again.</summary>
    public void KeepUsedPasses()
    {
        if (_used.Count > 0)
        {
            foreach (var key in passes.Keys.Where(key => !_used.Contains(key)).ToList())
            {
                passes.Remove(key);
            }
        }
    }

    /// <summary>Whether <paramref name="added"/> has a completion together with <paramref name="choices"/>.</summary>
    public bool Allows(IReadOnlyList<CustomerChoice> choices, IReadOnlyList<CustomerChoice> added)
    {
        // A pass answers a selection of one option; anything else is asked directly, and so are
        // longer sets of choices where a pass is a search per value rather than a walk of a diagram.
        if (added is not [{ Kind: ChoiceKind.Select, OptionIds: [var optionId] } select]
            || (choices.Count > 1 && session.Model.Engine != SolverEngineKind.Diagram))
        {
            return session.Model.HasCompletion(session.RestrictionOf([.. choices, .. added]));
        }

        var (usable, restriction) = choices switch
        {
            [] => _free ??= Free(),
            [var choice] => Single(choice),
            _ => Pass(session.RestrictionOf(choices)),
        };

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

    private (bool[][] Usable, Restriction Restriction) Pass(Restriction restriction)
    {
        var key = restriction.Key();
        _used.Add(key);
        if (!passes.TryGetValue(key, out var usable))
        {
            usable = session.Model.UsableValues(restriction);
            passes[key] = usable;
        }

        return (usable, restriction);
    }
}
