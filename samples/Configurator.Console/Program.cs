using System.Text;
using Configurator.Console;

// Buffered standard output: enumeration can print millions of lines.
using var output = new StreamWriter(System.Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
using var cancellation = new CancellationTokenSource();
System.Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C ends a long enumeration cleanly: the command stops, flushes and exits with 130.
    e.Cancel = true;
    cancellation.Cancel();
};

var terminal = !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected;
var exitCode = CliApp.Run(args, System.Console.In, output, System.Console.Error, terminal, cancellation.Token);
output.Flush();
return exitCode;
