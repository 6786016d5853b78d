using FluentValidation;

namespace Configurator.Validation;

/// <summary>The check every dated element shares: its last day is not before its first.</summary>
internal static class EffectivityValidation
{
    /// <summary>Fails at <c>validTo</c> when it is before <c>validFrom</c>.</summary>
    public static void MustBeInEffectSomeDay<T>(this AbstractValidator<T> validator, Func<T, DateOnly?> from, Func<T, DateOnly?> to, Func<T, string> what) =>
        validator.RuleFor(item => to(item))
            .Must((item, last) => from(item) is not { } first || last is not { } end || first <= end)
            .OverridePropertyName("ValidTo")
            .WithErrorCode(ModelErrorCodes.InvalidEffectivity)
            .WithMessage(item => $"{what(item)} is valid from {from(item):yyyy-MM-dd} to {to(item):yyyy-MM-dd}, which is never; validTo is the last day in effect.");
}
