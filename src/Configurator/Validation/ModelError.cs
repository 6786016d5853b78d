using System.Text;

namespace Configurator.Validation;

/// <summary>
/// One problem with a product model: a stable <see cref="Code"/>, the JSON path of the offending
/// value, a message a product manager understands, and where it applies the column in rule text or
/// the line and byte position in a JSON file. Immutable.
/// </summary>
/// <param name="Code">A stable key from <see cref="ModelErrorCodes"/>; never parse the message.</param>
/// <param name="Path">The JSON path, such as <c>$.modules[2].options[0].id</c>.</param>
/// <param name="Message">What is wrong and, where it can, how to fix it.</param>
public sealed record ModelError(string Code, string Path, string Message)
{
    /// <summary>The 1-based column in the rule text at <see cref="Path"/>, for rule errors.</summary>
    public int? Column { get; init; }

    /// <summary>The 1-based line in the JSON text, for malformed JSON.</summary>
    public long? Line { get; init; }

    /// <summary>The module whose options or properties the error is about, if one (to leave out errors that follow from that module being malformed).</summary>
    internal string? ModuleId { get; init; }

    /// <summary>The 1-based byte position within <see cref="Line"/>, for malformed JSON.</summary>
    public long? BytePosition { get; init; }

    /// <summary>Formats the error on one line: path, position, code and message.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Path);
        if (Line is { } line)
        {
            text.Append(" (line ").Append(line).Append(", byte ").Append(BytePosition ?? 1).Append(')');
        }

        if (Column is { } column)
        {
            text.Append(" (column ").Append(column).Append(')');
        }

        return text.Append(": ").Append(Message).Append(" [").Append(Code).Append(']').ToString();
    }
}
