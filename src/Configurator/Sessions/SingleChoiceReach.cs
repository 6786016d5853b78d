using Configurator.Solving;

namespace Configurator.Sessions;

/// <summary>
/// For one page of explanations: which options each single choice (or no choice) leaves possible,
/// one engine pass per choice instead of one check per option and choice. Per call, never shared.
/// </summary>
internal sealed class SingleChoiceReach(ConfigurationSession session)
{
    private readonly Dictionary<CustomerChoice, bool[][]> _usable = [];
    private bool[][]? _free;

    /// <summary>Whether <paramref name="added"/> has a completion with <paramref name="choice"/> alone (or with no choice when null).</summary>
    public bool Allows(CustomerChoice? choice, IReadOnlyList<CustomerChoice> added)
    {
        // One pass answers a Select of one option in another module than the choice's; anything
        // else is asked directly.
        if (added is not [{ Kind: ChoiceKind.Select, OptionIds: [var optionId] } select] || choice?.ModuleId == select.ModuleId)
        {
            return session.Model.HasCompletion(session.RestrictionOf(choice is null ? added : [choice, .. added]));
        }

        var usable = choice is null
            ? _free ??= session.Model.UsableValuesRemembered(session.RestrictionOf([]))
            : Usable(choice);
        var module = session.Model.ModuleIndexOf(select.ModuleId);
        var domain = session.Model.Domains[module];
        var option = domain.OptionIndex(optionId) ?? -1;
        for (var value = 0; value < usable[module].Length; value++)
        {
            if (usable[module][value] && domain.Contains(value, option))
            {
                return true;
            }
        }

        return false;
    }

    private bool[][] Usable(CustomerChoice choice)
    {
        if (!_usable.TryGetValue(choice, out var usable))
        {
            usable = session.Model.UsableValuesRemembered(session.RestrictionOf([choice]));
            _usable[choice] = usable;
        }

        return usable;
    }
}
