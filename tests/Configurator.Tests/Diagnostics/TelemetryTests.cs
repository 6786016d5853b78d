using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Configurator.DependencyInjection;
using Configurator.Diagnostics;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;
using Microsoft.Extensions.DependencyInjection;

namespace Configurator.Tests.Diagnostics;

/// <summary>What an operator's OpenTelemetry sees: the documented instruments and activities, with their tags.</summary>
[Collection(TimingTests.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly ConcurrentBag<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = [];
    private readonly ConcurrentBag<Activity> _activities = [];
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _traces;

    // A model id of its own, so that activities of tests running beside this one are told apart.
    private readonly string _modelId = "telemetry-" + Guid.NewGuid().ToString("N")[..8];

    public TelemetryTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConfiguratorTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
        _traces = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ConfiguratorTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Add,
        };
        ActivitySource.AddActivityListener(_traces);
    }

    public void Dispose()
    {
        _meters.Dispose();
        _traces.Dispose();
    }

    [Fact]
    public void Operations_ReportTheDocumentedInstrumentsAndActivities()
    {
        var compiled = ModelCompiler.Compile(Window()).GetModelOrThrow();
        Assert.Equal(3, (int)compiled.Count());
        Assert.Equal(3UL, compiled.Enumerate(_ => { }));
        var session = ConfigurationSession.Start(compiled);
        Assert.True(session.Select("frame", "arched").Applied);
        var conflict = session.Select("glass", "clear");
        Assert.True(conflict.IsConflict);
        session.Resolve(conflict, 0);
        Assert.True(session.Undo());
        Assert.False(session.Redo() && session.Redo());
        PricingPipeline.Default.Price(compiled, Selection.Parse("frame=rect", "glass=clear"));
        Assert.NotNull(PricingPipeline.Default.Range(compiled));

        Assert.Contains(_measurements, m => m.Instrument == "configurator.compile.duration" && m.Tags.GetValueOrDefault("engine") == "diagram" && m.Tags.GetValueOrDefault("outcome") == "compiled" && m.Value > 0);
        Assert.Contains(_measurements, m => m.Instrument == "configurator.counts" && m.Tags.GetValueOrDefault("engine") == "diagram");
        Assert.Contains(_measurements, m => m.Instrument == "configurator.enumerated" && m.Value == 3);
        Assert.Contains(_measurements, m => m.Instrument == "configurator.session.steps" && m.Tags.GetValueOrDefault("step") == "select" && m.Tags.GetValueOrDefault("outcome") == "applied");
        Assert.Contains(_measurements, m => m.Instrument == "configurator.session.steps" && m.Tags.GetValueOrDefault("step") == "select" && m.Tags.GetValueOrDefault("outcome") == "conflict");
        Assert.Contains(_measurements, m => m.Instrument == "configurator.session.steps" && m.Tags.GetValueOrDefault("step") == "redo" && m.Tags.GetValueOrDefault("outcome") == "unchanged");
        Assert.Contains(_measurements, m => m.Instrument == "configurator.session.step.duration" && m.Tags.GetValueOrDefault("step") == "resolve" && m.Value > 0);
        Assert.Contains(_measurements, m => m.Instrument == "configurator.session.conflicts" && m.Tags.GetValueOrDefault("step") == "select");
        Assert.Contains(_measurements, m => m.Instrument == "configurator.pricing.duration" && m.Tags.GetValueOrDefault("operation") == "price");
        Assert.Contains(_measurements, m => m.Instrument == "configurator.pricing.duration" && m.Tags.GetValueOrDefault("operation") == "range");

        var mine = _activities.Where(a => (a.GetTagItem("configurator.model") as string) == _modelId).ToList();
        foreach (var name in new[] { "configurator.compile", "configurator.count", "configurator.enumerate", "configurator.session.step", "configurator.price", "configurator.price_range" })
        {
            Assert.Contains(mine, a => a.OperationName == name);
        }

        Assert.Contains(mine, a => a.OperationName == "configurator.session.step" && (a.GetTagItem("step") as string) == "undo" && (a.GetTagItem("outcome") as string) == "applied");
    }

    [Fact]
    public void FailedStep_IsAnErrorActivityAndAFailedStep()
    {
        var session = ConfigurationSession.Start(ModelCompiler.Compile(Window()).GetModelOrThrow());
        Assert.Throws<InvalidSelectionException>(() => session.Select("frame", "no-such-option"));

        Assert.Contains(_measurements, m => m.Instrument == "configurator.session.steps" && m.Tags.GetValueOrDefault("outcome") == "failed");
        Assert.Contains(_activities, a => (a.GetTagItem("configurator.model") as string) == _modelId && a.Status == ActivityStatusCode.Error);
    }

    [Fact]
    public void CatalogLookups_AreCountedAsHitsOrUnknown()
    {
        using var provider = new ServiceCollection()
            .AddConfigurator(c => c.AddModelFile(RepositoryPaths.SampleModel("window.json")))
            .BuildServiceProvider();
        var catalog = provider.GetRequiredService<IModelCatalog>();
        catalog.Get("window");
        Assert.False(catalog.TryGet("no-such-model", out _));
        Assert.Throws<ConfiguratorException>(() => catalog.Get("no-such-model"));

        Assert.Contains(_measurements, m => m.Instrument == "configurator.catalog.lookups" && m.Tags.GetValueOrDefault("result") == "hit");
        Assert.Contains(_measurements, m => m.Instrument == "configurator.catalog.lookups" && m.Tags.GetValueOrDefault("result") == "unknown");
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Add((instrument.Name, value, copy));
    }

    private ProductModel Window() => new ProductModelBuilder(_modelId)
        .AddModule("frame", m => m.AddOption("rect").AddOption("arched", price: 40))
        .AddModule("glass", m => m.AddOption("clear").AddOption("triple", price: 60))
        .AddRule("arched-triple", "frame == 'arched' -> glass == 'triple'")
        .Build();
}
