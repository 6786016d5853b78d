using System.Runtime.InteropServices;
using System.Text;
using Configurator.Console;

// Buffered standard output: enumeration can print millions of lines. On Unix a pipe or terminal
// gets a FileStream over descriptor 1 rather than the console stream, which drops writes to a
// closed pipe in silence (so `enumerate | head -2` ran until killed); this one fails, and the
// command ends at once. A file keeps the console stream: a FileStream writes a file at its own
// position, from 0, over what `(a; b) > file` wrote before it.
static Stream OpenStandardOutput()
{
    if (OperatingSystem.IsWindows())
    {
        return System.Console.OpenStandardOutput();
    }

    var descriptor = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
    if (!descriptor.CanSeek)
    {
        return descriptor;
    }

    descriptor.Dispose();
    return System.Console.OpenStandardOutput();
}

var standardOutput = OpenStandardOutput();
// Synchronized, so that the grace period below can flush it while the command still writes, and
// then hold it: a row written after the message would read as if the command had gone on.
var output = TextWriter.Synchronized(new StreamWriter(standardOutput, new UTF8Encoding(false), 1 << 16) { AutoFlush = false });
using var cancellation = new CancellationTokenSource();
using var finished = new ManualResetEventSlim();
var signalExitCode = 0;

// Ctrl+C (SIGINT) and SIGTERM cancel the command, which stops, flushes and exits with 130 or 143.
// A command busy in a computation that does not watch the token, or waiting for a line from a
// terminal, is ended here after a grace period, so a signal always ends the process within a second.
void Stop(PosixSignalContext context, int exitCode)
{
    context.Cancel = true;
    if (Interlocked.CompareExchange(ref signalExitCode, exitCode, 0) != 0)
    {
        return;
    }

    cancellation.Cancel();
    _ = Task.Run(() =>
    {
        if (finished.Wait(TimeSpan.FromMilliseconds(500)))
        {
            return;
        }

        // The writer's own lock, held to the end: the command's next write waits until the process
        // is gone. A command stuck in a write (a reader that reads nothing) holds it; then no flush.
        if (Monitor.TryEnter(output, TimeSpan.FromMilliseconds(400)))
        {
            try
            {
                output.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The reader is gone; nothing more to save.
            }
        }

        System.Console.Error.WriteLine(exitCode == ExitCodes.Cancelled ? "configurator: cancelled." : "configurator: stopped (SIGTERM).");
        Environment.Exit(exitCode);
    });
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, ExitCodes.Cancelled));
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, ExitCodes.Terminated));

var terminal = !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected;
var input = StandardInput.WasClosedAtStart() ? TextReader.Null : System.Console.In;
// A person typing at a terminal gets configure's table in colour and a prompt that completes with Tab.
var typing = terminal && !System.Console.IsInputRedirected ? Screen.ForTerminal(System.Console.Out, Screen.NoColorRequested()) : null;
var exitCode = CliApp.Run(args, input, output, System.Console.Error, terminal, typing, cancellation.Token);
if (!ClosedPipe.TryFlush(output))
{
    exitCode = ExitCodes.ClosedPipe;
}

finished.Set();
return exitCode == ExitCodes.Cancelled && signalExitCode == ExitCodes.Terminated ? ExitCodes.Terminated : exitCode;
