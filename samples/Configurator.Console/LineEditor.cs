using System.Text;
using Spectre.Console;

namespace Configurator.Console;

/// <summary>
/// Reads one line from a person at a terminal, key by key: Tab completes the word at the end from
/// the candidates the caller gives (a second Tab lists them when they differ), Backspace and Escape
/// edit, Ctrl+D on an empty line ends the input. Ctrl+C reaches the process as SIGINT, which cancels
/// the token and ends the read.
/// </summary>
internal sealed class LineEditor(IAnsiConsole console, Func<string, IEnumerable<string>> completions)
{
    /// <summary>The most candidates listed at once after a second Tab.</summary>
    private const int MaxListed = 40;

    public string? ReadLine(string prompt, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var tabs = 0;
        console.Markup($"[bold]{Screen.Safe(prompt)}[/]");
        while (true)
        {
            // Spectre's input polls the key with the token, so a Ctrl+C (SIGINT cancels the token) ends the wait.
            ConsoleKeyInfo? key;
            try
            {
                key = console.Input.ReadKeyAsync(true, cancellationToken).GetAwaiter().GetResult();
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                console.WriteLine(); // the message that follows starts on a line of its own
                throw;
            }

            if (key is not { } pressed)
            {
                console.WriteLine();
                return line.Length == 0 ? null : line.ToString();
            }

            tabs = pressed.Key == ConsoleKey.Tab ? tabs + 1 : 0;
            switch (pressed.Key)
            {
                case ConsoleKey.Enter:
                    console.WriteLine();
                    return line.ToString();
                case ConsoleKey.Backspace when line.Length > 0:
                    line.Length--;
                    console.Write("\b \b");
                    break;
                case ConsoleKey.Escape:
                    console.Write(string.Concat(Enumerable.Repeat("\b \b", line.Length)));
                    line.Clear();
                    break;
                case ConsoleKey.D when pressed.Modifiers.HasFlag(ConsoleModifiers.Control) && line.Length == 0:
                    console.WriteLine();
                    return null;
                case ConsoleKey.Tab:
                    Complete(line, tabs, prompt);
                    break;
                default:
                    if (!char.IsControl(pressed.KeyChar))
                    {
                        line.Append(pressed.KeyChar);
                        console.Write(pressed.KeyChar.ToString(), Style.Plain);
                    }

                    break;
            }
        }
    }

    private void Complete(StringBuilder line, int tabs, string prompt)
    {
        var text = line.ToString();
        var candidates = completions(text).Where(c => c.StartsWith(text, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var common = candidates.Aggregate((a, b) => a[..CommonPrefixLength(a, b)]);
        if (common.Length > text.Length)
        {
            line.Append(common[text.Length..]);
            console.Write(common[text.Length..], Style.Plain);
            return;
        }

        if (tabs >= 2 && candidates.Count > 1)
        {
            console.WriteLine();
            console.MarkupLine($"[grey]{Screen.Safe(string.Join("   ", candidates.Take(MaxListed)))}{(candidates.Count > MaxListed ? $" … ({candidates.Count - MaxListed} more)" : "")}[/]");
            console.Markup($"[bold]{Screen.Safe(prompt)}[/]");
            console.Write(line.ToString(), Style.Plain);
        }
    }

    private static int CommonPrefixLength(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }

        return length;
    }
}
