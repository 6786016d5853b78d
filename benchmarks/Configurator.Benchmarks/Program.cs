using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/Configurator.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The benchmark entry point.</summary>
internal sealed partial class Program;
