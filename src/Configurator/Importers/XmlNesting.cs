using System.Xml;

namespace Configurator.Importers;

/// <summary>
/// Refuses deeply nested XML before a document is built from it: building an
/// <see cref="System.Xml.Linq.XDocument"/> takes time quadratic in the nesting depth (20,000 levels
/// 0.6 s, 40,000 levels 2.5 s, 200,000 about a minute), while reading the text once with an
/// <see cref="XmlReader"/> takes 80 ms at 200,000 levels. No model nests anywhere near the limit.
/// </summary>
internal static class XmlNesting
{
    /// <summary>The most levels an element may sit below the document's root element.</summary>
    public const int MaxDepth = 1_000;

    /// <summary>
    /// The first element <paramref name="at"/> levels below the root whose content reaches past
    /// <see cref="MaxDepth"/>. Null when nothing does. Malformed XML throws
    /// <see cref="XmlException"/>, as parsing the document would.
    /// </summary>
    public static DeepElement? TooDeep(string text, int at)
    {
        // What XDocument.Parse reads with: a DTD is read, its entities expanded within a limit, nothing fetched.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, MaxCharactersFromEntities = 10_000_000, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var lines = (IXmlLineInfo)reader;
        DeepElement? current = null;
        bool Over() => current is { } element && element.Levels + at > MaxDepth;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth < at)
            {
                continue;
            }

            if (reader.Depth == at)
            {
                if (Over())
                {
                    return current;
                }

                current = new DeepElement(reader.LocalName, lines.LineNumber, 0);
            }
            else if (current is { } open && reader.Depth - at > open.Levels)
            {
                current = open with { Levels = reader.Depth - at };
            }
        }

        return Over() ? current : null;
    }

    /// <summary>The error for an element that <see cref="TooDeep"/> found, in a file of <paramref name="format"/>.</summary>
    public static ImportError Error(DeepElement deep, string format) =>
        new($"<{deep.Name}> nests {deep.Levels:N0} elements deep; {format} files are read to at most {MaxDepth:N0} levels.", deep.Line);
}

/// <summary>An element whose content nests too deep.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Line">Its line.</param>
/// <param name="Levels">How many levels its content nests (its children are 1).</param>
internal readonly record struct DeepElement(string Name, int Line, int Levels);
