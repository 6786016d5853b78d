namespace Configurator.Console;

/// <summary>Recognises the end of a reader of our output (a closed pipe), which ends a command quietly.</summary>
internal static class ClosedPipe
{
    /// <summary>EPIPE on Linux and macOS: .NET reports the errno as the exception's HResult.</summary>
    private const int BrokenPipe = 32;

    /// <summary>Whether <paramref name="exception"/> (or one inside it) says that nobody reads the output any more.</summary>
    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        IOException io when io.HResult == BrokenPipe || io.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase) => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => Is(exception.InnerException),
    };

    /// <summary>Flushes; false when the reader has gone (what was buffered is dropped, as nobody can read it).</summary>
    public static bool TryFlush(TextWriter writer)
    {
        try
        {
            writer.Flush();
            return true;
        }
        catch (IOException e) when (Is(e))
        {
            return false;
        }
    }
}
