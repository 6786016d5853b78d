using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Modeling;
using Configurator.Serialization;
using Configurator.Validation;

namespace Configurator.Benchmarks;

/// <summary>Loading a model: JSON parse, structure checks and full validation (rules included), and saving it again.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ModelLoadBenchmark
{
    private byte[] _json = [];
    private ProductModel _model = null!;

    /// <summary>The sample model to load.</summary>
    [Params("window.json", "window-rules.json", "car.json", "shirt.json")]
    public string Model { get; set; } = "window.json";

    /// <summary>Reads the file once, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _json = File.ReadAllBytes(SampleFiles.Path(Model));
        _model = ProductModelJson.Load(_json).GetModelOrThrow();
    }

    /// <summary>Parse and validate.</summary>
    [Benchmark(Baseline = true)]
    public ModelLoadResult Load() => ProductModelJson.Load(_json);

    /// <summary>Validate an already loaded model.</summary>
    [Benchmark]
    public ModelValidationResult Validate() => _model.Validate();

    /// <summary>Write the model as JSON.</summary>
    [Benchmark]
    public string Save() => ProductModelJson.Save(_model);
}
