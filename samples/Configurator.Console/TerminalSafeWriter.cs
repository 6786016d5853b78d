using System.Text;

namespace Configurator.Console;

/// <summary>
/// Writes text with control characters escaped (<c>\u001b</c>), so that an option name or a token
/// in an imported file can never move the cursor, recolour or retitle the user's terminal. Line
/// breaks and tabs pass through.
/// </summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (IsUnsafe(value))
        {
            inner.Write($"\\u{(int)value:x4}");
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null || value.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') < 0 && value.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') < 0)
        {
            inner.Write(value);
            return;
        }

        foreach (var c in value)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void WriteLine() => inner.WriteLine();

    public override void Flush() => inner.Flush();

    private static bool IsUnsafe(char c) => (c < ' ' && c is not '\n' and not '\t' and not '\r') || (c >= '\u007f' && c <= '\u009f');
}
