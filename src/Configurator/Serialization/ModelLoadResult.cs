using System.Collections.Immutable;
using Configurator.Modeling;
using Configurator.Validation;

namespace Configurator.Serialization;

/// <summary>
/// The outcome of loading a model from JSON: the model when it is well-formed and valid, otherwise
/// every error found (malformed JSON, structure, and validation) at once. Immutable.
/// </summary>
/// <param name="Model">The loaded, validated model; <see langword="null"/> when there are errors.</param>
/// <param name="Errors">Every error, with JSON paths; empty on success.</param>
public sealed record ModelLoadResult(ProductModel? Model, ImmutableArray<ModelError> Errors)
{
    /// <summary>Whether the model loaded and is valid.</summary>
    public bool Succeeded => Model is not null && Errors.IsDefaultOrEmpty;

    /// <summary>Returns the model, or throws with every error.</summary>
    /// <exception cref="ModelValidationException">The model did not load or is invalid.</exception>
    public ProductModel GetModelOrThrow() => Succeeded ? Model! /* Succeeded implies a model */ : throw new ModelValidationException(Errors);
}
