using System.Globalization;
using Configurator.Modeling;

namespace Configurator.Solving;

/// <summary>
/// The model as of a day: constraints, price rules, BOM rules and presets not in effect are left
/// out, and so is a preset that selects an option not in effect; each option not in effect gets a
/// constraint that rules it out, whose message says from or until when it is offered (so counts,
/// availability and explanations need nothing new, and rules naming the option still read).
/// </summary>
internal static class Effectivity
{
    /// <summary>The id prefix of the constraints that rule out options not in effect.</summary>
    public const string ConstraintPrefix = "not-in-effect:";

    public static bool InEffect(DateOnly? from, DateOnly? to, DateOnly day) => (from is not { } first || first <= day) && (to is not { } last || day <= last);

    public static ProductModel AsOf(ProductModel model, DateOnly day)
    {
        var retired = model.Modules
            .SelectMany(m => m.Options.Where(o => !InEffect(o.ValidFrom, o.ValidTo, day)).Select(o => (Module: m, Option: o)))
            .ToList();
        var gone = retired.Select(r => (r.Module.Id, r.Option.Id)).ToHashSet();
        return model with
        {
            Constraints = [.. model.Constraints.Where(c => InEffect(c.ValidFrom, c.ValidTo, day)), .. retired.Select(r => RuledOut(r.Module, r.Option, day))],
            PriceRules = [.. model.PriceRules.Where(r => InEffect(r.ValidFrom, r.ValidTo, day))],
            BomRules = [.. model.BomRules.Where(r => InEffect(r.ValidFrom, r.ValidTo, day))],
            Presets = [.. model.Presets.Where(p => InEffect(p.ValidFrom, p.ValidTo, day) && !p.Selections.Any(s => s.Value.Any(o => gone.Contains((s.Key, o)))))],
        };
    }

    /// <summary>A constraint that rules an option out, saying why in the words a customer reads.</summary>
    private static Constraint RuledOut(Module module, Option option, DateOnly day)
    {
        var name = option.Name ?? option.Id;
        var message = option.ValidFrom is { } from && day < from
            ? $"{name} is offered from {from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}."
            : $"{name} was offered until {option.ValidTo?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.";
        var quote = option.Id.Contains('\'', StringComparison.Ordinal) ? '"' : '\'';
        return new Constraint(ConstraintPrefix + module.Id + "=" + option.Id)
        {
            Message = message,
            Rule = $"not has({module.Id}, {quote}{option.Id}{quote})",
        };
    }
}
