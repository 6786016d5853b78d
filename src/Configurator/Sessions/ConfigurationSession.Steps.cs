using System.Collections.Immutable;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Sessions;

public sealed partial class ConfigurationSession
{
    /// <summary>The most diagnoses offered for one conflict.</summary>
    private const int MaxDiagnoses = 5;

    /// <summary>The most consistency checks spent looking for diagnoses, so that a conflict answers quickly.</summary>
    private const int MaxDiagnosisChecks = 4096;

    /// <summary>The restriction the choices impose on module values.</summary>
    internal Restriction RestrictionOf(IEnumerable<CustomerChoice> choices)
    {
        var restriction = new Restriction(Model.Domains.Length);
        foreach (var choice in choices)
        {
            var module = Model.ModuleIndexOf(choice.ModuleId);
            restriction.Restrict(module, AllowedValues(module, choice));
        }

        return restriction;
    }

    /// <summary>Which values of the module a choice allows.</summary>
    private bool[] AllowedValues(int module, CustomerChoice choice)
    {
        var domain = Model.Domains[module];
        var allowed = new bool[domain.ValueCount];
        if (choice.Kind == ChoiceKind.Set)
        {
            allowed[Model.ValueOf(module, choice.OptionIds)] = true;
            return allowed;
        }

        var option = domain.OptionIndex(choice.OptionIds[0]) ?? throw new InvalidSelectionException(
            $"Module '{choice.ModuleId}' has no option '{choice.OptionIds[0]}'. Options: {string.Join(", ", domain.Module.Options.Select(o => o.Id))}.", choice.ModuleId, choice.OptionIds[0]);
        for (var value = 0; value < allowed.Length; value++)
        {
            allowed[value] = domain.Contains(value, option) == (choice.Kind == ChoiceKind.Select);
        }

        return allowed;
    }

    private SessionState Compute(ImmutableArray<CustomerChoice> choices)
    {
        var restriction = RestrictionOf(choices);
        var usable = Model.UsableValues(restriction);
        var completions = Model.CountOf(restriction);

        // Defaults are soft: each applies only where the customer chose nothing and it still fits.
        var withDefaults = restriction.Copy();
        var defaulted = new bool[Model.Domains.Length];
        for (var m = 0; m < Model.Domains.Length; m++)
        {
            var module = Model.Model.Modules[m];
            if (module.Defaults.IsEmpty || choices.Any(c => c.ModuleId == module.Id) || Model.ValueOfOrMinusOne(m, module.Defaults) is not (>= 0 and var value))
            {
                continue;
            }

            var probe = withDefaults.Copy();
            probe.Fix(m, value, Model.Domains[m].ValueCount);
            if (Model.HasCompletion(probe))
            {
                withDefaults = probe;
                defaulted[m] = true;
            }
        }

        var decided = Model.UsableValues(withDefaults);
        var modules = ImmutableArray.CreateBuilder<ModuleState>(Model.Domains.Length);
        var values = new int[Model.Domains.Length];
        var complete = !completions.IsZero;
        for (var m = 0; m < Model.Domains.Length; m++)
        {
            var possible = Enumerable.Range(0, decided[m].Length).Where(v => decided[m][v] && withDefaults.Allows(m, v)).ToList();
            var source = SelectionSource.Open;
            ImmutableArray<string> selected = [];
            if (possible.Count == 1 && !completions.IsZero)
            {
                values[m] = possible[0];
                selected = [.. Model.OptionIdsOf(m, possible[0])];
                source = restriction.AllowedValues(m) is { } own && own.Count(a => a) == 1 ? SelectionSource.Customer
                    : defaulted[m] ? SelectionSource.Default
                    : SelectionSource.Forced;
            }
            else
            {
                complete = false;
            }

            modules.Add(new ModuleState(Model.Model.Modules[m].Id, Options(m, choices, usable[m], selected), selected, source));
        }

        var state = new SessionState(modules.MoveToImmutable(), choices, completions, complete ? Model.ToSelection(values) : null);
        return _pricing is null ? state : Priced(state, restriction, _pricing);
    }

    /// <summary>Adds the price range, and for each available option how the cheapest completion changes with it.</summary>
    private SessionState Priced(SessionState state, Restriction restriction, PricingPipeline pricing)
    {
        var range = pricing.RangeOf(Model, restriction, _request);
        if (range is null)
        {
            return state;
        }

        var modules = state.Modules.Select((module, m) =>
        {
            var options = module.Options.Select((option, o) =>
            {
                if (!option.IsAvailable)
                {
                    return option;
                }

                var probe = RestrictionOf(state.Choices.Where(c => c.ModuleId != module.ModuleId
                    || (Model.Model.Modules[m].IsMultiSelect && !c.OptionIds.Contains(option.OptionId))));
                probe.Restrict(m, AllowedValues(m, new CustomerChoice(ChoiceKind.Select, module.ModuleId, [option.OptionId])));
                var cheapest = pricing.RangeOf(Model, probe, _request);
                return option with { PriceDifference = cheapest is null ? null : cheapest.Min.Amount - range.Min.Amount };
            });
            return module with { Options = [.. options] };
        });
        return state with { Modules = [.. modules], Price = range };
    }

    /// <summary>
    /// An option is available when some value containing it is usable (valid with the choices on the
    /// other modules) and, in a multi-select module, keeps the module's choices on its other options.
    /// </summary>
    private ImmutableArray<OptionState> Options(int m, ImmutableArray<CustomerChoice> choices, bool[] usable, ImmutableArray<string> selected)
    {
        var domain = Model.Domains[m];
        var module = domain.Module;
        var own = module.IsMultiSelect ? choices.Where(c => c.ModuleId == module.Id).ToList() : [];
        var options = ImmutableArray.CreateBuilder<OptionState>(module.Options.Count);
        for (var o = 0; o < module.Options.Count; o++)
        {
            var id = module.Options[o].Id;
            var kept = own.Where(c => !c.OptionIds.Contains(id)).Select(c => AllowedValues(m, c)).ToList();
            var available = false;
            for (var value = 0; value < usable.Length && !available; value++)
            {
                available = usable[value] && domain.Contains(value, o) && kept.All(allowed => allowed[value]);
            }

            options.Add(new OptionState(id, available, selected.Contains(id)));
        }

        return options.MoveToImmutable();
    }

    /// <summary>Minimal sets of earlier choices whose removal lets <paramref name="choice"/> in, smallest first.</summary>
    private ImmutableArray<Diagnosis> Diagnose(ImmutableArray<CustomerChoice> others, CustomerChoice choice)
    {
        var found = new List<HashSet<int>>();
        var checks = 0;
        for (var size = 1; size <= others.Length && found.Count < MaxDiagnoses && checks < MaxDiagnosisChecks; size++)
        {
            foreach (var subset in Internal.Combinations.Of(others.Length, size).Select(c => c.ToHashSet()))
            {
                if (found.Count >= MaxDiagnoses || checks >= MaxDiagnosisChecks)
                {
                    break;
                }

                // A superset of a diagnosis is not minimal.
                if (found.Any(d => d.IsSubsetOf(subset)))
                {
                    continue;
                }

                checks++;
                var kept = others.Where((_, i) => !subset.Contains(i)).Append(choice);
                if (Model.HasCompletion(RestrictionOf(kept)))
                {
                    found.Add(subset);
                }
            }
        }

        return [.. found.Select(d => new Diagnosis([.. d.Order().Select(i => others[i])]))];
    }
}
