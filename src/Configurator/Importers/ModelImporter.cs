using System.Xml;
using Configurator.Importers.Dimacs;
using Configurator.Importers.FeatureIde;
using Configurator.Importers.Splc;
using Configurator.Importers.Xcsp;
using Configurator.Internal;

namespace Configurator.Importers;

/// <summary>
/// Converts third-party configuration models into product models. Every conversion preserves the
/// number of configurations exactly: no auxiliary modules. Thread-safe.
/// </summary>
public static class ModelImporter
{
    /// <summary>Imports a file, recognising its format from its content unless one is given.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format; null to recognise it.</param>
    /// <param name="cancellationToken">Stops a long import (a file of hundreds of thousands of clauses); honoured within milliseconds.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ImportResult ImportFile(string path, ImportFormat? format = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrEmpty(path);
        return Import(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), format, cancellationToken);
    }

    /// <summary>Imports text.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="name">A name for the model's id.</param>
    /// <param name="format">The format; null to recognise it.</param>
    /// <param name="cancellationToken">Stops a long import; honoured within milliseconds.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ImportResult Import(string text, string name, ImportFormat? format = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(text);
        using var scope = Interruption.Enter(cancellationToken);
        var detected = format ?? Detect(text);
        if (detected is not { } known)
        {
            return new ImportResult(null, ImportFormat.Xcsp, [new ImportError("The format is not recognised: expected XCSP 2.1 (<instance>), FeatureIDE (<featureModel>), SPL Conqueror (<vm>) or DIMACS CNF (p cnf).", 1)]);
        }

        var id = ModuleIds.Sanitize(string.IsNullOrEmpty(name) ? "imported" : name);
        try
        {
            return known switch
            {
                ImportFormat.Xcsp => XcspImporter.Import(text, id),
                ImportFormat.Splc => SplcImporter.Import(text, id),
                ImportFormat.FeatureIde => FeatureIdeImporter.Import(text, id),
                _ => DimacsImporter.Import(text, id),
            };
        }
        catch (XmlException e)
        {
            return new ImportResult(null, known, [new ImportError($"Not well-formed XML: {e.Message}", e.LineNumber)]);
        }
    }

    /// <summary>Recognises the format from the first meaningful content.</summary>
    public static ImportFormat? Detect(string text)
    {
        Guard.NotNull(text);
        var head = text.Length > 4096 ? text[..4096] : text;
        if (head.Contains("<instance", StringComparison.Ordinal))
        {
            return ImportFormat.Xcsp;
        }

        if (head.Contains("<featureModel", StringComparison.Ordinal))
        {
            return ImportFormat.FeatureIde;
        }

        if (head.Contains("<vm", StringComparison.Ordinal))
        {
            return ImportFormat.Splc;
        }

        // DIMACS: the problem line may follow any number of comment lines, so read past them.
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimStart();
            if (trimmed.IsEmpty || trimmed[0] is 'c' or '%')
            {
                continue;
            }

            return trimmed.StartsWith("p cnf", StringComparison.Ordinal) ? ImportFormat.Dimacs : null;
        }

        return null;
    }
}
