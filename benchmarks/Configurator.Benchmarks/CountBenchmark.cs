using System.Numerics;
using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Solving;

namespace Configurator.Benchmarks;

/// <summary>Exact counting without enumeration, with and without a partial selection.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CountBenchmark
{
    private CompiledModel _model = null!;
    private Selection _partial = null!;

    /// <summary>The model.</summary>
    [Params("window-rules", "car", "ring-60x8", "renault", "busybox")]
    public string Model { get; set; } = "ring-60x8";

    /// <summary>Compiles the model outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _model = Models.Compile(Model);
        _partial = Models.FirstModuleFixed(_model);
    }

    /// <summary>Count everything (precomputed per node at compile time).</summary>
    [Benchmark(Baseline = true)]
    public BigInteger Count() => _model.Count();

    /// <summary>Count under a partial selection (a fresh pass over the diagram).</summary>
    [Benchmark]
    public BigInteger CountWithin() => _model.Count(_partial);
}
