using System.Xml;
using Configurator.Importers.Dimacs;
using Configurator.Importers.FeatureIde;
using Configurator.Importers.Splc;
using Configurator.Importers.Uvl;
using Configurator.Importers.Xcsp;
using Configurator.Internal;

namespace Configurator.Importers;

/// <summary>
/// Converts third-party configuration models into product models. Every conversion preserves the
/// number of configurations exactly: no auxiliary modules. Thread-safe.
/// </summary>
public static class ModelImporter
{
    /// <summary>Imports a file, recognising its format from its content unless one is given. A UVL file's imports are read from its folder.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format; null to recognise it.</param>
    /// <param name="cancellationToken">Stops a long import (a file of hundreds of thousands of clauses); honoured within milliseconds.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ImportResult ImportFile(string path, ImportFormat? format = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrEmpty(path);
        var text = File.ReadAllText(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        return Import(text, Path.GetFileNameWithoutExtension(path), format, directory, cancellationToken);
    }

    /// <summary>Imports text. A UVL text that imports other files is refused (it has no folder to read them from): use <see cref="ImportFile"/>.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="name">A name for the model's id.</param>
    /// <param name="format">The format; null to recognise it.</param>
    /// <param name="cancellationToken">Stops a long import; honoured within milliseconds.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ImportResult Import(string text, string name, ImportFormat? format = null, CancellationToken cancellationToken = default) =>
        Import(text, name, format, directory: null, cancellationToken);

    private static ImportResult Import(string text, string name, ImportFormat? format, string? directory, CancellationToken cancellationToken)
    {
        Guard.NotNull(text);
        using var scope = Interruption.Enter(cancellationToken);
        var detected = format ?? Detect(text);
        if (detected is not { } known)
        {
            return new ImportResult(null, ImportFormat.Xcsp, [new ImportError("The format is not recognised: expected XCSP 2.1 (<instance>), FeatureIDE (<featureModel>), SPL Conqueror (<vm>), DIMACS CNF (p cnf) or UVL (features).", 1)]);
        }

        var id = ModuleIds.Sanitize(string.IsNullOrEmpty(name) ? "imported" : name);
        try
        {
            return known switch
            {
                ImportFormat.Xcsp => XcspImporter.Import(text, id),
                ImportFormat.Splc => SplcImporter.Import(text, id),
                ImportFormat.FeatureIde => FeatureIdeImporter.Import(text, id),
                ImportFormat.Uvl => UvlImporter.Import(text, id, directory),
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
            if (trimmed.IsEmpty || trimmed.StartsWith("//", StringComparison.Ordinal) || (trimmed[0] is 'c' or '%' && !IsUvlStart(trimmed)))
            {
                continue;
            }

            if (trimmed.StartsWith("p cnf", StringComparison.Ordinal))
            {
                return ImportFormat.Dimacs;
            }

            return IsUvlStart(trimmed) ? ImportFormat.Uvl : null;
        }

        return null;
    }

    /// <summary>Whether a line opens a UVL file: its first section keyword.</summary>
    private static bool IsUvlStart(ReadOnlySpan<char> line)
    {
        var word = line[..(line.IndexOfAny(" \t/") is var end and >= 0 ? end : line.Length)];
        return word is "features" or "namespace" or "imports" or "include";
    }
}
