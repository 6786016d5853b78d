using System.Collections.Immutable;
using Configurator.Modeling;

namespace Configurator.Importers;

/// <summary>The third-party formats the importers read.</summary>
public enum ImportFormat
{
    /// <summary>XCSP 2.1 extensional problems (domains, variables, relations with supports or conflicts).</summary>
    Xcsp,

    /// <summary>FeatureIDE XML feature models.</summary>
    FeatureIde,

    /// <summary>DIMACS CNF: each variable a yes/no module.</summary>
    Dimacs,

    /// <summary>SPL Conqueror variability models (binary options).</summary>
    Splc,

    /// <summary>UVL, the Universal Variability Language: each feature a yes/no module, attributes as properties.</summary>
    Uvl,
}

/// <summary>A problem with an imported file: what and where (1-based line and column; 0 when unknown). Immutable.</summary>
/// <param name="Message">What is wrong, naming the element.</param>
/// <param name="Line">The 1-based line, or 0 when the format gives none.</param>
public sealed record ImportError(string Message, int Line)
{
    /// <summary>The 1-based column, or 0 when the format gives none (only text formats such as UVL give one).</summary>
    public int Column { get; init; }

    /// <inheritdoc />
    public override string ToString() => (Line, Column) switch
    {
        ( > 0, > 0) => $"line {Line}, column {Column}: {Message}",
        ( > 0, _) => $"line {Line}: {Message}",
        _ => Message,
    };
}

/// <summary>The model converted from a third-party file, or why it could not be. Immutable.</summary>
/// <param name="Model">The product model; null when the file could not be converted.</param>
/// <param name="Format">The format read.</param>
/// <param name="Errors">The problems found.</param>
public sealed record ImportResult(ProductModel? Model, ImportFormat Format, ImmutableArray<ImportError> Errors)
{
    /// <summary>
    /// Problems that did not stop the conversion but may mean the file is not what its author
    /// meant (a DIMACS header whose clause count differs from the clauses given); empty when none.
    /// </summary>
    public ImmutableArray<ImportError> Warnings { get; init; } = [];

    /// <summary>Whether the conversion succeeded.</summary>
    public bool Succeeded => Model is not null;

    /// <summary>Returns the model or throws with every problem.</summary>
    /// <exception cref="FormatException">The file could not be converted.</exception>
    public ProductModel GetModelOrThrow() => Model ?? throw new FormatException(string.Join(Environment.NewLine, Errors));
}
