using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Pricing;
using Configurator.Solving;

namespace Configurator.Benchmarks;

/// <summary>The exact lowest and highest price over every valid completion, with the cheapest and dearest configurations, and the exact distribution of prices.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PriceRangeBenchmark
{
    private CompiledModel _model = null!;
    private Selection _partial = null!;

    /// <summary>The model.</summary>
    [Params("window-rules", "car", "ring-60x8")]
    public string Model { get; set; } = "ring-60x8";

    /// <summary>Compiles the model and warms the pipeline's per-model cache outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _model = Models.Compile(Model);
        _partial = Models.FirstModuleFixed(_model);
        PricingPipeline.Default.Range(_model);
    }

    /// <summary>Over the whole model.</summary>
    [Benchmark(Baseline = true)]
    public PriceRange? Range() => PricingPipeline.Default.Range(_model);

    /// <summary>Within a partial selection.</summary>
    [Benchmark]
    public PriceRange? RangeWithin() => PricingPipeline.Default.Range(_model, _partial);

    /// <summary>The exact lowest and highest total weight (window-rules' frames and glass and the ring's options weigh something; the car is skipped).</summary>
    [Benchmark]
    public AttributeRange? WeightRange() => Model == "car" ? null : _model.AttributeRange("weightKg");

    /// <summary>The exact number of configurations at every price (the report's histogram), over the whole model.</summary>
    [Benchmark]
    public PriceDistribution? Distribution() => PricingPipeline.Default.Distribution(_model);
}
