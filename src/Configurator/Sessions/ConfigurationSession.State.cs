using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Solving;
using Configurator.Solving.Domains;

namespace Configurator.Sessions;

public sealed partial class ConfigurationSession
{
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

    /// <summary>The module a choice concerns and which of its values the choice allows.</summary>
    internal (int Module, bool[] Allowed) ValuesOf(CustomerChoice choice)
    {
        var module = Model.ModuleIndexOf(choice.ModuleId);
        return (module, AllowedValues(module, choice));
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

        var option = OptionIndex(module, choice.OptionIds[0]);
        for (var value = 0; value < allowed.Length; value++)
        {
            allowed[value] = domain.Contains(value, option) == (choice.Kind == ChoiceKind.Select);
        }

        return allowed;
    }

    private int OptionIndex(int module, string optionId)
    {
        var domain = Model.Domains[module];
        return domain.OptionIndex(optionId) ?? throw new InvalidSelectionException(
            Internal.KnownNames.NoOption(domain.Module.Id, optionId, [.. domain.Module.Options.Select(o => o.Id)]), domain.Module.Id, optionId);
    }

    private SessionState Compute(ImmutableArray<CustomerChoice> choices)
    {
        var count = Model.Domains.Length;
        var restriction = RestrictionOf(choices);
        var usable = Model.UsableValues(restriction);
        var completions = Model.CountWithinBudget(restriction);
        var valid = completions is not { IsZero: true };

        // Defaults are soft: each applies where no choice concerns it and it still fits; none
        // applies on top of a preset, which is a whole product already.
        var byModule = new List<CustomerChoice>?[count];
        foreach (var choice in choices)
        {
            (byModule[Model.ModuleIndexOf(choice.ModuleId)] ??= []).Add(choice);
        }

        var withDefaults = restriction;
        var defaulted = new bool[count][];
        if (valid && !choices.Any(c => c.Origin == ChoiceOrigin.Preset))
        {
            withDefaults = ApplyDefaults(byModule, restriction, defaulted);
        }

        var possible = ReferenceEquals(withDefaults, restriction) ? usable : Model.UsableValues(withDefaults);
        var prices = _pricing is null ? null : PricesOf(restriction, usable, _pricing);
        var modules = ImmutableArray.CreateBuilder<ModuleState>(count);
        var proposal = new int[count];

        for (var m = 0; m < count; m++)
        {
            var own = byModule[m] ?? [];
            var (state, value) = ModuleStateOf(m, own, usable[m], possible[m], withDefaults, restriction, defaulted[m], !valid, prices);
            modules.Add(state);
            proposal[m] = value;
        }

        // Each value is permitted and keeps the choices, so the constraints decide.
        var configuration = proposal.All(v => v >= 0) && Model.Satisfies(proposal) ? Model.ToSelection(proposal) : null;

        return new SessionState(Id, Model.Model.Id, Model.Model.Version, _step, modules.MoveToImmutable(), [.. choices], completions, configuration)
        {
            PresetId = PresetId,
            Attributes = Model.Model.Attributes.IsEmpty || !valid
                ? default
                : [.. Model.Model.Attributes.Select(a => Measured(a, restriction, usable, proposal, configuration is not null))],
            Price = prices?.Range,
            Breakdown = prices is not null && configuration is not null ? _pricing!.Price(Model, configuration, _request) : null,
        };
    }

    /// <summary>An attribute's exact range over the completions of the choices, and the complete configuration's own value.</summary>
    private AttributeState Measured(AttributeDefinition attribute, Restriction restriction, bool[][] usable, int[] configuration, bool complete)
    {
        (decimal Min, decimal Max)? bounds;
        try
        {
            // The ! is safe: the caller checked that the choices have completions, and the model validated the property.
            bounds = AttributeRanges.Bounds(Model, attribute.Property, attribute.Aggregation, restriction, usable)!.Value;
        }
        catch (ConfiguratorException e) when (e.Code == ConfiguratorErrorCodes.LimitExceeded)
        {
            // A sum on a model too wide for an exact program: the session goes on without the range.
            bounds = null;
        }

        decimal? value = complete ? AttributeRanges.ValueOf(Model, attribute.Property, attribute.Aggregation, configuration) : null;
        return new AttributeState(attribute.Id, Text.Name(attribute), attribute.Unit, bounds?.Min, bounds?.Max, value);
    }

