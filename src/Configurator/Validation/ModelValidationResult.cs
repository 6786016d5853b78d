using System.Collections.Immutable;

namespace Configurator.Validation;

/// <summary>The outcome of validating or loading a model: every error found, in document order. Immutable.</summary>
/// <param name="Errors">The errors; empty when the model is valid.</param>
public sealed record ModelValidationResult(ImmutableArray<ModelError> Errors)
{
    /// <summary>Whether no errors were found.</summary>
    public bool IsValid => Errors.IsDefaultOrEmpty;

    /// <summary>Throws when the model has errors, for callers that prefer an exception.</summary>
    /// <exception cref="ModelValidationException">The model has at least one error.</exception>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ModelValidationException(Errors);
        }
    }
}
