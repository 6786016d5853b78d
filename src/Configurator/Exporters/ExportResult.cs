using System.Collections.Immutable;

namespace Configurator.Exporters;

/// <summary>The formats a compiled model can be written in for other tools.</summary>
public enum ExportFormat
{
    /// <summary>UVL, the Universal Variability Language (flamapy, FeatureIDE, TraVarT).</summary>
    Uvl,

    /// <summary>DIMACS CNF, for #SAT counters and SAT solvers (sharpSAT, d4).</summary>
    Dimacs,

    /// <summary>XCSP 2.1 with extensional constraints, for constraint solvers.</summary>
    Xcsp,
}

/// <summary>A model written in another format, or why it could not be written exactly. Immutable.</summary>
/// <param name="Text">The file's content; null when the model could not be written without changing its configurations.</param>
/// <param name="Format">The format written.</param>
/// <param name="Errors">Why the model could not be written; empty on success.</param>
public sealed record ExportResult(string? Text, ExportFormat Format, ImmutableArray<string> Errors)
{
    /// <summary>What the format cannot carry and was left out (prices, presets); the configurations are never among them.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Whether the model was written.</summary>
    public bool Succeeded => Text is not null;

    /// <summary>Returns the text or throws with every reason.</summary>
    /// <exception cref="InvalidOperationException">The model could not be written exactly.</exception>
    public string GetTextOrThrow() => Text ?? throw new InvalidOperationException(string.Join(Environment.NewLine, Errors));
}
