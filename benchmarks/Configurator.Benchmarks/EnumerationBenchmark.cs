using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Solving;

namespace Configurator.Benchmarks;

/// <summary>
/// Enumerating configurations into a handler that reads one value per configuration (so the work
/// cannot be skipped): every one of the window's 1,800 and the credit card's 200, and the first
/// 10 million of the 60 x 8 ring (about 10^47 in all), of an unconstrained 12 x 10 model and of
/// Renault Mégane (read from ../shared; the benchmark stops with a message when it is absent).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EnumerationBenchmark
{
    private CompiledModel _model = null!;
    private EnumerateOptions _options = null!;
    private long _sink;

    /// <summary>The model.</summary>
    [Params("window", "credit-card", "ring-60x8", "free-12x10", "renault")]
    public string Model { get; set; } = "window";

    /// <summary>Compiles the model outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _model = Models.Compile(Model);
        _options = new EnumerateOptions { Limit = 10_000_000 };
    }

    /// <summary>Enumerate (all, or the first 10 million).</summary>
    [Benchmark]
    public ulong Enumerate() => _model.Enumerate(view => _sink += view.GetValueIndex(0), options: _options);
}
