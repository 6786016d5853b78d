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
            Constraints = [.. model.Constraints.Where(c => InEffect(c.ValidFrom, c.ValidTo, day)), .. retired.Select(r => RuledOut(model, r.Module, r.Option, day))],
            PriceRules = [.. model.PriceRules.Where(r => InEffect(r.ValidFrom, r.ValidTo, day))],
            BomRules = [.. model.BomRules.Where(r => InEffect(r.ValidFrom, r.ValidTo, day))],
            Presets = [.. model.Presets.Where(p => InEffect(p.ValidFrom, p.ValidTo, day) && !p.Selections.Any(s => s.Value.Any(o => gone.Contains((s.Key, o)))))],
        };
    }

    /// <summary>A constraint that rules an option out, saying why in the words a customer reads.</summary>
    private static Constraint RuledOut(ProductModel model, Module module, Option option, DateOnly day)
    {
        var quote = option.Id.Contains('\'', StringComparison.Ordinal) ? '"' : '\'';
        return new Constraint(ConstraintPrefix + module.Id + "=" + option.Id)
        {
            Message = Message(option, day, ModelText.For(model)),
            Rule = $"not has({module.Id}, {quote}{option.Id}{quote})",
        };
    }

    /// <summary>
    /// Why a constraint that rules out an option not in effect does so, in <paramref name="text"/>'s
    /// language and names; null for any other constraint.
    /// </summary>
    public static string? Message(CompiledModel model, Constraint constraint, ModelText text)
    {
        if (!constraint.Id.StartsWith(ConstraintPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // Module ids never hold '=', so the first one ends the module id.
        var ids = constraint.Id[ConstraintPrefix.Length..].Split('=', 2);
        return ids.Length == 2 && model.Model.FindModule(ids[0])?.FindOption(ids[1]) is { } option ? Message(option, model.AsOf, text) : null;
    }

    private static string Message(Option option, DateOnly day, ModelText text) => option.ValidFrom is { } from && day < from
        ? text.Format(text.Phrases.OfferedFrom, text.Name(option), text.Date(from))
        : text.Format(text.Phrases.OfferedUntil, text.Name(option), option.ValidTo is { } to ? text.Date(to) : "");
}
