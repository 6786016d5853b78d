using Configurator.Diagnostics;

namespace Configurator.Tests.Diagnostics;

/// <summary>While nobody listens, telemetry costs nothing: no measurement object, no allocation.</summary>
[Collection(TimingTests.Name)]
public class SilentTelemetryTests
{
    [Fact]
    public void NobodyListening_AStepStartsNoMeasurementAndAllocatesNothingForIt()
    {
        // Runs with the other timing tests, one at a time, so no test's listener is attached now.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            using var measurement = Telemetry.Start("configurator.session.step", Telemetry.SessionStepDuration, Telemetry.SessionSteps, "step", "select", "model");
            Assert.Null(measurement);
            Telemetry.Add(Telemetry.Conflicts, 1, "step", "select");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