    /// <summary>Applies each default that fits, in model order; marks per module which options a default selected.</summary>
    /// <remarks><paramref name="byModule"/>: the choices per module, in order (null where none concerns it).</remarks>
    private Restriction ApplyDefaults(List<CustomerChoice>?[] byModule, Restriction restriction, bool[][] defaulted)
    {
        var withDefaults = restriction;
        for (var m = 0; m < Model.Domains.Length; m++)
        {
            var module = Model.Model.Modules[m];
            if (module.Defaults.IsEmpty)
            {
                continue;
            }

            var own = byModule[m];
            if (!module.IsMultiSelect)
            {
                // A single-select default applies when the customer selected nothing here and did not rule it out.
                if (OverridesDefaults(own, module.Defaults) || Model.ValueOfOrMinusOne(m, module.Defaults) is not (>= 0 and var value))
                {
                    continue;
                }

                var probe = withDefaults.Copy();
                probe.Fix(m, value, Model.Domains[m].ValueCount);
                if (Model.HasCompletion(probe))
                {
                    withDefaults = probe;
                    defaulted[m] = new bool[module.Options.Count];
                    for (var o = 0; o < module.Options.Count; o++)
                    {
                        defaulted[m][o] = module.Defaults.Contains(module.Options[o].Id);
                    }
                }

                continue;
            }

            // In a multi-select module each default option applies on its own, unless a choice names it.
            foreach (var optionId in module.Defaults)
            {
                if (Names(own, optionId))
                {
                    continue;
                }

                var probe = withDefaults.Copy();
                probe.Restrict(m, AllowedValues(m, new CustomerChoice(ChoiceKind.Select, module.Id, [optionId])));
                if (Model.HasCompletion(probe))
                {
                    withDefaults = probe;
                    defaulted[m] ??= new bool[module.Options.Count];
                    defaulted[m][OptionIndex(m, optionId)] = true;
                }
            }
        }

        return withDefaults;
    }

    /// <summary>
    /// One module's state and the value the configuration would take there now (-1 when
    /// undecided). <paramref name="usable"/> ignores the module's own choices; <paramref name="possible"/>
    /// does the same under the defaults.
    /// </summary>
    private (ModuleState State, int Value) ModuleStateOf(int m, List<CustomerChoice> own, bool[] usable, bool[] possible,
        Restriction withDefaults, Restriction restriction, bool[]? defaulted, bool dead, Prices? prices)
    {
        var domain = Model.Domains[m];
        var module = domain.Module;
        var values = new List<int>();
        for (var v = 0; v < possible.Length; v++)
        {
            if (possible[v] && withDefaults.Allows(m, v))
            {
                values.Add(v);
            }
        }

        var decided = values.Count == 1 && !dead;
        var selection = own.FirstOrDefault(c => c.Kind != ChoiceKind.Deselect);
        var wasDefaulted = defaulted is not null;
        var moduleSource = !module.IsMultiSelect && selection is not null ? Origin(selection)
            : !module.IsMultiSelect && decided ? (wasDefaulted ? SelectionSource.Default : SelectionSource.Forced)
            : own.Count > 0 ? Origin(own[^1])
            : wasDefaulted ? SelectionSource.Default
            : decided ? SelectionSource.Forced
            : SelectionSource.None;
        var options = ImmutableArray.CreateBuilder<OptionState>(module.Options.Count);
        var selected = new List<int>();
        for (var o = 0; o < module.Options.Count; o++)
        {
            var optionId = module.Options[o].Id;
            var onOption = LastOnOption(own, optionId);
            bool isSelected;
            SelectionSource source;
            bool available;
            if (module.IsMultiSelect)
            {
                var inAll = !dead && values.Count > 0 && AllContain(domain, values, o);
                isSelected = onOption?.Kind == ChoiceKind.Select || defaulted?[o] == true || inAll;
                source = onOption is not null ? Origin(onOption)
                    : defaulted?[o] == true ? SelectionSource.Default
                    : inAll ? SelectionSource.Forced
                    : SelectionSource.None;

                // Choosing it next keeps every choice on this module but the customer's own ruling-out of it, which it takes back.
                var after = onOption is { Kind: ChoiceKind.Deselect } ? AllowedAfter(m, new CustomerChoice(ChoiceKind.Select, module.Id, [optionId]), own) : null;
                available = false;
                for (var v = 0; v < usable.Length && !available; v++)
                {
                    available = usable[v] && (after?[v] ?? (restriction.Allows(m, v) && domain.Contains(v, o)));
                }
            }
            else
            {
                isSelected = decided && domain.Contains(values[0], o);
                source = isSelected ? (selection is not null ? Origin(selection) : wasDefaulted ? SelectionSource.Default : SelectionSource.Forced)
                    : onOption?.Kind == ChoiceKind.Deselect ? Origin(onOption)
                    : SelectionSource.None;

                // Choosing it next takes the place of the module's selection and of a ruling-out of it
                // (only a customer rules out an option of a single-select module).
                var single = domain.SingleOptionValue[o];
                available = single >= 0 && usable[single];
            }

            if (isSelected)
            {
                selected.Add(o);
            }

            options.Add(new OptionState(optionId, Text.Name(module.Options[o]), available, isSelected, source)
            {
                PriceDifference = available && prices is not null ? prices.DifferenceOf(this, m, o, own) : null,
            });
        }

        // What the customer gets now: the selected options; an optional module left open gets none.
        var value = decided ? values[0] : -1;
        if (!decided && !dead)
        {
            var proposed = domain.FindValue(CollectionsMarshal.AsSpan(selected));
            value = proposed >= 0 && values.Contains(proposed) ? proposed : -1;
        }

        // A loop, not a lambda over the module: that made a closure, a delegate and an iterator per module and step.
        var selectedIds = new string[selected.Count];
        for (var i = 0; i < selected.Count; i++)
        {
            selectedIds[i] = module.Options[selected[i]].Id;
        }

        var state = new ModuleState(module.Id, Text.Name(module), module.Min, module.Max, options.MoveToImmutable(),
            ImmutableCollectionsMarshal.AsImmutableArray(selectedIds), moduleSource, decided);
        return (state, value);
    }

