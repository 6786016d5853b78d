using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Customers;
using Configurator.Solving;

namespace Configurator.Benchmarks.Customers;

/// <summary>
/// A million orders of the car, checked against the model, scored (RFM, tiers, individuality,
/// capability), routed, analysed for demand over a quarter against the one before, and mined for
/// five presets. Target: under 5 seconds.
/// </summary>
[MemoryDiagnoser]
public class CustomerAnalyticsBenchmark
{
    private CompiledModel _car = null!;
    private List<Order> _orders = null!;

    /// <summary>How many orders.</summary>
    [Params(1_000_000)]
    public int Orders { get; set; }

    /// <summary>Generates the orders once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _car = Models.Compile("car");
        _orders = OrderGenerator.For(_car, seed: 7).Generate(Orders, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
    }

    /// <summary>Check, score, route, analyse and mine.</summary>
    [Benchmark]
    public int ScoreRouteAnalyse() => Run(_car, _orders).Routes;

    /// <summary>The whole pipeline the benchmark measures, with each stage's time for the <c>customers</c> command of the benchmark program.</summary>
    internal static (int Routes, DemandReport Demand, MinedPresets Presets, IReadOnlyList<(string Stage, TimeSpan Time)> Stages) Run(CompiledModel car, IReadOnlyList<Order> orders)
    {
        var stages = new List<(string, TimeSpan)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string stage)
        {
            stages.Add((stage, clock.Elapsed));
            clock.Restart();
        }

        var history = OrderHistory.From(car, orders);
        Lap("check orders");
        var segments = CustomerSegmentation.Segment(car, history);
        Lap("score and segment");
        var router = new DefaultStrategyRouter();
        var routes = segments.Count(s => router.Route(car, s).Route != CustomizationRoute.StandardPresets);
        Lap("route");
        var quarter = new DemandPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
        var demand = DemandAnalysis.Analyze(car, history, quarter, quarter.Before());
        Lap("demand");
        var presets = DemandAnalysis.MinePresets(car, history, 5);
        Lap("mine 5 presets");
        return (routes, demand, presets, stages);
    }
}
