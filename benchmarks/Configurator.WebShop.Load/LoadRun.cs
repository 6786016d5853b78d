using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Configurator.WebShop.Load;

/// <summary>What to run: the shop, the model, how many sessions stay open, over how many connections, how many steps each (after how many unmeasured warm-up steps each).</summary>
internal sealed record LoadSettings(Uri Url, string Model, int Sessions, int Connections, int Steps, int Seed, int Warmup = 0);

/// <summary>
/// What a run measured. Latencies are of the step requests (choices), in milliseconds;
/// <paramref name="ClientCpuPerStep"/> is what the generator itself spent per measured step (CPU
/// milliseconds), which a server on the same machine does not get.
/// </summary>
internal sealed record LoadReport(LoadSettings Settings, int Requests, int Errors, double Seconds, double P50, double P99, double Max, double ClientCpuPerStep = 0)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Settings.Model}: {Settings.Sessions} sessions, {Settings.Connections} connections, {Settings.Warmup} warm-up + {Settings.Steps} steps each: " +
        $"{Requests} step requests in {Seconds:F1} s = {Requests / Seconds:F0} req/s; p50 {P50:F2} ms, p99 {P99:F2} ms, max {Max:F1} ms; {Errors} errors; " +
        $"the generator's CPU {ClientCpuPerStep:F3} ms a step");
}

/// <summary>
/// Opens every session first (so all of them are open while the steps run), then the connections
/// take steps from one queue, each a random option that the session's last view shows as
/// available and not yet selected: a valid step, never a conflict, so any non-200 is an error.
/// The warm-up steps run the same way first and are not measured (both processes compile their hot
/// code meanwhile: a fresh generator spent a quarter of its CPU in the JIT during a 7 s run).
/// </summary>
internal static class LoadRun
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<LoadReport> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(30) };
        var views = new SessionPage?[settings.Sessions];
        await Parallel.ForAsync(0, settings.Sessions, new ParallelOptions { MaxDegreeOfParallelism = settings.Connections, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            using var response = await client.PostAsJsonAsync("/api/sessions", new { model = settings.Model }, ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Starting a session on '{settings.Model}' answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }

            views[i] = SessionPage.Read(await response.Content.ReadAsByteArrayAsync(ct));
        });

        var locks = Enumerable.Range(0, settings.Sessions).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        var warmup = await StepAsync(client, settings, views, locks, settings.Warmup, settings.Seed * 31, cancellationToken);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var measured = await StepAsync(client, settings, views, locks, settings.Steps, settings.Seed, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuPerStep = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, measured.Latencies.Count);
        var sorted = measured.Latencies.Order().ToArray();
        return new LoadReport(settings, sorted.Length, warmup.Errors + measured.Errors, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1], cpuPerStep);
    }

    /// <summary>Takes <paramref name="steps"/> random valid steps on every session, round-robin, over all connections at once.</summary>
    private static async Task<(List<double> Latencies, int Errors)> StepAsync(HttpClient client, LoadSettings settings, SessionPage?[] views, SemaphoreSlim[] locks, int steps, int seed, CancellationToken cancellationToken)
    {
        // Round-robin over the sessions, so each connection's next step is usually another session's.
        var work = new System.Collections.Concurrent.ConcurrentQueue<int>(Enumerable.Range(0, steps).SelectMany(_ => Enumerable.Range(0, settings.Sessions)));
        var latencies = new List<double>[settings.Connections];
        var errors = 0;
        // Every connection busy at once: without the options, Parallel.ForAsync runs as many as there are cores.
        await Parallel.ForAsync(0, settings.Connections, new ParallelOptions { MaxDegreeOfParallelism = settings.Connections, CancellationToken = cancellationToken }, async (worker, ct) =>
        {
            var random = new Random(seed * 7919 + worker);
            var mine = latencies[worker] = [];
            while (work.TryDequeue(out var session))
            {
                await locks[session].WaitAsync(ct);
                try
                {
                    var view = views[session]!;
                    if (view.Candidates.Count == 0)
                    {
                        continue;
                    }

                    var started = Stopwatch.GetTimestamp();
                    var (module, option) = view.Candidates[random.Next(view.Candidates.Count)];
                    using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new ChoiceBody(module, option, "select"), LoadJson.Default.ChoiceBody));
                    content.Headers.ContentType = Json;
                    using var response = await client.PostAsync(view.ChoicesPath, content, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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
        return ([.. latencies.SelectMany(l => l)], errors);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>
/// What the generator keeps of a session's view: the path of its choices and the options a next
/// step may select. Read in one forward pass over the view's JSON (no document, no node tree), so
/// the client leaves the CPU to the shop.
/// </summary>
internal sealed record SessionPage(string ChoicesPath, List<(string Module, string Option)> Candidates)
{
    public static SessionPage Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        string? id = null;
        var candidates = new List<(string, string)>();
        reader.Read(); // the view's object
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.GetString();
            }
            else if (reader.ValueTextEquals("modules"u8))
            {
                reader.Read();
                ReadModules(ref reader, candidates);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new SessionPage($"/api/sessions/{id ?? throw new InvalidDataException("The view has no id.")}/choices", candidates);
    }

    private static void ReadModules(ref Utf8JsonReader reader, List<(string, string)> candidates)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? module = null;
            var options = new List<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    module = reader.GetString();
                }
                else if (reader.ValueTextEquals("options"u8))
                {
                    reader.Read();
                    ReadOptions(ref reader, options);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Added once the module is read, wherever its id stands.
            candidates.AddRange(options.Select(option => (module!, option)));
        }
    }

    private static void ReadOptions(ref Utf8JsonReader reader, List<string> selectable)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? id = null;
            bool available = false, selected = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = reader.GetString();
                }
                else if (reader.ValueTextEquals("available"u8))
                {
                    reader.Read();
                    available = reader.GetBoolean();
                }
                else if (reader.ValueTextEquals("selected"u8))
                {
                    reader.Read();
                    selected = reader.GetBoolean();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (available && !selected)
            {
                selectable.Add(id!);
            }
        }
    }
}

/// <summary>The body of a step request.</summary>
internal sealed record ChoiceBody(string Module, string Option, string Action);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ChoiceBody))]
internal sealed partial class LoadJson : System.Text.Json.Serialization.JsonSerializerContext;
