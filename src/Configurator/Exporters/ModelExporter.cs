using Configurator.Exporters.Dimacs;
using Configurator.Exporters.Uvl;
using Configurator.Exporters.Xcsp;
using Configurator.Internal;
using Configurator.Solving;

namespace Configurator.Exporters;

/// <summary>
/// Writes compiled models for other tools. Every export keeps the configurations exactly: the
/// written model has the same number of solutions (DIMACS and XCSP may add auxiliary variables,
/// each a function of the model's own, so no count changes); a model that cannot be written so
/// gets an error saying why. Thread-safe.
/// </summary>
public static class ModelExporter
{
    /// <summary>Writes <paramref name="model"/> in <paramref name="format"/>.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="format">The format.</param>
    /// <param name="cancellationToken">Stops a long export (the clauses of a large model); honoured within milliseconds.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ExportResult Export(CompiledModel model, ExportFormat format, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(model);
        using var scope = Interruption.Enter(cancellationToken);
        switch (format)
        {
            case ExportFormat.Uvl:
                var (text, warnings, _) = UvlExporter.Export(model.Model);
                return new ExportResult(text, format, []) { Warnings = [.. warnings] };
            case ExportFormat.Dimacs:
                return DimacsExporter.Export(model);
            case ExportFormat.Xcsp:
                return XcspExporter.Export(model);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Not an export format.");
        }
    }
}
