using BenchmarkDotNet.Running;
using Configurator.Benchmarks.Peers;

// Side by side with Gecode and CP-SAT: dotnet run -c Release --project benchmarks/Configurator.Benchmarks -- peers [--quick]
// Counting beside sharpSAT (whole process, every model of counts.tsv): ... -- counting [--quick]
// Run all: dotnet run -c Release --project benchmarks/Configurator.Benchmarks -- --filter '*'
if (args is ["peers", .. var rest])
{
    return PeerComparison.Run(rest);
}

if (args is ["counting", .. var options])
{
    return CountingComparison.Run(options);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>The benchmark entry point.</summary>
internal sealed partial class Program;
