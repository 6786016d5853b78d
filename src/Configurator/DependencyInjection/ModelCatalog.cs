using System.Collections.Immutable;
using Configurator.Serialization;
using Configurator.Solving;
using Configurator.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Configurator.DependencyInjection;

/// <summary>
/// Loads every configured model once, keyed by model id, and on each request checks whether its
/// file changed (one file-system stat) and recompiles it then. A model that stops compiling keeps
/// serving its last good version, and the errors are logged.
/// </summary>
internal sealed partial class ModelCatalog : IModelCatalog
{
    private readonly ConfiguratorOptions _options;
    private readonly ILogger<ModelCatalog> _logger;
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, Entry> _entries = ImmutableDictionary<string, Entry>.Empty;
    private ImmutableDictionary<string, int> _failures = ImmutableDictionary<string, int>.Empty;

    // The logger is optional: a host without logging gets a silent catalog rather than a resolution error.
    public ModelCatalog(IOptions<ConfiguratorOptions> options, ILogger<ModelCatalog>? logger = null)
    {
        _options = options.Value;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<ModelCatalog>.Instance;
        foreach (var file in _options.ModelFiles.Concat(_options.ModelFolders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))))
        {
            LoadFile(file);
        }

        foreach (var (assembly, name) in _options.EmbeddedModels)
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Assembly {assembly.GetName().Name} has no embedded resource '{name}'.");
            using var reader = new StreamReader(stream);
            Add(null, default, ProductModelJson.Load(reader.ReadToEnd()), name);
        }
    }

    public IReadOnlyCollection<string> ModelIds => [.. _entries.Keys.Order(StringComparer.Ordinal)];

    public CompiledModel Get(string modelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        if (!_entries.TryGetValue(modelId, out var entry))
        {
            Diagnostics.Telemetry.Add(Diagnostics.Telemetry.CatalogLookups, 1, "result", "unknown");
            var failed = _failures.IsEmpty ? "" : $" Sources that did not load: {string.Join(", ", _failures.Select(f => $"{f.Key} ({f.Value} errors)"))}.";
            throw new ConfiguratorException(ConfiguratorErrorCodes.UnknownModel, $"The catalog has no model '{modelId}'. Models: {string.Join(", ", ModelIds)}.{failed}");
        }

        var result = "hit";
        if (entry.Path is { } path && File.Exists(path) && File.GetLastWriteTimeUtc(path) != entry.Written)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                if (_entries[modelId].Written != File.GetLastWriteTimeUtc(path))
                {
                    LogReloading(path);
                    LoadFile(path);
                    result = "reloaded";
                }
            }
        }

        Diagnostics.Telemetry.Add(Diagnostics.Telemetry.CatalogLookups, 1, "result", result);
        return _entries[modelId].Model ?? throw new ModelValidationException(_entries[modelId].Errors);
    }

    public bool TryGet(string modelId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CompiledModel? model)
    {
        model = null;
        if (string.IsNullOrEmpty(modelId) || !_entries.ContainsKey(modelId))
        {
            return false;
        }

        try
        {
            model = Get(modelId);
            return true;
        }
        catch (ModelValidationException)
        {
            return false;
        }
    }

    private void LoadFile(string path) => Add(path, File.GetLastWriteTimeUtc(path), ProductModelJson.LoadFile(path), path);

    private void Add(string? path, DateTime written, ModelLoadResult loaded, string source)
    {
        var compiled = loaded.Model is { } model ? ModelCompiler.Compile(model, _options.Compiler) : null;
        var errors = compiled?.Errors ?? loaded.Errors;
        var id = loaded.Model?.Id ?? _entries.Values.FirstOrDefault(e => e.Path == path)?.Id;
        if (compiled?.Model is { } result)
        {
            LogCompiled(result.Model.Id, source, result.Engine);
            _failures = _failures.Remove(source);
            _entries = _entries.SetItem(result.Model.Id, new Entry(result.Model.Id, path, written, result, []));
            if (_options.WarmUp)
            {
                var warmUp = Task.Run(() => WarmUp(result));
                lock (_gate)
                {
                    WarmUps = Task.WhenAll(WarmUps, warmUp);
                }
            }

            return;
        }

        LogInvalid(source, errors.Length, string.Join("; ", errors.Take(5)));
        _failures = _failures.SetItem(source, errors.Length);
        if (id is not null && _entries.TryGetValue(id, out var previous))
        {
            // Keep serving the last good version; remember the time so the broken file is not reloaded on every request.
            _entries = _entries.SetItem(id, previous with { Written = written });
        }
        else if (id is not null)
        {
            _entries = _entries.SetItem(id, new Entry(id, path, written, null, errors));
        }
    }

    /// <summary>The warm-ups started so far (<see cref="ConfiguratorOptions.WarmUp"/>); each ends when its model is warm or its warm-up failed.</summary>
    internal Task WarmUps { get; private set; } = Task.CompletedTask;

    /// <summary>A first session's view, so that the model's lazily built parts are there for the real first customer.</summary>
    private void WarmUp(CompiledModel model)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            _ = Sessions.ConfigurationSession.Start(model).View();
            var milliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogWarmedUp(model.Model.Id, milliseconds);
        }
        catch (ConfiguratorException e)
        {
            // A limit of the engine (a model too large for one of its programs): the first session meets it as usual.
            LogWarmUpStopped(model.Model.Id, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up model {ModelId} in {Milliseconds:F0} ms")]
    private partial void LogWarmedUp(string modelId, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up model {ModelId} stopped: {Message}")]
    private partial void LogWarmUpStopped(string modelId, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compiled model {ModelId} from {Source} ({Engine} engine)")]
    private partial void LogCompiled(string modelId, string source, SolverEngineKind engine);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model file {Path} changed; reloading")]
    private partial void LogReloading(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Source} has {Count} error(s): {Errors}")]
    private partial void LogInvalid(string source, int count, string errors);

    private sealed record Entry(string Id, string? Path, DateTime Written, CompiledModel? Model, ImmutableArray<ModelError> Errors);
}
