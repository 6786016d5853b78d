using System.Diagnostics;
using Configurator.Tests;

namespace Configurator.WebShop.Tests.Cluster;

/// <summary>
/// The web shop as an Orleans cluster on a real Redis, in separate processes: the demo script
/// starts Redis and two shops, continues one session through both, kills the first shop and
/// continues through the second; no choice may be lost and every process must be gone after.
/// </summary>
public sealed class ClusterDemoTests
{
    [Fact]
    public async Task TwoShopProcesses_OneSession_SurvivesTheFirstProcess()
    {
        if (!File.Exists("/usr/bin/redis-server"))
        {
            Assert.Skip("redis-server is not installed (Debian: apt-get install redis-server); .ci/run installs it.");
        }

        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "samples", "Configurator.WebShop", "cluster-demo.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
            Environment = { ["CONFIGURATOR_NO_BUILD"] = "1", ["CONFIGURATOR_REDIS_PORT"] = "6391" },
        };
        using var demo = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = demo.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = demo.StandardError.ReadToEndAsync(timeout.Token);
        await demo.WaitForExitAsync(timeout.Token);
        var lines = (await output).Split('\n');

        Assert.True(demo.ExitCode == 0, await output + await error);
        Assert.Contains(lines, l => l.StartsWith("5082 frame=oak:", StringComparison.Ordinal) && l.EndsWith("[\"frame=oak\"]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5081 glass=double:", StringComparison.Ordinal) && l.EndsWith("[\"frame=oak\",\"glass=double\"]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5082 after the kill:", StringComparison.Ordinal) && l.EndsWith("[\"frame=oak\",\"glass=double\"]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5082 size=l:", StringComparison.Ordinal) && l.EndsWith("[\"frame=oak\",\"glass=double\",\"size=l\"]", StringComparison.Ordinal));

        // Every process the script started is gone: nothing answers on its ports.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var port in new[] { 5081, 5082 })
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/models"), TestContext.Current.CancellationToken));
        }
    }
}
