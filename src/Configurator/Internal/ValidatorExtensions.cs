using FluentValidation;

namespace Configurator.Internal;

/// <summary>Options are checked when added: invalid options are caller misuse, so they throw <see cref="ArgumentException"/>.</summary>
internal static class ValidatorExtensions
{
    public static void ValidateAndThrowArgument<T>(this IValidator<T> validator, T? options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = validator.Validate(options);
        if (!result.IsValid)
        {
            throw new ArgumentException($"Invalid {typeof(T).Name}: {string.Join(" ", result.Errors.Select(e => e.ErrorMessage))}", nameof(options));
        }
    }
}
