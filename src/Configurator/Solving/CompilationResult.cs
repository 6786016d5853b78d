using System.Collections.Immutable;
using Configurator.Validation;

namespace Configurator.Solving;

/// <summary>The outcome of compiling a model: the compiled model, or every error found. Immutable.</summary>
/// <param name="Model">The compiled model; <see langword="null"/> when there are errors.</param>
/// <param name="Errors">Validation and compilation errors, with JSON paths.</param>
public sealed record CompilationResult(CompiledModel? Model, ImmutableArray<ModelError> Errors)
{
    /// <summary>Whether the model compiled.</summary>
    public bool Succeeded => Model is not null;

    /// <summary>Returns the compiled model or throws with every error.</summary>
    /// <exception cref="ModelValidationException">The model did not compile.</exception>
    public CompiledModel GetModelOrThrow() => Model ?? throw new ModelValidationException(Errors);
}
