using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Configurator.WebShop.Load;

/// <summary>What to run: the shop, the model, how many sessions stay open, over how many connections, how many steps each.</summary>
internal sealed record LoadSettings(Uri Url, string Model, int Sessions, int Connections, int Steps, int Seed);

/// <summary>What a run measured. Latencies are of the step requests (choices), in milliseconds.</summary>
internal sealed record LoadReport(LoadSettings Settings, int Requests, int Errors, double Seconds, double P50, double P99, double Max)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Settings.Model}: {Settings.Sessions} sessions, {Settings.Connections} connections, {Settings.Steps} steps each: " +
        $"{Requests} step requests in {Seconds:F1} s = {Requests / Seconds:F0} req/s; p50 {P50:F2} ms, p99 {P99:F2} ms, max {Max:F1} ms; {Errors} errors");
}

/// <summary>
/// Opens every session first (so all of them are open while the steps run), then the connections
/// take steps from one queue, each a random option that the session's last view shows as
/// available and not yet selected: a valid step, never a conflict, so any non-200 is an error.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadReport> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(30) };
        var views = new SessionPage?[settings.Sessions];
        var errors = 0;
        await Parallel.ForAsync(0, settings.Sessions, new ParallelOptions { MaxDegreeOfParallelism = settings.Connections, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            using var response = await client.PostAsJsonAsync("/api/sessions", new { model = settings.Model }, ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Starting a session on '{settings.Model}' answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }

            views[i] = SessionPage.Read(await response.Content.ReadAsByteArrayAsync(ct));
        });

        // Round-robin over the sessions, so each connection's next step is usually another session's.
        var work = new System.Collections.Concurrent.ConcurrentQueue<int>(Enumerable.Range(0, settings.Steps).SelectMany(_ => Enumerable.Range(0, settings.Sessions)));
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var locks = Enumerable.Range(0, settings.Sessions).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        var clock = Stopwatch.StartNew();
        // Every connection busy at once: without the options, Parallel.ForAsync runs as many as there are cores.
        await Parallel.ForAsync(0, settings.Connections, new ParallelOptions { MaxDegreeOfParallelism = settings.Connections, CancellationToken = cancellationToken }, async (worker, ct) =>
        {
            var random = new Random(settings.Seed * 7919 + worker);
            while (work.TryDequeue(out var session))
            {
                await locks[session].WaitAsync(ct);
                try
                {
                    var view = views[session]!;
                    var candidates = view.Candidates;
                    if (candidates.Count == 0)
                    {
                        continue;
                    }

                    var (module, option) = candidates[random.Next(candidates.Count)];
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.PostAsJsonAsync($"/api/sessions/{view.Id}/choices", new { module, option, action = "select" }, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        views[session] = SessionPage.Read(body);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                finally
                {
                    locks[session].Release();
                }
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new LoadReport(settings, sorted.Length, errors, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>What the generator keeps of a session's view: its id and the options a next step may select (read with a document, not a node tree, so the client leaves the CPU to the shop).</summary>
internal sealed record SessionPage(string Id, List<(string Module, string Option)> Candidates)
{
    public static SessionPage Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var candidates = new List<(string, string)>();
        foreach (var module in root.GetProperty("modules").EnumerateArray())
        {
            foreach (var option in module.GetProperty("options").EnumerateArray())
            {
                if (option.GetProperty("available").GetBoolean() && !option.GetProperty("selected").GetBoolean())
                {
                    candidates.Add((module.GetProperty("id").GetString()!, option.GetProperty("id").GetString()!));
                }
            }
        }

        return new SessionPage(root.GetProperty("id").GetString()!, candidates);
    }
}
