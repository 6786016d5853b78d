using System.CommandLine;

namespace Configurator.Console;

/// <summary>
/// The <c>configurator</c> command line. Writes to the given writers so that tests run it in
/// process; never lets an exception's stack trace reach the user.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="cancellationToken">Cancels a long command (Ctrl+C); it then exits with 130.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        Run(args, TextReader.Null, output, error, false, cancellationToken);

    /// <summary>Runs the command line with an input for interactive commands.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="input">Where <c>configure</c> reads answers (the terminal, a pipe, or a test's text).</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="isTerminal">Whether a person watches a terminal (neither output redirected): long enumerations then show a progress bar.</param>
    /// <param name="cancellationToken">Cancels a long command (Ctrl+C); it then exits with 130.</param>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, bool isTerminal = false, CancellationToken cancellationToken = default) =>
        Run(args, input, output, error, isTerminal, null, cancellationToken);

    /// <summary>Runs the command line; <paramref name="terminal"/> is where a person types <c>configure</c>'s answers, if anyone does.</summary>
    internal static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, bool isTerminal, Spectre.Console.IAnsiConsole? terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // Model files and imported files are user data: their text never reaches the terminal raw.
        output = new TerminalSafeWriter(output);
        error = new TerminalSafeWriter(error);

        // --timeout cancels the same token Ctrl+C does, so every command that stops for one stops for the other.
        var outer = cancellationToken;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellationToken = limit.Token;
        var timeout = new Option<double?>("--timeout")
        {
            Description = "Stop a long computation after this many seconds (exit 124); none by default.",
            Recursive = true,
        };

        // A plain command named as the tool is installed, so that help says "configurator" rather
        // than the assembly's name (RootCommand takes the name of the running executable).
        var root = new Command("configurator", "Lint product models and explore their configuration spaces.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            LintCommand.Create(output, error),
            CountCommand.Create(output, error, cancellationToken),
            EnumerateCommand.Create(output, error, isTerminal, cancellationToken),
            ValidateCommand.Create(output, error),
            DomainsCommand.Create(output, error, cancellationToken),
            PriceCommand.Create(output, error, cancellationToken),
            StatsCommand.Create(output, error, cancellationToken),
            ReportCommand.Create(output, error, cancellationToken),
            BomCommand.Create(output, error, cancellationToken),
            ConfigureCommand.Create(input, output, error, terminal, cancellationToken),
            ImportCommand.Create(output, error, cancellationToken),
            ExportCommand.Create(output, error, cancellationToken),
            SampleCommand.Create(output, error, cancellationToken),
            CustomersCommand.Create(output, error, cancellationToken),
            DemandCommand.Create(output, error, cancellationToken),
        };
        root.Options.Add(timeout);

        var parsed = root.Parse(args);
        if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
        {
            // Not "Required command was not provided" first: the user gave one, just not one we have.
            error.WriteLine($"configurator: there is no command '{args[0]}'; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}.");
            error.WriteLine("Run 'configurator --help' for usage.");
            return ExitCodes.BadInput;
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"configurator: {problem.Message}");
            }

            error.WriteLine("Run 'configurator --help' for usage.");
            return ExitCodes.BadInput;
        }

        if (parsed.GetValue(timeout) is { } seconds)
        {
            if (seconds is not (> 0 and <= 1e6))
            {
                error.WriteLine($"configurator: --timeout takes a number of seconds above 0 (and at most 1,000,000), not '{seconds}'.");
                return ExitCodes.BadInput;
            }

            limit.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (ClosedPipe.Is(e))
        {
            // `enumerate | head -2`: the reader has what it wanted; stop at once and say nothing.
            return ExitCodes.ClosedPipe;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !outer.IsCancellationRequested)
        {
            Flush(output);
            error.WriteLine($"configurator: stopped at the time limit of {parsed.GetValue(timeout)} s (--timeout); give a larger one, or none to wait as long as it takes.");
            return ExitCodes.TimedOut;
        }
        catch (OperationCanceledException)
        {
            Flush(output); // what was written before comes before the message
            error.WriteLine("configurator: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (ConfiguratorException e)
        {
            error.WriteLine($"configurator: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"configurator: {e.Message}");
            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The last line of defence: a person sees one line, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"configurator: unexpected error ({e.GetType().Name}): {e.Message}. Please report it with the model that caused it.");
            return ExitCodes.BadInput;
        }
    }

    private static void Flush(TextWriter output) => ClosedPipe.TryFlush(output);
}
