using Configurator.Modeling;
using Configurator.Sessions;
using Configurator.Tests.Solving;

namespace Configurator.Tests.Sessions;

/// <summary>Brute-force answers to the questions a session answers, over every combination of a small model.</summary>
internal sealed class SessionOracle(ProductModel model)
{
    private readonly BruteForceOracle _oracle = new(model);
    private readonly List<(Dictionary<string, string[]> Configuration, HashSet<string> Violated)> _all =
        [.. new BruteForceOracle(model).AllCombinations().Select(c => (c, new BruteForceOracle(model).ViolatedConstraints(c).ToHashSet()))];

    public static bool Satisfies(Dictionary<string, string[]> configuration, CustomerChoice choice) => choice.Kind switch
    {
        ChoiceKind.Select => configuration[choice.ModuleId].Contains(choice.OptionIds[0]),
        ChoiceKind.Deselect => !configuration[choice.ModuleId].Contains(choice.OptionIds[0]),
        _ => configuration[choice.ModuleId].Order(StringComparer.Ordinal).SequenceEqual(choice.OptionIds.Order(StringComparer.Ordinal)),
    };

    /// <summary>Whether some combination satisfies the choices and the given constraints (all when null).</summary>
    public bool IsConsistent(IEnumerable<CustomerChoice> choices, IReadOnlyCollection<string>? constraintIds = null)
    {
        var list = choices.ToList();
        return _all.Any(c => (constraintIds is null ? c.Violated.Count == 0 : !c.Violated.Overlaps(constraintIds)) && list.All(choice => Satisfies(c.Configuration, choice)));
    }

    public int Count(IEnumerable<CustomerChoice> choices)
    {
        var list = choices.ToList();
        return _all.Count(c => c.Violated.Count == 0 && list.All(choice => Satisfies(c.Configuration, choice)));
    }

    /// <summary>The session's availability rule: choosing the option next keeps every choice that a selection does not replace.</summary>
    public bool IsAvailable(IReadOnlyList<CustomerChoice> choices, Module module, string optionId)
    {
        var select = new CustomerChoice(ChoiceKind.Select, module.Id, [optionId]);
        return IsConsistent(Normalized(choices, select).Append(select));
    }

    /// <summary>What a step adds: a whole multi-select module becomes one select or deselect per option.</summary>
    public List<CustomerChoice> Expanded(CustomerChoice choice)
    {
        var module = model.FindModule(choice.ModuleId)!;
        if (choice.Kind != ChoiceKind.Set || !module.IsMultiSelect)
        {
            return [choice];
        }

        return [.. module.Options.Select(o => new CustomerChoice(choice.OptionIds.Contains(o.Id) ? ChoiceKind.Select : ChoiceKind.Deselect, module.Id, [o.Id]) { Origin = choice.Origin })];
    }

    /// <summary>The earlier choices a new one leaves standing: the rule the README documents, written again here.</summary>
    public List<CustomerChoice> Normalized(IEnumerable<CustomerChoice> choices, CustomerChoice choice)
    {
        var multi = model.FindModule(choice.ModuleId)!.IsMultiSelect;
        return [.. choices.Where(c =>
        {
            if (c.ModuleId != choice.ModuleId)
            {
                return true;
            }

            if (choice.Kind == ChoiceKind.Set)
            {
                return false; // a whole module replaces everything on it
            }

            var option = choice.OptionIds[0];
            if (choice.Kind == ChoiceKind.Deselect)
            {
                return !c.OptionIds.Contains(option); // ruling out replaces a choice of that option
            }

            // A selection takes back the customer's own ruling-out of the option (not a preset's).
            if (c.Kind == ChoiceKind.Deselect && c.OptionIds.Contains(option) && c.Origin != ChoiceOrigin.Preset)
            {
                return false;
            }

            return multi
                ? !(c.Kind == ChoiceKind.Select && c.OptionIds.Contains(option)) // and a repeat
                : c.Kind == ChoiceKind.Deselect; // a radio selection replaces the selection, not what else was ruled out
        })];
    }

    /// <summary>A preset's selections as the choices the README says they become.</summary>
    public List<CustomerChoice> PresetChoices(Preset preset)
    {
        var choices = new List<CustomerChoice>();
        foreach (var module in model.Modules.Where(m => preset.Selections.ContainsKey(m.Id)))
        {
            var selected = preset.Selections[module.Id];
            if (module.IsMultiSelect)
            {
                choices.AddRange(selected.Select(o => new CustomerChoice(ChoiceKind.Select, module.Id, [o]) { Origin = ChoiceOrigin.Preset }));
            }
            else
            {
                choices.Add(selected.Count == 1
                    ? new CustomerChoice(ChoiceKind.Select, module.Id, [selected[0]]) { Origin = ChoiceOrigin.Preset }
                    : new CustomerChoice(ChoiceKind.Set, module.Id, []) { Origin = ChoiceOrigin.Preset });
            }
        }

        return choices;
    }

