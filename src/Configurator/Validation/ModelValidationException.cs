using System.Collections.Immutable;

namespace Configurator.Validation;

/// <summary>Thrown, on request only, for a model with errors; carries every error.</summary>
public sealed class ModelValidationException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">The errors; at least one.</param>
    public ModelValidationException(ImmutableArray<ModelError> errors)
        : base(Describe(errors)) => Errors = errors.IsDefault ? [] : errors;

    /// <summary>Creates the exception with a message only.</summary>
    public ModelValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public ModelValidationException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Every error found.</summary>
    public ImmutableArray<ModelError> Errors { get; }

    private static string Describe(ImmutableArray<ModelError> errors) => errors.IsDefaultOrEmpty
        ? "The model is invalid."
        : $"The model has {errors.Length} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
