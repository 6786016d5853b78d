using System.CommandLine;
using Configurator.WebShop.Load;

var url = new Option<string>("--url") { Description = "The web shop, on loopback.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
var model = new Option<string>("--model") { Description = "The model id.", DefaultValueFactory = _ => "window-rules" };
var sessions = new Option<int>("--sessions") { Description = "Sessions kept open.", DefaultValueFactory = _ => 1000 };
var connections = new Option<int>("--connections") { Description = "Concurrent connections.", DefaultValueFactory = _ => 32 };
var steps = new Option<int>("--steps") { Description = "Random valid steps per session.", DefaultValueFactory = _ => 20 };
var warmup = new Option<int>("--warmup") { Description = "Random valid steps per session before the measured ones, not measured (both processes compile their hot code meanwhile).", DefaultValueFactory = _ => 40 };
var seed = new Option<int>("--seed") { Description = "Seed for the random steps.", DefaultValueFactory = _ => 1 };
var command = new RootCommand("Drives a running Configurator web shop and reports requests per second, p50/p99 latency and errors.")
{
    url, model, sessions, connections, steps, warmup, seed,
};
command.SetAction(async (result, cancellationToken) =>
{
    var settings = new LoadSettings(new Uri(result.GetValue(url)!), result.GetValue(model)!, result.GetValue(sessions), result.GetValue(connections), result.GetValue(steps), result.GetValue(seed), result.GetValue(warmup));
    if (!settings.Url.IsLoopback)
    {
        await Console.Error.WriteLineAsync("load: the web shop must be on loopback (127.0.0.1 or localhost).");
        return 2;
    }

    if (settings.Sessions < 1 || settings.Connections < 1 || settings.Steps < 0 || settings.Warmup < 0 || settings.Sessions > 100_000 || settings.Steps + settings.Warmup > 1000)
    {
        await Console.Error.WriteLineAsync("load: --sessions is 1 to 100000, --connections at least 1, --steps and --warmup 0 to 1000 together.");
        return 2;
    }

    try
    {
        var report = await LoadRun.RunAsync(settings, cancellationToken);
        Console.WriteLine(report);
        return report.Errors == 0 ? 0 : 1;
    }
    catch (HttpRequestException e)
    {
        await Console.Error.WriteLineAsync($"load: cannot reach {settings.Url}: {e.Message}. Start the web shop first (see the README).");
        return 2;
    }
});
return await command.Parse(args).InvokeAsync();
