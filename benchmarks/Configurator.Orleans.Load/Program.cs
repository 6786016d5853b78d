using System.CommandLine;
using System.Runtime.InteropServices;
using Configurator.Orleans.Load;

var model = new Option<string>("--model") { Description = "The model id (a file name in the model folder, without .json).", DefaultValueFactory = _ => "window-rules" };
var sessions = new Option<int>("--sessions") { Description = "Sessions kept open.", DefaultValueFactory = _ => 10_000 };
var clients = new Option<int>("--clients") { Description = "Concurrent clients (callers of the session grains).", DefaultValueFactory = _ => 64 };
var steps = new Option<int>("--steps") { Description = "Random valid steps per session, measured.", DefaultValueFactory = _ => 10 };
var warmup = new Option<int>("--warmup") { Description = "Random valid steps per session before the measured ones.", DefaultValueFactory = _ => 10 };
var silos = new Option<int>("--silos") { Description = "Silos, each a process of its own.", DefaultValueFactory = _ => 3 };
var inProcess = new Option<bool>("--in-process") { Description = "Host every silo and the clients in this one process (default: a process per silo)." };
var seed = new Option<int>("--seed") { Description = "Seed for the random steps.", DefaultValueFactory = _ => 1 };
var redis = new Option<string?>("--redis") { Description = "A Redis server on loopback (HOST:PORT); without it the run starts Debian's redis-server on a free port and stops it at the end." };
var models = new Option<string?>("--models") { Description = "The model folder (default: the repository's samples/models)." };
var stopSilo = new Option<bool>("--stop-silo") { Description = "Stop the first silo when half of the steps are done; the rest run on the others." };

var root = new RootCommand(
    "Session grains under load: silos in separate processes on one Redis (clustering and grain storage), sessions opened, " +
    "concurrent clients taking random valid steps; then the whole cluster is restarted and every session's stored choices are checked.")
{
    model, sessions, clients, steps, warmup, silos, inProcess, seed, redis, models, stopSilo,
};
root.SetAction(async (result, cancellationToken) =>
{
    var settings = new ClusterLoadSettings(result.GetValue(model)!, result.GetValue(sessions), result.GetValue(clients), result.GetValue(steps), result.GetValue(warmup),
        result.GetValue(silos), result.GetValue(inProcess), result.GetValue(seed), result.GetValue(redis), ModelFolder.Find(result.GetValue(models)), result.GetValue(stopSilo));
    if (settings.Problem() is { } problem)
    {
        await Console.Error.WriteLineAsync($"orleans-load: {problem}");
        return 2;
    }

    try
    {
        var report = await ClusterLoadRun.RunAsync(settings, Console.Out, cancellationToken);
        Console.WriteLine(report);
        return report.Errors == 0 && report.LostSessions == 0 ? 0 : 1;
    }
    catch (ClusterLoadException e)
    {
        await Console.Error.WriteLineAsync($"orleans-load: {e.Message}");
        return 2;
    }
    catch (Exception) when (cancellationToken.IsCancellationRequested)
    {
        await Console.Error.WriteLineAsync("orleans-load: cancelled; the silos and Redis it started are stopped.");
        return 130;
    }
#pragma warning disable CA1031 // A failure of the cluster (Redis gone, a silo that died) ends the run with one line, not a stack trace.
    catch (Exception e)
#pragma warning restore CA1031
    {
        await Console.Error.WriteLineAsync($"orleans-load: the run failed: {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}");
        return 1;
    }
});

// One silo of the run (started by the run itself, one process each): it serves until its standard input closes.
var siloRedis = new Option<string>("--redis") { Required = true };
var siloCluster = new Option<string>("--cluster") { Required = true };
var siloPort = new Option<int>("--silo-port") { Required = true };
var gatewayPort = new Option<int>("--gateway-port") { Required = true };
var siloModels = new Option<string>("--models") { Required = true };
var silo = new Command("silo", "Runs one silo of a load run until its standard input closes (the run starts these itself).")
{
    siloRedis, siloCluster, siloPort, gatewayPort, siloModels,
};
silo.Hidden = true;
silo.SetAction(async (result, cancellationToken) =>
{
    await SiloProcess.RunAsync(new SiloSettings(result.GetValue(siloRedis)!, result.GetValue(siloCluster)!, result.GetValue(siloPort),
        result.GetValue(gatewayPort), result.GetValue(siloModels)!), cancellationToken);
    return 0;
});
root.Subcommands.Add(silo);

// Ctrl+C or SIGTERM cancels the run, which then stops its clients, silos and Redis in order and exits with 130.
using var cancellation = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellation.Token);
