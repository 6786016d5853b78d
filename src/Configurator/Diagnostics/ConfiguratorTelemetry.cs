namespace Configurator.Diagnostics;

/// <summary>
/// The names under which the library reports metrics (<see cref="System.Diagnostics.Metrics.Meter"/>)
/// and traces (<see cref="System.Diagnostics.ActivitySource"/>), for OpenTelemetry or
/// <c>dotnet-counters</c>: <c>AddMeter(ConfiguratorTelemetry.MeterName)</c>,
/// <c>AddSource(ConfiguratorTelemetry.ActivitySourceName)</c>. Nothing is measured while nobody listens.
/// </summary>
/// <remarks>
/// Instruments (tags in brackets):
/// <list type="bullet">
/// <item><c>configurator.compile.duration</c> (s; <c>engine</c>: diagram, search, boolean or none when the model has errors).</item>
/// <item><c>configurator.session.steps</c> and <c>configurator.session.step.duration</c> (s; <c>step</c>: select, deselect, set, clear, forget, resolve, undo, redo, reset, preset; <c>outcome</c>: applied, conflict, unchanged or failed).</item>
/// <item><c>configurator.session.conflicts</c> (<c>step</c>).</item>
/// <item><c>configurator.counts</c> (<c>engine</c>) and <c>configurator.enumerated</c> (configurations written; <c>engine</c>).</item>
/// <item><c>configurator.pricing.duration</c> (s; <c>operation</c>: price or range).</item>
/// <item><c>configurator.catalog.lookups</c> (<c>result</c>: hit, reloaded or unknown).</item>
/// </list>
/// Activities: <c>configurator.compile</c>, <c>configurator.session.step</c>, <c>configurator.count</c>,
/// <c>configurator.enumerate</c>, <c>configurator.price</c> and <c>configurator.price_range</c>, with the
/// same tags and <c>configurator.model</c> (the model's id).
/// </remarks>
public static class ConfiguratorTelemetry
{
    /// <summary>The meter's name: <c>Configurator</c>.</summary>
    public const string MeterName = "Configurator";

    /// <summary>The activity source's name: <c>Configurator</c>.</summary>
    public const string ActivitySourceName = "Configurator";
}
