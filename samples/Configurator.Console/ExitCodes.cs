namespace Configurator.Console;

/// <summary>The console's exit codes, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The configuration given is invalid.</summary>
    public const int InvalidConfiguration = 1;

    /// <summary>Bad input: a bad model, an unknown module or option, or bad arguments.</summary>
    public const int BadInput = 2;

    /// <summary>Cancelled with Ctrl+C (SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped at the time limit given with <c>--timeout</c> (as GNU timeout exits).</summary>
    public const int TimedOut = 124;

    /// <summary>Stopped by SIGTERM.</summary>
    public const int Terminated = 143;

    /// <summary>The reader of the output went away (<c>enumerate | head -2</c>): ended quietly, as a process ended by SIGPIPE (128 + 13).</summary>
    public const int ClosedPipe = 141;
}
