using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Configurator.Modeling;
using Configurator.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Configurator.Orleans.Load;

/// <summary>What to run: the model, how many sessions stay open, how many clients call, steps per session, silos, seed, store.</summary>
internal sealed record ClusterLoadSettings(string Model, int Sessions, int Clients, int Steps, int Warmup, int Silos, bool InProcess, int Seed, string? Redis, string ModelFolder, bool StopSilo)
{
    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem()
    {
        if (Sessions is < 1 or > 100_000 || Clients is < 1 or > 1024 || Steps is < 1 or > 1000 || Warmup is < 0 or > 1000 || Silos is < 1 or > 8)
        {
            return "--sessions is 1 to 100000, --clients 1 to 1024, --steps 1 to 1000, --warmup 0 to 1000, --silos 1 to 8.";
        }

        if (StopSilo && Silos < 2)
        {
            return "--stop-silo needs at least 2 silos.";
        }

        if (!File.Exists(Path.Combine(ModelFolder, Model + ".json")))
        {
            return $"there is no model '{Model}' in {ModelFolder} (give the folder with --models).";
        }

        return null;
    }
}

/// <summary>What a run measured. Latencies are of the steps (a choice through a session grain), in milliseconds.</summary>
internal sealed record ClusterLoadReport(
    ClusterLoadSettings Settings, double OpenSeconds, int Steps, int Errors, double Seconds, double P50, double P99, double Max,
    int CheckedSessions, int CheckedChoices, int LostSessions, double CheckSeconds, IReadOnlyList<SiloMeasure> Silos)
{
    public override string ToString() => string.Join('\n', [
        Invariant($"{Settings.Model}: {Settings.Sessions:N0} sessions over {Settings.Silos} silos ({(Settings.InProcess ? "in one process" : "separate processes")}, Redis), {Settings.Clients} clients, {Settings.Warmup} warm-up and {Settings.Steps} measured steps each{(Settings.StopSilo ? ", first silo stopped halfway" : "")}"),
        .. Settings.InProcess ? Array.Empty<string>() : [$"  silo runtime: {string.Join(", ", SiloGroup.SiloEnvironment.Select(s => $"{s.Key}={s.Value}"))}"],
        Invariant($"  open:  {Settings.Sessions:N0} sessions in {OpenSeconds:F1} s = {Settings.Sessions / OpenSeconds:F0} sessions/s"),
        Invariant($"  measured steps: {Steps:N0} in {Seconds:F1} s = {Steps / Seconds:F0} steps/s; p50 {P50:F2} ms, p99 {P99:F2} ms, max {Max:F1} ms; {Errors} errors"),
        Invariant($"  after restarting every silo: {CheckedSessions:N0} sessions read back from Redis ({CheckedChoices:N0} choices) in {CheckSeconds:F1} s; {LostSessions} with a lost or changed choice"),
        .. Settings.InProcess
            ? [.. Silos.Select((silo, i) => Invariant($"  silo {i + 1}: {silo.Latency()}")),
                .. Silos.Take(1).Select(silo => Invariant($"  the one process: {silo.Process(Silos.Sum(s => s.Steps))}"))]
            : Silos.Select((silo, i) => Invariant($"  silo {i + 1}: {silo}"))]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A run that cannot go on (no Redis, a silo that would not start); the message says what to do.</summary>
internal sealed class ClusterLoadException(string message) : Exception(message);

/// <summary>
/// Starts Redis (unless one is given) and the silos, opens every session first (so all of them are
/// open while the steps run), then the clients take steps from one queue: each a random option that
/// the session's last view shows as available and not yet selected, so a valid step that is never a
/// conflict; any exception or conflict is an error. Then every silo is stopped and a fresh set is
/// started, and each session's stored choices must equal the ones its last step returned.
/// </summary>
internal static class ClusterLoadRun
{
    public static async Task<ClusterLoadReport> RunAsync(ClusterLoadSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var redis = settings.Redis is null ? await RedisServer.StartAsync(cancellationToken) : null;
        var store = settings.Redis ?? redis!.Endpoint;
        var clusterId = $"load-{Environment.ProcessId}-{DateTime.UtcNow:HHmmss}";
        var sessions = new SessionRecord[settings.Sessions];

        progress.WriteLine($"== {settings.Silos} silos on Redis {store}");
        double openSeconds, stepSeconds;
        int errors;
        double[] latencies;
        SiloGroup group;
        await using (var cluster = await SiloGroup.StartAsync(settings.Silos, settings.InProcess, store, clusterId, settings.ModelFolder, cancellationToken))
        {
            await using var client = await ConnectAsync(store, clusterId, cancellationToken);
            var grains = client.Host.Services.GetRequiredService<IClusterClient>();

            progress.WriteLine($"== opening {settings.Sessions:N0} sessions on {settings.Model}");
            var clock = Stopwatch.StartNew();
            await Parallel.ForAsync(0, settings.Sessions, new ParallelOptions { MaxDegreeOfParallelism = settings.Clients, CancellationToken = cancellationToken }, async (i, _) =>
            {
                var id = $"{clusterId}-{i}";
                sessions[i] = SessionRecord.Of(id, await grains.GetGrain<ISessionGrain>(id).StartAsync(settings.Model, null));
            });
            openSeconds = clock.Elapsed.TotalSeconds;

            errors = 0;
            if (settings.Warmup > 0)
            {
                progress.WriteLine($"== warm-up: {settings.Clients} clients, {settings.Warmup} steps per session (not measured; the runtime compiles its hot code meanwhile)");
                errors += (await StepAsync(settings, settings.Warmup, stopSilo: false, grains, sessions, cluster, progress, cancellationToken)).Errors;
            }

            progress.WriteLine($"== measured: {settings.Clients} clients, {settings.Steps} steps per session");
            cluster.ResetMeters();
            var measured = await StepAsync(settings, settings.Steps, settings.StopSilo, grains, sessions, cluster, progress, cancellationToken);
            (stepSeconds, latencies) = (measured.Seconds, measured.Latencies);
            errors += measured.Errors;
            group = cluster;
        }

        // Each silo printed its meter as it stopped.
        var silos = group.Measures;

        progress.WriteLine("== every silo stopped; a fresh cluster reads each session back");
        await using var fresh = await SiloGroup.StartAsync(settings.Silos, settings.InProcess, store, clusterId, settings.ModelFolder, cancellationToken);
        await using var checker = await ConnectAsync(store, clusterId, cancellationToken);
        var checkGrains = checker.Host.Services.GetRequiredService<IClusterClient>();
        var lost = 0;
        var choices = 0;
        var check = Stopwatch.StartNew();
        await Parallel.ForAsync(0, settings.Sessions, new ParallelOptions { MaxDegreeOfParallelism = settings.Clients, CancellationToken = cancellationToken }, async (i, _) =>
        {
            var stored = await checkGrains.GetGrain<ISessionGrain>(sessions[i].Id).FindDocumentAsync();
            var expected = sessions[i].Choices;
            Interlocked.Add(ref choices, expected.Count);
            if (stored is null || !stored.Choices.Equals(expected) || stored.ModelId != settings.Model)
            {
                Interlocked.Increment(ref lost);
            }
        });

        Array.Sort(latencies);
        return new ClusterLoadReport(settings, openSeconds, latencies.Length, errors, stepSeconds,
            SiloMeter.Percentile(latencies, 0.50), SiloMeter.Percentile(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1],
            settings.Sessions, choices, lost, check.Elapsed.TotalSeconds, silos);
    }

    private static async Task<(double Seconds, int Errors, double[] Latencies)> StepAsync(
        ClusterLoadSettings settings, int steps, bool stopSilo, IClusterClient grains, SessionRecord[] sessions, SiloGroup cluster, TextWriter progress, CancellationToken cancellationToken)
    {
        // Round-robin over the sessions, so each client's next step is usually another session's; one step of a session at a time.
        var total = steps * settings.Sessions;
        var work = new ConcurrentQueue<int>(Enumerable.Range(0, steps).SelectMany(_ => Enumerable.Range(0, settings.Sessions)));
        var latencies = new double[total];
        var finished = new double[total];
        var taken = 0;
        var errors = 0;
        var locks = Enumerable.Range(0, settings.Sessions).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        Task? stopping = null;
        var clock = Stopwatch.StartNew();
        // Every client busy at once: without the options, Parallel.ForAsync runs as many as there are cores.
        await Parallel.ForAsync(0, settings.Clients, new ParallelOptions { MaxDegreeOfParallelism = settings.Clients, CancellationToken = cancellationToken }, async (client, ct) =>
        {
            var random = new Random(settings.Seed * 7919 + client);
            while (work.TryDequeue(out var index))
            {
                var slot = Interlocked.Increment(ref taken) - 1;
                if (stopSilo && slot == total / 2)
                {
                    progress.WriteLine("== stopping the first silo");
                    stopping = cluster.StopOneAsync(0);
                }

                await locks[index].WaitAsync(ct);
                try
                {
                    var session = sessions[index];
                    var candidates = session.Candidates;
                    if (candidates.Count == 0)
                    {
                        latencies[slot] = double.NaN;
                        continue;
                    }

                    var (module, option) = candidates[random.Next(candidates.Count)];
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var result = await grains.GetGrain<ISessionGrain>(session.Id).ChooseAsync(new CustomerChoice(ChoiceKind.Select, module, [option]));
                        latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        finished[slot] = clock.Elapsed.TotalSeconds;
                        if (result.Applied)
                        {
                            sessions[index] = SessionRecord.Of(session.Id, result.State);
                        }
                        else
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
#pragma warning disable CA1031 // Any failure of a step is counted as an error, and the run goes on.
                    catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
                    {
                        latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        finished[slot] = clock.Elapsed.TotalSeconds;
                        if (Interlocked.Increment(ref errors) <= 3)
                        {
                            progress.WriteLine($"   step error: {e.GetType().Name}: {e.Message}");
                        }
                    }
                }
                finally
                {
                    locks[index].Release();
                }
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        if (stopping is not null)
        {
            await stopping;
        }

        // The phase in windows of 10 s, to show whether it still speeds up (compilation) or slows down (a stopped silo).
        var measured = Enumerable.Range(0, total).Where(i => !double.IsNaN(latencies[i])).ToArray();
        foreach (var window in measured.GroupBy(i => (int)(finished[i] / 10)).OrderBy(g => g.Key))
        {
            var inWindow = window.Select(i => latencies[i]).Order().ToArray();
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   {window.Key * 10,4}-{window.Key * 10 + 10} s: {inWindow.Length / Math.Min(10, seconds - window.Key * 10),6:F0} steps/s, p50 {SiloMeter.Percentile(inWindow, 0.5),6:F2} ms, p99 {SiloMeter.Percentile(inWindow, 0.99),7:F2} ms"));
        }

        return (seconds, errors, measured.Select(i => latencies[i]).ToArray());
    }

    private static async Task<ClientHost> ConnectAsync(string redis, string clusterId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, SiloProcess.ServiceId));
            client.UseRedisClustering(redis);
            client.AddConfiguratorOrleans();
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new ClientHost(host);
    }

    /// <summary>A cluster client that leaves before it is disposed, so no silo's late message reaches a disposed client.</summary>
    private sealed class ClientHost(IHost host) : IAsyncDisposable
    {
        public IHost Host { get; } = host;

        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
        }
    }

    /// <summary>
    /// What the run keeps of a session's last state: the choices storage must hold and the options
    /// a next step may select (not the whole view, which would keep 10,000 views alive in the client).
    /// </summary>
    private sealed record SessionRecord(string Id, EquatableArray<CustomerChoice> Choices, List<(string Module, string Option)> Candidates)
    {
        public static SessionRecord Of(string id, SessionState state) => new(id, state.Choices,
            [.. state.Modules.SelectMany(m => m.Options.Where(o => o.IsAvailable && !o.IsSelected).Select(o => (m.ModuleId, o.OptionId)))]);
    }
}
