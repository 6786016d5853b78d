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
    ClusterLoadSettings Settings, double OpenSeconds, int Steps, int Errors, int Resent, double Seconds, double P50, double P99, double Max,
    int CheckedSessions, int CheckedChoices, int LostSessions, double CheckSeconds, IReadOnlyList<SiloMeasure> Silos, SiloMeasure? Client)
{
    public override string ToString() => string.Join('\n', [
        Invariant($"{Settings.Model}: {Settings.Sessions:N0} sessions over {Settings.Silos} silos ({(Settings.InProcess ? "in one process" : "separate processes")}, Redis), {Settings.Clients} clients, {Settings.Warmup} warm-up and {Settings.Steps} measured steps each{(Settings.StopSilo ? ", first silo stopped halfway" : "")}"),
        .. Settings.InProcess ? Array.Empty<string>() : [$"  silo runtime: {string.Join(", ", SiloGroup.SiloEnvironment.Select(s => $"{s.Key}={s.Value}"))}"],
        Invariant($"  open:  {Settings.Sessions:N0} sessions in {OpenSeconds:F1} s = {Settings.Sessions / OpenSeconds:F0} sessions/s"),
        Invariant($"  measured steps: {Steps:N0} in {Seconds:F1} s = {Steps / Seconds:F0} steps/s; p50 {P50:F2} ms, p99 {P99:F2} ms, max {Max:F1} ms; {Errors} errors{(Resent > 0 ? $" ({Resent} steps refused by a stopping silo before they ran, sent again)" : "")}"),
        Invariant($"  after restarting every silo: {CheckedSessions:N0} sessions read back from Redis ({CheckedChoices:N0} choices) in {CheckSeconds:F1} s; {LostSessions} with a lost or changed choice"),
        .. Settings.InProcess
            ? [.. Silos.Select((silo, i) => Invariant($"  silo {i + 1}: {silo.Latency()}")),
                .. Silos.Take(1).Select(silo => Invariant($"  the one process: {silo.Process(Silos.Sum(s => s.Steps))}"))]
            : Silos.Select((silo, i) => Invariant($"  silo {i + 1}: {silo}")),
        .. Client is null ? Array.Empty<string>() : [Invariant($"  the clients' process: {Client.Process(Steps)}")]]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A run that cannot go on (no Redis, a silo that would not start); the message says what to do.</summary>
internal sealed class ClusterLoadException(string message) : Exception(message);

/// <summary>
/// Starts Redis (unless one is given) and the silos, opens every session first (so all of them are
/// open while the steps run), then the clients take steps from one queue: each a random option that
/// the session's last view shows as available and not yet selected, so a valid step that is never a
/// conflict; any exception or conflict is an error, except that a step a stopping silo refused
/// before running it (<see cref="OrleansMessageRejectionException"/>) is sent once more, as a
/// shop's server would: it was never run, so sending it again cannot apply it twice. Then every silo is stopped and a fresh set is
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
        int errors, resent;
        double[] latencies;
        SiloGroup group;
        OptionIndex options;
        // The clients' own process (separate silos only; in one process the silos' meter covers it):
        // its collections stop every step in flight, so the report shows them beside the silos'.
        var clientMeter = settings.InProcess ? null : new SiloMeter();
        SiloMeasure? clientMeasure = null;
        await using (var cluster = await SiloGroup.StartAsync(settings.Silos, settings.InProcess, store, clusterId, settings.ModelFolder, cancellationToken))
        {
            await using var client = await ConnectAsync(store, clusterId, cancellationToken);
            var grains = client.Host.Services.GetRequiredService<IClusterClient>();

            progress.WriteLine($"== opening {settings.Sessions:N0} sessions on {settings.Model}");
            var clock = Stopwatch.StartNew();
            var first = await grains.GetGrain<ISessionGrain>($"{clusterId}-0").StartAsync(settings.Model, null);
            options = new OptionIndex(first);
            sessions[0] = SessionRecord.Of($"{clusterId}-0", first, null, options);
            await Parallel.ForAsync(1, settings.Sessions, new ParallelOptions { MaxDegreeOfParallelism = settings.Clients, CancellationToken = cancellationToken }, async (i, _) =>
            {
                var id = $"{clusterId}-{i}";
                sessions[i] = SessionRecord.Of(id, await grains.GetGrain<ISessionGrain>(id).StartAsync(settings.Model, null), null, options);
            });
            openSeconds = clock.Elapsed.TotalSeconds;

            (errors, resent) = (0, 0);
            if (settings.Warmup > 0)
            {
                progress.WriteLine($"== warm-up: {settings.Clients} clients, {settings.Warmup} steps per session (not measured; the runtime compiles its hot code meanwhile)");
                var warmup = await StepAsync(settings, settings.Warmup, stopSilo: false, grains, sessions, options, cluster, progress, cancellationToken);
                (errors, resent) = (errors + warmup.Errors, resent + warmup.Resent);
            }

            progress.WriteLine($"== measured: {settings.Clients} clients, {settings.Steps} steps per session");
            cluster.ResetMeters();
            clientMeter?.Reset();
            var measured = await StepAsync(settings, settings.Steps, settings.StopSilo, grains, sessions, options, cluster, progress, cancellationToken);
            (stepSeconds, latencies) = (measured.Seconds, measured.Latencies);
            (errors, resent) = (errors + measured.Errors, resent + measured.Resent);
            clientMeasure = clientMeter is null ? null : SiloMeter.Parse(clientMeter.Line());
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
        return new ClusterLoadReport(settings, openSeconds, latencies.Length, errors, resent, stepSeconds,
            SiloMeter.Percentile(latencies, 0.50), SiloMeter.Percentile(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1],
            settings.Sessions, choices, lost, check.Elapsed.TotalSeconds, silos, clientMeasure);
    }

    private static async Task<(double Seconds, int Errors, int Resent, double[] Latencies)> StepAsync(
        ClusterLoadSettings settings, int steps, bool stopSilo, IClusterClient grains, SessionRecord[] sessions, OptionIndex options, SiloGroup cluster, TextWriter progress, CancellationToken cancellationToken)
    {
        // Round-robin over the sessions, so each client's next step is usually another session's; one step of a session at a time.
        var total = steps * settings.Sessions;
        var work = new ConcurrentQueue<int>(Enumerable.Range(0, steps).SelectMany(_ => Enumerable.Range(0, settings.Sessions)));
        var latencies = new double[total];
        var finished = new double[total];
        var taken = 0;
        var errors = 0;
        var resent = 0;
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
                    if (candidates.Length == 0)
                    {
                        latencies[slot] = double.NaN;
                        continue;
                    }

                    var (module, option) = options[candidates[random.Next(candidates.Length)]];
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var grain = grains.GetGrain<ISessionGrain>(session.Id);
                        var choice = new CustomerChoice(ChoiceKind.Select, module, [option]);
                        ChoiceResult result;
                        try
                        {
                            result = await grain.ChooseAsync(choice);
                        }
                        catch (OrleansMessageRejectionException)
                        {
                            Interlocked.Increment(ref resent);
                            result = await grain.ChooseAsync(choice);
                        }

                        latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        finished[slot] = clock.Elapsed.TotalSeconds;
                        if (result.Applied)
                        {
                            sessions[index] = SessionRecord.Of(session.Id, result.State, session, options);
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

        return (seconds, errors, resent, measured.Select(i => latencies[i]).ToArray());
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
    /// a next step may select, by number (not the whole view, which would keep 10,000 views alive
    /// in the client). Each step's record lives until that session's next step, seconds later, so
    /// every one survives the client's collections: it keeps the choices it shares with the
    /// previous record and numbers instead of the view's fresh strings. With tuples of strings the
    /// clients' process paused 1.9–2.1 s of a 17–20 s phase (every step in flight waiting
    /// meanwhile); with these, 1.2–1.7 s, most of it the views being read.
    /// </summary>
    private sealed record SessionRecord(string Id, EquatableArray<CustomerChoice> Choices, int[] Candidates)
    {
        public static SessionRecord Of(string id, SessionState state, SessionRecord? previous, OptionIndex options)
        {
            var candidates = new List<int>();
            foreach (var module in state.Modules)
            {
                foreach (var option in module.Options)
                {
                    if (option.IsAvailable && !option.IsSelected)
                    {
                        candidates.Add(options.Number(module.ModuleId, option.OptionId));
                    }
                }
            }

            return new(id, previous is null ? state.Choices : Shared(previous.Choices, state.Choices), [.. candidates]);
        }

        // The new choices, each the previous record's object where it is equal.
        private static EquatableArray<CustomerChoice> Shared(EquatableArray<CustomerChoice> previous, EquatableArray<CustomerChoice> next)
        {
            var items = new CustomerChoice[next.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = i < previous.Count && previous[i].Equals(next[i]) ? previous[i] : next[i];
            }

            return new([.. items]);
        }
    }

    /// <summary>Every option of the model, numbered from a first view (which lists them all); read-only after construction, so the clients share it.</summary>
    private sealed class OptionIndex
    {
        private readonly Dictionary<string, Dictionary<string, int>> _numbers = [];
        private readonly List<(string Module, string Option)> _options = [];

        public OptionIndex(SessionState view)
        {
            foreach (var module in view.Modules)
            {
                var numbers = _numbers[module.ModuleId] = [];
                foreach (var option in module.Options)
                {
                    numbers[option.OptionId] = _options.Count;
                    _options.Add((module.ModuleId, option.OptionId));
                }
            }
        }

        public (string Module, string Option) this[int number] => _options[number];

        public int Number(string module, string option) =>
            _numbers.TryGetValue(module, out var numbers) && numbers.TryGetValue(option, out var number)
                ? number
                : throw new InvalidOperationException($"The view shows {module}={option}, which the session's first view did not list.");
    }
}
