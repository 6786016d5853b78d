using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Configurator.Diagnostics;

/// <summary>
/// The library's meter, activity source and instruments (see <see cref="ConfiguratorTelemetry"/>).
/// An operation asks <see cref="Start"/> for a measurement, which is null, and costs nothing more,
/// while no listener wants any of it.
/// </summary>
internal static class Telemetry
{
    private static readonly string? Version = typeof(Telemetry).Assembly.GetName().Version?.ToString(3);

    public static readonly ActivitySource Source = new(ConfiguratorTelemetry.ActivitySourceName, Version);

    private static readonly Meter Meter = new(ConfiguratorTelemetry.MeterName, Version);

    public static readonly Histogram<double> CompileDuration = Meter.CreateHistogram<double>("configurator.compile.duration", "s", "Time to validate and compile a model.");

    public static readonly Counter<long> SessionSteps = Meter.CreateCounter<long>("configurator.session.steps", "{step}", "Session steps taken.");

    public static readonly Histogram<double> SessionStepDuration = Meter.CreateHistogram<double>("configurator.session.step.duration", "s", "Time a session step takes, the new state included.");

    public static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("configurator.session.conflicts", "{conflict}", "Choices that conflicted with earlier ones.");

    public static readonly Counter<long> Counts = Meter.CreateCounter<long>("configurator.counts", "{count}", "Counts of valid configurations.");

    public static readonly Counter<long> Enumerated = Meter.CreateCounter<long>("configurator.enumerated", "{configuration}", "Configurations written by enumerations.");

    public static readonly Histogram<double> PricingDuration = Meter.CreateHistogram<double>("configurator.pricing.duration", "s", "Time to price a configuration or a price range.");

    public static readonly Counter<long> CatalogLookups = Meter.CreateCounter<long>("configurator.catalog.lookups", "{lookup}", "Model catalog lookups.");

    /// <summary>
    /// A measurement of one operation (its activity, its <paramref name="duration"/>, one added to
    /// <paramref name="counter"/>), or null when none of them has a listener.
    /// </summary>
    public static Measurement? Start(string activityName, Histogram<double>? duration, Counter<long>? counter, string tag, string value, string? modelId)
    {
        if (duration is not { Enabled: true } && counter is not { Enabled: true } && !Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(activityName);
        activity?.SetTag(tag, value);
        activity?.SetTag("configurator.model", modelId);
        return new Measurement(activity, duration is { Enabled: true } ? duration : null, counter is { Enabled: true } ? counter : null, tag, value);
    }

    /// <summary>Adds one to <paramref name="counter"/> with a tag, when someone listens.</summary>
    public static void Add(Counter<long> counter, long amount, string tag, string value)
    {
        if (counter.Enabled)
        {
            counter.Add(amount, new KeyValuePair<string, object?>(tag, value));
        }
    }

    /// <summary>One operation's activity and duration; the outcome, set before it ends, is a second tag.</summary>
    public sealed class Measurement(Activity? activity, Histogram<double>? duration, Counter<long>? counter, string tag, string value) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private string _outcome = "failed";
        private string? _retag;

        /// <summary>Records how the operation ended (for a session step: applied, conflict, unchanged).</summary>
        public void End(string outcome) => _outcome = outcome;

        /// <summary>Replaces the first tag's value once it is known (a compiled model's engine).</summary>
        public void Retag(string newValue) => _retag = newValue;

        public void Dispose()
        {
            var tagValue = _retag ?? value;
            var tags = (new KeyValuePair<string, object?>(tag, tagValue), new KeyValuePair<string, object?>("outcome", _outcome));
            duration?.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags.Item1, tags.Item2);
            counter?.Add(1, tags.Item1, tags.Item2);
            if (activity is not null)
            {
                activity.SetTag(tag, tagValue);
                activity.SetTag("outcome", _outcome);
                if (_outcome == "failed")
                {
                    activity.SetStatus(ActivityStatusCode.Error);
                }

                activity.Dispose();
            }
        }
    }
}
