using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Solving;
using Configurator.Strategies.Transparent;

namespace Configurator.Benchmarks;

/// <summary>The transparent strategy: the exact best shirt for a profile (measurements, preferences, past purchases), cheapest among equals, with its price.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class TransparentBenchmark
{
    private readonly TransparentStrategy _strategy = new();
    private CompiledModel _shirts = null!;
    private CustomerProfile _profile = null!;

    /// <summary>Compiles the model and warms the per-model pricing cache outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _shirts = Models.Compile("shirt");
        _profile = new CustomerProfile
        {
            Measurements = [new("neckCm", 41, 10)],
            Preferences = [new("collar", "button-down", 5), new("fit", "slim", 2)],
            PastConfigurations = [Selection.Parse("fabric=oxford", "cuff=barrel")],
        };
        _strategy.Infer(_shirts, _profile);
    }

    /// <summary>Infer.</summary>
    [Benchmark]
    public Inference? Infer() => _strategy.Infer(_shirts, _profile);
}
