using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Benchmarks;

/// <summary>
/// A shop's step: a choice, then everything <see cref="SessionStepBenchmark"/> computes plus the
/// price range, each available option's price difference and, when complete, the breakdown (what
/// the web shop and the session grains send). Alternates two options of the first module, or a
/// feature's selection and deselection.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PricedSessionStepBenchmark
{
    private ConfigurationSession _session = null!;
    private (string Module, string[] Options) _toggled;
    private int _turn;

    /// <summary>
    /// The model. window, window-rules, car and shirt have option prices (window-rules and car
    /// price rules too); busybox and automotive2_4 get a price on every option here (the circuit's
    /// passes); linux has none (no circuit: every configuration costs the base price).
    /// </summary>
    [Params("window", "window-rules", "car", "shirt", "busybox", "automotive2_4", "linux")]
    public string Model { get; set; } = "window-rules";

    /// <summary>Starts a priced session outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var model = Models.Load(Model);
        var compiled = ModelCompiler.Compile(Model is "busybox" or "automotive2_4" ? Models.WithOptionPrices(model) : model).GetModelOrThrow();
        _session = ConfigurationSession.Start(compiled, new SessionOptions { Pricing = PricingPipeline.Default });
        _toggled = Models.Toggled(_session);
    }

    /// <summary>Choose, and compute everything the customer sees next, prices included.</summary>
    [Benchmark]
    public ChoiceResult Step() => Models.Toggle(_session, _toggled, _turn++);
}