    // Loops, not LINQ: a view asks these once per option, and a lambda over the option allocated
    // a delegate each time (a window-rules step made about a hundred).

    /// <summary>Whether a choice on a single-select module keeps its defaults out: any selection, or a ruling-out of a default.</summary>
    private static bool OverridesDefaults(List<CustomerChoice>? own, EquatableArray<string> defaults)
    {
        if (own is null)
        {
            return false;
        }

        foreach (var choice in own)
        {
            if (choice.Kind != ChoiceKind.Deselect)
            {
                return true;
            }

            foreach (var optionId in choice.OptionIds)
            {
                if (defaults.Contains(optionId))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether one of the module's choices names the option.</summary>
    private static bool Names(List<CustomerChoice>? own, string optionId)
    {
        if (own is null)
        {
            return false;
        }

        foreach (var choice in own)
        {
            if (choice.OptionIds.Contains(optionId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The module's last choice that selects or rules out this option alone; null when none does.</summary>
    private static CustomerChoice? LastOnOption(List<CustomerChoice> own, string optionId)
    {
        for (var i = own.Count - 1; i >= 0; i--)
        {
            if (own[i].Kind != ChoiceKind.Set && own[i].OptionIds[0] == optionId)
            {
                return own[i];
            }
        }

        return null;
    }

    /// <summary>The module's values allowed once <paramref name="select"/> is made: it, and the module's choices (<paramref name="own"/>) it does not replace.</summary>
    private bool[] AllowedAfter(int m, CustomerChoice select, List<CustomerChoice> own)
    {
        var allowed = AllowedValues(m, select);
        var multiSelect = Model.Model.Modules[m].IsMultiSelect;
        foreach (var earlier in own)
        {
            if (!Replaces(select, earlier, multiSelect))
            {
                var also = AllowedValues(m, earlier);
                for (var value = 0; value < allowed.Length; value++)
                {
                    allowed[value] &= also[value];
                }
            }
        }

        return allowed;
    }

    /// <summary>Whether every one of the values holds the option.</summary>
    private static bool AllContain(ModuleDomain domain, List<int> values, int option)
    {
        foreach (var value in values)
        {
            if (!domain.Contains(value, option))
            {
                return false;
            }
        }

        return true;
    }

    private static SelectionSource Origin(CustomerChoice choice) => choice.Origin switch
    {
        ChoiceOrigin.Preset => SelectionSource.Preset,
        ChoiceOrigin.Completion => SelectionSource.Completion,
        _ => SelectionSource.Customer,
    };

    /// <summary>The step's price range and the table its options' price differences come from; null when nothing is valid.</summary>
    /// <remarks>One table answers every option: the cheapest price per module value, that module's own restriction lifted and every other module's kept.</remarks>
    private Prices? PricesOf(Restriction restriction, bool[][] usable, PricingPipeline pricing) =>
        pricing.RangeAndCheapestPerValue(Model, restriction, _request, usable) is var (range, table) ? new Prices(range, table) : null;

    /// <summary>A step's price range and, per module value, the cheapest valid configuration taking it with the other modules kept to their choices.</summary>
    private sealed record Prices(PriceRange Range, decimal?[][] PerValue)
    {
        /// <summary>
        /// How much the cheapest configuration changes if the customer chooses option <paramref name="o"/>
        /// of module <paramref name="m"/>: the table already holds the other modules to their choices,
        /// so only this module's choices that stay (<paramref name="own"/> less what the choice replaces) matter.
        /// </summary>
        public Money? DifferenceOf(ConfigurationSession session, int m, int o, List<CustomerChoice> own)
        {
            var module = session.Model.Model.Modules[m];
            var allowed = session.AllowedAfter(m, new CustomerChoice(ChoiceKind.Select, module.Id, [module.Options[o].Id]), own);

            decimal? cheapest = null;
            for (var value = 0; value < allowed.Length; value++)
            {
                if (allowed[value] && PerValue[m][value] is { } price && (cheapest is null || price < cheapest))
                {
                    cheapest = price;
                }
            }

            return cheapest is { } amount ? new Money(amount - Range.Min.Amount, Range.Min.Currency) : null;
        }
    }
}
