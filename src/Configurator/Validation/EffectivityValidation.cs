using FluentValidation;

namespace Configurator.Validation;

/// <summary>The check every dated element shares: its last day is not before its first.</summary>
internal static class EffectivityValidation
{
    /// <summary>Adds a rule that fails at <c>validTo</c> when it is before <c>validFrom</c>.</summary>
    public static void MustBeInEffectSomeDay<T>(this AbstractValidator<T> validator, Func<T, DateOnly?> from, Func<T, DateOnly?> to, string what, Func<T, string?> id) =>
        validator.RuleFor(item => item).Custom((item, context) => context.CheckEffectivity(from(item), to(item), what, id(item)));

    /// <summary>Fails at <c>validTo</c> when it is before <c>validFrom</c>; <paramref name="what"/> and <paramref name="id"/> name the element.</summary>
    public static void CheckEffectivity<T>(this ValidationContext<T> context, DateOnly? from, DateOnly? to, string what, string? id)
    {
        if (IsNever(from, to))
        {
            context.Fail(context.JsonPath() + ".validTo", ModelErrorCodes.InvalidEffectivity, Never(what, id, from, to));
        }
    }

    /// <summary>Whether the dates leave no day in effect.</summary>
    public static bool IsNever(DateOnly? from, DateOnly? to) => from is { } first && to is { } last && first > last;

    /// <summary>The message for dates that leave no day in effect.</summary>
    public static string Never(string what, string? id, DateOnly? from, DateOnly? to) =>
        $"{what} '{id}' is valid from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, which is never; validTo is the last day in effect.";
}
