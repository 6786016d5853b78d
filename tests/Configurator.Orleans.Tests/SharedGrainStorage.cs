using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Configurator.Orleans.Tests;

/// <summary>
/// Grain storage outside every silo, for tests that stop silos: Orleans' memory storage keeps its
/// records in grains on the silos, so a stopped silo takes its share with it, as a real store
/// would not. States are kept serialized (never the grain's own object) with an ETag per write,
/// and a write against a stale ETag is refused, as a real store refuses it.
/// </summary>
internal sealed class SharedGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (string ETag, BinaryData Data)> _records = new();
    private IGrainStorageSerializer? _serializer;

    /// <summary>Binds the store to a silo's serializer (the first silo's; they are configured alike).</summary>
    public SharedGrainStorage For(IServiceProvider services)
    {
        _serializer ??= services.GetRequiredService<IGrainStorageSerializer>();
        return this;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = _serializer!.Deserialize<T>(record.Data);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var etag = Guid.NewGuid().ToString("N");
        var data = _serializer!.Serialize(grainState.State);
        _records.AddOrUpdate(key,
            _ => grainState.ETag is null ? (etag, data) : throw new InconsistentStateException("The record is gone.", "", grainState.ETag),
            (_, old) => old.ETag == grainState.ETag ? (etag, data) : throw new InconsistentStateException("The record changed since it was read.", old.ETag, grainState.ETag ?? ""));
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _records.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
