using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Configurator.Orleans.Load;

/// <summary>What the run's own processes share: free loopback ports, and starting a child in a session of its own.</summary>
internal static class ChildProcesses
{
    /// <summary>
    /// How to start a program in a session of its own where <c>setsid</c> exists, so that Ctrl+C in a
    /// terminal reaches only the run, which then stops its silos and Redis in order (a Redis gone
    /// first leaves silos that cannot leave the cluster). A silo also stops when its standard input
    /// closes, so none outlives the run.
    /// </summary>
    public static ProcessStartInfo Detached(string program, bool redirectInput)
    {
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
        var start = new ProcessStartInfo(setsid ?? program)
        {
            RedirectStandardInput = redirectInput, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (setsid is not null)
        {
            start.ArgumentList.Add(program);
        }

        return start;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Debian's redis-server on a free loopback port, with no persistence to disk, stopped on dispose.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private RedisServer(Process process, string folder, string endpoint) => (_process, _folder, Endpoint) = (process, folder, endpoint);

    /// <summary>HOST:PORT.</summary>
    public string Endpoint { get; }

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken)
    {
        var port = ChildProcesses.FreePort();
        var folder = Directory.CreateTempSubdirectory("configurator-load-redis-").FullName;
        var start = ChildProcesses.Detached("redis-server", redirectInput: false);
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ClusterLoadException("redis-server did not start.");
        }
        catch (Win32Exception)
        {
            Directory.Delete(folder, recursive: true);
            throw new ClusterLoadException("redis-server is needed (Debian: apt-get install redis-server), or name a running one with --redis HOST:PORT.");
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, folder, $"127.0.0.1:{port}");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await Accepts(port, cancellationToken))
            {
                return server;
            }

            await Task.Delay(50, cancellationToken);
        }

        await server.DisposeAsync();
        throw new ClusterLoadException($"redis-server did not accept connections on 127.0.0.1:{port} within 5 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<bool> Accepts(int port, CancellationToken cancellationToken)
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>
/// The silos of a run: each this program in a process of its own (<c>silo</c> command), or all of
/// them hosted in this process. A silo process leaves the cluster when its standard input closes,
/// so none outlives the run.
/// </summary>
internal sealed class SiloGroup : IAsyncDisposable
{
    private readonly List<Func<Task>?> _stops = [];
    private readonly List<Action> _resets = [];
    private readonly List<SiloMeasure> _measures = [];

    /// <summary>What each stopped silo measured since the last <see cref="ResetMeters"/>, in the order they stopped.</summary>
    public IReadOnlyList<SiloMeasure> Measures => _measures;

    /// <summary>Starts every silo's meter afresh.</summary>
    public void ResetMeters() => _resets.ForEach(reset => reset());

    public static async Task<SiloGroup> StartAsync(int count, bool inProcess, string redis, string clusterId, string modelFolder, CancellationToken cancellationToken)
    {
        var group = new SiloGroup();
        try
        {
            // One at a time: each joins the membership table the ones before it wrote.
            for (var i = 0; i < count; i++)
            {
                if (inProcess)
                {
                    var host = SiloProcess.Build(new SiloSettings(redis, clusterId, ChildProcesses.FreePort(), ChildProcesses.FreePort(), modelFolder));
                    await host.StartAsync(cancellationToken);
                    var meter = host.Services.GetRequiredService<SiloMeter>();
                    group._resets.Add(meter.Reset);
                    group._stops.Add(async () =>
                    {
                        group._measures.Add(SiloMeter.Parse(meter.Line())!);
                        await SiloProcess.StopAsync(host);
                        host.Dispose();
                    });
                }
                else
                {
                    var (process, measure) = await StartOneAsync(redis, clusterId, modelFolder, cancellationToken);
                    group._resets.Add(() => process.StandardInput.WriteLine("reset"));
                    group._stops.Add(async () =>
                    {
                        await StopAsync(process);
                        if (await measure is { } measured)
                        {
                            group._measures.Add(measured);
                        }
                    });
                }
            }
        }
        catch
        {
            await group.DisposeAsync();
            throw;
        }

        return group;
    }

    /// <summary>Stops one silo gracefully (it hands its grains back to storage and leaves the membership).</summary>
    public async Task StopOneAsync(int index)
    {
        if (_stops[index] is { } stop)
        {
            _stops[index] = null;
            await stop();
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _stops.Count - 1; i >= 0; i--)
        {
            await StopOneAsync(i);
        }
    }

    /// <summary>The runtime settings every silo process gets: these defaults, unless the run's own environment names them.</summary>
    public static readonly KeyValuePair<string, string>[] SiloEnvironment =
    [
        Setting("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0"),
        Setting("DOTNET_GCgen0size", "0x2000000"),
    ];

    private static KeyValuePair<string, string> Setting(string name, string fallback) => new(name, Environment.GetEnvironmentVariable(name) ?? fallback);

    /// <summary>Starts a silo process; the task that comes with it reads its output to the end and gives what its meter printed last.</summary>
    private static async Task<(Process Process, Task<SiloMeasure?> Measure)> StartOneAsync(string redis, string clusterId, string modelFolder, CancellationToken cancellationToken)
    {
        var (host, prefix) = Self();
        var start = ChildProcesses.Detached(host, redirectInput: true);
        var arguments = prefix.Concat(["silo", "--redis", redis, "--cluster", clusterId, "--models", modelFolder,
            "--silo-port", ChildProcesses.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", ChildProcesses.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A silo host's settings for a machine whose few cores it shares (see the README's load figures):
        // idle thread-pool workers block at once instead of spinning through sched_yield, and a 32 MB
        // generation 0 collects a tenth as often. Given in the environment, the caller's own win.
        foreach (var (name, value) in SiloEnvironment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new ClusterLoadException("A silo process did not start.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line == "ready")
                {
                    // The rest of its output is read to the end, so that the silo never blocks on the pipe.
                    var output = process.StandardOutput;
                    return (process, Task.Run(async () =>
                    {
                        SiloMeasure? last = null;
                        while (await output.ReadLineAsync(CancellationToken.None) is { } more)
                        {
                            last = SiloMeter.Parse(more) ?? last;
                        }

                        return last;
                    }, CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // It did not say "ready" within 60 s: stopped below, with what it said.
        }
        catch
        {
            // The run was cancelled while this silo started: it is not in the group yet, so stop it here.
            await StopAsync(process);
            throw;
        }

        await StopAsync(process);
        string said;
        lock (errors)
        {
            said = errors.ToString().Trim();
        }

        throw new ClusterLoadException($"A silo did not join the cluster within 60 s{(said.Length > 0 ? ": " + said : ".")}");
    }

    private static async Task StopAsync(Process process)
    {
        try
        {
            process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>How to start this program again: its apphost, or <c>dotnet</c> with its assembly.</summary>
    private static (string Host, string[] Prefix)Self()
    {
        var path = Environment.ProcessPath ?? throw new ClusterLoadException("The program's own path is unknown.");
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? (path, [typeof(SiloGroup).Assembly.Location])
            : (path, []);
    }
}
