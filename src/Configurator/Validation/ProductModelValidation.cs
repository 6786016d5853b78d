using Configurator.Internal;
using Configurator.Modeling;

namespace Configurator.Validation;

/// <summary>Validates product models and returns <see cref="ModelError"/> values with JSON paths.</summary>
public static class ProductModelValidation
{
    private static readonly ProductModelValidator Validator = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProductModel, ModelValidationResult> Results = new();

    /// <summary>Validates a model and returns every error at once.</summary>
    /// <param name="model">The model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static ModelValidationResult Validate(this ProductModel model) => Validate(model, CancellationToken.None);

    /// <summary>Validates a model, checking <paramref name="cancellationToken"/> at every module and rule (a model of thousands of modules takes a second).</summary>
    /// <remarks>
    /// A model is immutable, so its result is kept per instance: loading a file validates it and
    /// compiling it asks again. The rules are synchronous; the token is watched through the solver's
    /// <see cref="Interruption"/> scope, which the module and rule checks poll, rather than through
    /// FluentValidation's asynchronous path, whose first run jitted a second copy of every rule (a
    /// sixth of a one-shot console command).
    /// </remarks>
    internal static ModelValidationResult Validate(ProductModel model, CancellationToken cancellationToken)
    {
        Guard.NotNull(model);
        if (Results.TryGetValue(model, out var known))
        {
            return known;
        }

        using var scope = Interruption.Enter(cancellationToken);
        var failures = Validator.Validate(model).Errors;
        var errors = failures.Select(f => new ModelError(f.ErrorCode, JsonPaths.FromPropertyPath(f.PropertyName), f.ErrorMessage)
        {
            Column = (f.CustomState as FailureState)?.Column,
            ModuleId = (f.CustomState as FailureState)?.ModuleId,
        });
        var result = new ModelValidationResult(FollowUpErrors.Without([], [.. errors], model));
        Results.AddOrUpdate(model, result);
        return result;
    }
}
