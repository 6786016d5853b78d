using Configurator.Internal;
using Configurator.Modeling;

namespace Configurator.Validation;

/// <summary>Validates product models and returns <see cref="ModelError"/> values with JSON paths.</summary>
public static class ProductModelValidation
{
    private static readonly ProductModelValidator Validator = new();

    /// <summary>Validates a model and returns every error at once.</summary>
    /// <param name="model">The model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static ModelValidationResult Validate(this ProductModel model) => Validate(model, CancellationToken.None);

    /// <summary>Validates a model, checking <paramref name="cancellationToken"/> between rules (a model of thousands of modules takes seconds).</summary>
    internal static ModelValidationResult Validate(ProductModel model, CancellationToken cancellationToken)
    {
        Guard.NotNull(model);

        // Every rule is synchronous, so the asynchronous path (the one that watches a token) completes at once.
        var failures = (cancellationToken.CanBeCanceled
            ? Validator.ValidateAsync(model, cancellationToken).GetAwaiter().GetResult()
            : Validator.Validate(model)).Errors;
        var errors = failures.Select(f => new ModelError(f.ErrorCode, JsonPaths.FromPropertyPath(f.PropertyName), f.ErrorMessage)
        {
            Column = (f.CustomState as FailureState)?.Column,
            ModuleId = (f.CustomState as FailureState)?.ModuleId,
        });
        return new ModelValidationResult(FollowUpErrors.Without([], [.. errors], model));
    }
}
