using Configurator.Console;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Configurator.Tests.Console;

/// <summary>
/// <c>configure</c> as a person uses it: piped answers (plain text, each answer echoed once) and a
/// terminal (Spectre's test console: the table, Tab completion, colours).
/// </summary>
public class ConfigureCommandTests
{
    private static readonly string Window = RepositoryPaths.SampleModel("window-rules.json");

    [Fact]
    public void Piped_Table_ShowsNamesPriceDifferencesMarkersReasonsAndTheLivePrice()
    {
        var (exitCode, output) = Piped("frame=arched\nglass=triple\ndone\n");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("○ Triple glazed (triple) +50.00", output, StringComparison.Ordinal);
        Assert.Contains("● Grade 3 (strongest) (3) (forced)", output, StringComparison.Ordinal);
        Assert.Contains("● 90 x 120 cm (m) (default)", output, StringComparison.Ordinal);
        Assert.Contains("✗ Double glazed (double)", output, StringComparison.Ordinal);
        Assert.Contains("✗ glass=clear: Clear (Glass) is not available with Frame: Arched.", output, StringComparison.Ordinal);
        Assert.Contains("extras (0..3)", output, StringComparison.Ordinal);
        Assert.Contains("96 valid configurations · 219.40 to 474.00 EUR\n", output, StringComparison.Ordinal);
        Assert.Contains("48 valid configurations · now 302.40 EUR (from 269.40 to 474.00 EUR with other choices) · complete (done to finish)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_EveryModuleChosen_SaysOneValidConfigurationAndOnePrice()
    {
        var (_, output) = Piped("frame=rect\nglass=clear\nstrength=1\nsize=m\ncolour=white\nextras=\ndone\n");
        Assert.Contains("1 valid configuration · now ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("1 valid configurations", output, StringComparison.Ordinal);
        Assert.DoesNotContain("with other choices", output.Split("> extras=")[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_EachAnswerIsEchoedOnceAfterItsPrompt()
    {
        var (_, output) = Piped("size=l\ndone\n");
        Assert.Single(output.Split('\n'), line => line.Contains("size=l", StringComparison.Ordinal) && !line.Contains("Configuration", StringComparison.Ordinal));
        Assert.Contains("> size=l\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_Conflict_ListsTheWaysOutAndKeepsTheChoicesOnZero()
    {
        var (exitCode, output) = Piped("frame=arched\nglass=clear\n0\nglass=triple\ndone\n");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Conflict: ", output, StringComparison.Ordinal);
        Assert.Contains("Ways out:\n  1. give up frame=arched\n  0. keep my choices\nWhich (0-1)? 0", output, StringComparison.Ordinal);
        Assert.Contains("Kept your choices; nothing changed.", output, StringComparison.Ordinal);
        Assert.Contains("Configuration: frame=arched ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_Conflict_AppliesTheWayOutPicked()
    {
        var (_, output) = Piped("frame=arched\nglass=clear\n1\ndone\n");
        Assert.Contains("Applied by giving up frame=arched (undo to take it back).", output, StringComparison.Ordinal);
        Assert.Contains("Configuration: frame=rect glass=clear ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_PlusAndMinusEquals_AddAndRuleOutOneOptionOfAMultiSelectModule()
    {
        // The default is the designer handle; adding extras keeps it until it is ruled out.
        var (_, output) = Piped("extras+=screen\nextras+=blind\nextras-=handle\ndone\n");
        Assert.Contains("● Designer handle (handle) (default)   ○ Lockable handle (lock)", output, StringComparison.Ordinal);
        Assert.Contains("● Insect screen (screen)   ● Integrated blind (blind)", output, StringComparison.Ordinal);
        Assert.Contains("○ Designer handle (handle) (ruled out) +13.50", output, StringComparison.Ordinal);
        Assert.Contains("Configuration: frame=rect glass=clear strength=1 size=l colour=white extras=screen+blind", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extras+=\ndone\n", "Name the option: extras+=option.")]
    [InlineData("frame\ndone\n", "Not understood: 'frame'. Type 'help' for the commands.")]
    [InlineData("undo\ndone\n", "Nothing to undo.")]
    [InlineData("explain frame\ndone\n", "Write explain module=option.")]
    [InlineData("help\ndone\n", "module+=option")]
    public void Piped_HelpAndMistakes_AnswerInWords(string answers, string expected)
    {
        var (exitCode, output) = Piped(answers);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_TabCompletesModulesAndOptions_AndListsThemOnASecondTab()
    {
        var console = Terminal();
        console.Input.PushText("extras+=lo");
        console.Input.PushKey(ConsoleKey.Tab);
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushText("fr");
        console.Input.PushKey(ConsoleKey.Tab); // "frame" (frame=, frame+= and frame-= share it)
        console.Input.PushKey(ConsoleKey.Tab); // lists them
        console.Input.PushText("=ar");
        console.Input.PushKey(ConsoleKey.Tab);
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushTextWithEnter("glass=triple");
        console.Input.PushTextWithEnter("done");

        var exitCode = Run(console);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("frame=arched   frame=oak", console.Output, StringComparison.Ordinal);
        Assert.Contains("Configuration: frame=arched glass=triple strength=3 size=m colour=white extras=lock", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_BackspaceAndEscapeEdit_CtrlDEnds()
    {
        var console = Terminal();
        console.Input.PushText("size=x");
        console.Input.PushKey(ConsoleKey.Backspace);
        console.Input.PushTextWithEnter("l");
        console.Input.PushText("nonsense");
        console.Input.PushKey(ConsoleKey.Escape);
        console.Input.PushKey(new ConsoleKeyInfo('\u0004', ConsoleKey.D, shift: false, alt: false, control: true));

        var exitCode = Run(console);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("size=l colour=white", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Not understood", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_InColour_GreysUnavailableOptionsAndColoursSelectedOnes()
    {
        var console = Terminal().Colors(ColorSystem.Standard).EmitAnsiSequences();
        console.Input.PushTextWithEnter("frame=arched");
        console.Input.PushTextWithEnter("done");

        Run(console);

        Assert.Contains("\u001b[90m✗ clear", console.Output, StringComparison.Ordinal); // grey
        Assert.Contains("\u001b[32mGrade 3 (strongest)", console.Output, StringComparison.Ordinal); // green
    }

    [Fact]
    public void NoColor_TurnsColoursOffOnATerminal()
    {
        using var output = new StringWriter();
        var console = Screen.ForTerminal(output, noColor: true);
        console.MarkupLine("[green]selected[/] [grey]unavailable[/]");

        Assert.Equal(ColorSystem.NoColors, console.Profile.Capabilities.ColorSystem);
        Assert.DoesNotContain("\u001b[3", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[9", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_WithControlCharacters_NeverReachTheTerminalRaw()
    {
        Assert.Equal("evil\\u001b[[2J", Screen.Safe("evil\u001b[2J"));
    }

    private static (int ExitCode, string Output) Piped(string answers)
    {
        using var input = new StringReader(answers);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(["configure", Window], input, output, error);
        Assert.Equal("", error.ToString());
        return (exitCode, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static TestConsole Terminal()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        return console;
    }

    private static int Run(TestConsole console)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(["configure", Window], TextReader.Null, output, error, false, console, TestContext.Current.CancellationToken);
        Assert.Equal("", error.ToString());
        return exitCode;
    }
}