    /// <summary>
    /// Per module and option, what the README says the session shows: selected and source; and the
    /// configuration the customer gets (null when that is not a valid configuration).
    /// </summary>
    public (Dictionary<(string Module, string Option), (bool Selected, SelectionSource Source)> Options, Dictionary<string, string[]>? Configuration) Expected(IReadOnlyList<CustomerChoice> choices)
    {
        static SelectionSource Of(CustomerChoice c) => c.Origin == ChoiceOrigin.Preset ? SelectionSource.Preset : SelectionSource.Customer;

        // Defaults, in model order, each where nothing names it and it still fits; none on top of a preset.
        var applied = new List<CustomerChoice>(choices);
        var defaulted = new HashSet<(string, string)>();
        if (IsConsistent(choices) && !choices.Any(c => c.Origin == ChoiceOrigin.Preset))
        {
            foreach (var module in model.Modules.Where(m => !m.Defaults.IsEmpty))
            {
                var own = choices.Where(c => c.ModuleId == module.Id).ToList();
                if (!module.IsMultiSelect)
                {
                    var probe = new CustomerChoice(ChoiceKind.Set, module.Id, module.Defaults);
                    if (own.All(c => c.Kind == ChoiceKind.Deselect && !module.Defaults.Contains(c.OptionIds[0]))
                        && module.Defaults.Count >= module.Min && module.Defaults.Count <= module.Max && IsConsistent(applied.Append(probe)))
                    {
                        applied.Add(probe);
                        defaulted.UnionWith(module.Defaults.Select(d => (module.Id, d)));
                    }

                    continue;
                }

                foreach (var option in module.Defaults.Where(d => !own.Any(c => c.OptionIds.Contains(d))))
                {
                    var probe = new CustomerChoice(ChoiceKind.Select, module.Id, [option]);
                    if (IsConsistent(applied.Append(probe)))
                    {
                        applied.Add(probe);
                        defaulted.Add((module.Id, option));
                    }
                }
            }
        }

        var possible = _all.Where(c => c.Violated.Count == 0 && applied.All(choice => Satisfies(c.Configuration, choice))).Select(c => c.Configuration).ToList();
        var options = new Dictionary<(string, string), (bool, SelectionSource)>();
        var configuration = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var module in model.Modules)
        {
            var own = choices.Where(c => c.ModuleId == module.Id).ToList();
            var selections = possible.Select(c => string.Join("\u0001", c[module.Id].Order(StringComparer.Ordinal))).Distinct().Count();
            var decided = possible.Count > 0 && selections == 1;
            var selection = own.FirstOrDefault(c => c.Kind != ChoiceKind.Deselect);
            var chosen = new List<string>();
            foreach (var option in module.Options.Select(o => o.Id))
            {
                var onOption = own.LastOrDefault(c => c.Kind != ChoiceKind.Set && c.OptionIds[0] == option);
                var inAll = possible.Count > 0 && possible.All(c => c[module.Id].Contains(option));
                bool selected;
                SelectionSource source;
                if (module.IsMultiSelect)
                {
                    selected = onOption?.Kind == ChoiceKind.Select || defaulted.Contains((module.Id, option)) || inAll;
                    source = onOption is not null ? Of(onOption) : defaulted.Contains((module.Id, option)) ? SelectionSource.Default : inAll ? SelectionSource.Forced : SelectionSource.None;
                }
                else
                {
                    selected = decided && possible[0][module.Id].Contains(option);
                    source = selected ? (selection is not null ? Of(selection) : defaulted.Any(d => d.Item1 == module.Id) ? SelectionSource.Default : SelectionSource.Forced)
                        : onOption?.Kind == ChoiceKind.Deselect ? Of(onOption) : SelectionSource.None;
                }

                options[(module.Id, option)] = (selected, source);
                if (selected)
                {
                    chosen.Add(option);
                }
            }

            configuration[module.Id] = [.. chosen];
        }

        var valid = _all.Any(c => c.Violated.Count == 0 && model.Modules.All(m => c.Configuration[m.Id].Order(StringComparer.Ordinal).SequenceEqual(configuration[m.Id].Order(StringComparer.Ordinal))))
            && choices.All(c => Satisfies(configuration, c));
        return (options, valid ? configuration : null);
    }

    public override string ToString() => _oracle.ToString();
}
