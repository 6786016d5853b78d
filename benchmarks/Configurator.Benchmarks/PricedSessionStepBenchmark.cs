using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Pricing;
using Configurator.Sessions;

namespace Configurator.Benchmarks;

/// <summary>
/// A shop's step: a choice, then everything <see cref="SessionStepBenchmark"/> computes plus the
/// price range, each available option's price difference and, when complete, the breakdown (what
/// the web shop and the session grains send). Alternates two options of the first module.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PricedSessionStepBenchmark
{
    private ConfigurationSession _session = null!;
    private string _module = "";
    private string[] _options = [];
    private int _turn;

    /// <summary>The model (each has option prices; window-rules and car have price rules).</summary>
    [Params("window", "window-rules", "car", "shirt")]
    public string Model { get; set; } = "window-rules";

    /// <summary>Starts a priced session outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var compiled = Models.Compile(Model);
        _session = ConfigurationSession.Start(compiled, new SessionOptions { Pricing = PricingPipeline.Default });
        var module = compiled.Model.Modules[0];
        _module = module.Id;
        _options = [module.Options[0].Id, module.Options[1].Id];
    }

    /// <summary>Choose, and compute everything the customer sees next, prices included.</summary>
    [Benchmark]
    public ChoiceResult Step() => _session.Select(_module, _options[_turn++ & 1]);
}
