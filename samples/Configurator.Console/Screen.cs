using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Configurator.Console;

/// <summary>
/// Where <c>configure</c> talks to a person: a Spectre console for what it shows, and either a line
/// editor with Tab completion (a person at a terminal) or lines read from a pipe or a file, echoed
/// once after the prompt so that a transcript reads like the session.
/// </summary>
internal sealed class Screen
{
    private readonly TextReader? _lines;
    private readonly CancellationToken _cancellationToken;

    private Screen(IAnsiConsole console, TextReader? lines, CancellationToken cancellationToken)
    {
        Console = console;
        _lines = lines;
        _cancellationToken = cancellationToken;
    }

    public IAnsiConsole Console { get; }

    /// <summary>Whether answers are typed at a terminal (prompts complete with Tab) rather than read from a pipe or a file.</summary>
    public bool IsInteractive => _lines is null;

    /// <summary>
    /// A screen on <paramref name="terminal"/> when a person types the answers there; otherwise a
    /// plain one (no colours, no cursor movement) that writes to <paramref name="output"/> and reads
    /// <paramref name="input"/>.
    /// </summary>
    public static Screen Create(IAnsiConsole? terminal, TextReader input, TextWriter output, CancellationToken cancellationToken) =>
        terminal is not null
            ? new Screen(terminal, null, cancellationToken)
            : new Screen(Plain(output), input, cancellationToken);

    /// <summary>A console for a person at a terminal; colours off when <c>NO_COLOR</c> is set (https://no-color.org).</summary>
    public static IAnsiConsole ForTerminal(TextWriter output, bool noColor) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.Detect,
        ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
    });

    /// <summary>Whether the environment asks for no colours (<c>NO_COLOR</c> set to anything but empty).</summary>
    public static bool NoColorRequested() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>A console that writes plain text: for output redirected to a file or a pipe.</summary>
    public static IAnsiConsole Plain(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return console;
    }

    /// <summary>Markup that shows <paramref name="text"/> as it is: brackets escaped, control characters made visible.</summary>
    public static string Safe(string text) => Markup.Escape(Visible(text));

    /// <summary>Control characters (a model's names are user data) written as <c>\u001b</c>, so they never act on the terminal.</summary>
    public static string Visible(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var visible = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = char.IsControl(c) ? visible.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : visible.Append(c);
        }

        return visible.ToString();
    }

    public void Show(IRenderable renderable) => Console.Write(renderable);

    /// <summary>Writes one line of markup.</summary>
    public void Say(string markup) => Console.MarkupLine(markup);

    /// <summary>Writes one line of plain text.</summary>
    public void SayText(string text) => Console.WriteLine(Visible(text));

    /// <summary>Asks for a line; null at the end of the input (Ctrl+D at a terminal). Tab completes from <paramref name="completions"/> at a terminal.</summary>
    public string? Ask(string prompt, Func<string, IEnumerable<string>> completions)
    {
        if (_lines is not null)
        {
            Console.Markup($"[bold]{Safe(prompt)}[/]");
            Console.Profile.Out.Writer.Flush(); // the page and the prompt are seen before the wait for a line
            var line = _lines.ReadLine()?.Trim();
            Console.WriteLine(line ?? "");
            return line;
        }

        return new LineEditor(Console, completions).ReadLine(prompt, _cancellationToken)?.Trim();
    }
}
