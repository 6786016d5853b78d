using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Modeling;
using Configurator.Solving;

namespace Configurator.Benchmarks;

/// <summary>Compiling a validated model: validation, tabulated constraints, order and decision diagram.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CompileBenchmark
{
    private ProductModel _model = null!;

    /// <summary>The model.</summary>
    [Params("window", "credit-card", "window-rules", "car", "shirt", "ring-60x8", "renault", "busybox")]
    public string Model { get; set; } = "window";

    /// <summary>Loads the model outside the measurement.</summary>
    [GlobalSetup]
    public void Setup() => _model = Models.Load(Model);

    /// <summary>Compile.</summary>
    [Benchmark]
    public CompilationResult Compile() => ModelCompiler.Compile(_model);
}
