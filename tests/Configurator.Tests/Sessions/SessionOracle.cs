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

    /// <summary>The session's availability rule: valid, keeps the choices on other modules (and, multi-select, on other options), selects the option.</summary>
    public bool IsAvailable(IReadOnlyList<CustomerChoice> choices, Module module, string optionId)
    {
        var kept = choices.Where(c => c.ModuleId != module.Id || (module.IsMultiSelect && !c.OptionIds.Contains(optionId)))
            .Append(new CustomerChoice(ChoiceKind.Select, module.Id, [optionId]));
        return IsConsistent(kept);
    }

    /// <summary>The earlier choices a new one leaves standing: the rule the session documents, written again here.</summary>
    public List<CustomerChoice> Normalized(IEnumerable<CustomerChoice> choices, CustomerChoice choice)
    {
        var multi = model.FindModule(choice.ModuleId)!.IsMultiSelect;
        return [.. choices.Where(c =>
        {
            if (c.ModuleId != choice.ModuleId)
            {
                return true;
            }

            var mentions = c.OptionIds.Any(choice.OptionIds.Contains);
            if (choice.Kind == ChoiceKind.Set)
            {
                return false;
            }

            if (multi)
            {
                return c.Kind != ChoiceKind.Set && !mentions;
            }

            return choice.Kind == ChoiceKind.Deselect && !mentions;
        })];
    }

    public override string ToString() => _oracle.ToString();
}
