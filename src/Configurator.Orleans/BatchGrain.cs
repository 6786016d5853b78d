using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Configurator.DependencyInjection;
using Configurator.Solving;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;

namespace Configurator.Orleans;

/// <summary>
/// Coordinates batch work: splits it with the library (<see cref="CompiledModel.Split"/>, or
/// shards by rank), hands each part to a fresh <see cref="IBatchPartGrain"/> placed on a random
/// silo, and combines the results. Reentrant: it only waits on its parts, so one activation
/// coordinates many jobs at once; an enumeration's later items are fetched from the activation
/// that started it, which a stateless worker (several activations per key) would not guarantee.
/// </summary>
[Reentrant]
internal sealed class BatchGrain(IModelCatalog catalog) : Grain, IBatchGrain
{
    /// <summary>How many configurations a part may run ahead of the one being streamed.</summary>
    private const int Buffer = 4096;

    public async Task<BatchCount> CountAsync(string modelId, Selection? within, int parts, CancellationToken cancellationToken = default)
    {
        var model = catalog.Get(modelId, cancellationToken);
        var cubes = model.Split(await PartsAsync(parts), within);
        var results = await Task.WhenAll(cubes.Select(cube => Part().CountAsync(modelId, cube, cancellationToken)));
        return new BatchCount(results.Aggregate(BigInteger.Zero, (sum, part) => sum + part.Count), cubes.Count, results.Select(r => r.Silo).Distinct(StringComparer.Ordinal).Count());
    }

    public async IAsyncEnumerable<Selection> EnumerateAsync(string modelId, Selection? within, int parts, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = catalog.Get(modelId, cancellationToken);
        var wanted = await PartsAsync(parts);
        IReadOnlyList<PartRange> ranges = model.Engine == SolverEngineKind.Diagram
            ? [.. Enumerable.Range(1, wanted).Select(i => new PartRange(within, i, wanted))]
            : [.. model.Split(wanted, within).Select(cube => new PartRange(cube, 1, 1))];

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buffers = ranges.Select(_ => Channel.CreateBounded<Selection>(new BoundedChannelOptions(Buffer) { SingleReader = true, SingleWriter = true })).ToList();
        var producers = ranges.Select((range, i) => FillAsync(modelId, range, buffers[i].Writer, stop.Token)).ToList();
        try
        {
            foreach (var buffer in buffers)
            {
                await foreach (var configuration in buffer.Reader.ReadAllAsync(cancellationToken))
                {
                    yield return configuration;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            // Producers never throw: each hands its error to its buffer.
            await Task.WhenAll(producers);
        }
    }

    public async Task<IReadOnlyList<Selection>> SampleAsync(string modelId, int count, int seed, Selection? within, int parts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        catalog.Get(modelId, cancellationToken);
        var wanted = Math.Max(1, Math.Min(count, await PartsAsync(parts)));
        var seeds = new Random(seed);
        var calls = Enumerable.Range(0, wanted)
            .Select(i => (Count: (count / wanted) + (i < count % wanted ? 1 : 0), Seed: seeds.Next()))
            .Select(part => Part().SampleAsync(modelId, part.Count, part.Seed, within, cancellationToken))
            .ToList();
        return [.. (await Task.WhenAll(calls)).SelectMany(samples => samples)];
    }

    private async Task FillAsync(string modelId, PartRange range, ChannelWriter<Selection> writer, CancellationToken cancellationToken)
    {
        Exception? error = null;
        try
        {
            await foreach (var configuration in Part().EnumerateAsync(modelId, range, cancellationToken).WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(configuration, cancellationToken);
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            writer.TryComplete(error);
        }
    }

    private IBatchPartGrain Part() => GrainFactory.GetGrain<IBatchPartGrain>(Guid.NewGuid());

    /// <summary>The number of parts asked for, or four per active silo.</summary>
    private async Task<int> PartsAsync(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parts);
        if (parts > 0)
        {
            return parts;
        }

        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return 4 * Math.Max(1, hosts.Count);
    }
}

/// <summary>One part of an enumeration: the configurations extending a selection, within one shard by rank.</summary>
[GenerateSerializer]
internal sealed record PartRange([property: Id(0)] Selection? Within, [property: Id(1)] int ShardIndex, [property: Id(2)] int ShardCount);

/// <summary>A part's count and the silo that counted it.</summary>
[GenerateSerializer]
internal readonly record struct PartCount([property: Id(0)] BigInteger Count, [property: Id(1)] string Silo);

/// <summary>One part of batch work, on the silo the cluster placed it on.</summary>
internal interface IBatchPartGrain : IGrainWithGuidKey
{
    Task<PartCount> CountAsync(string modelId, Selection cube, CancellationToken cancellationToken);

    IAsyncEnumerable<Selection> EnumerateAsync(string modelId, PartRange range, CancellationToken cancellationToken);

    Task<IReadOnlyList<Selection>> SampleAsync(string modelId, int count, int seed, Selection? within, CancellationToken cancellationToken);
}

/// <summary>
/// Runs a part against this silo's compiled model, off the grain scheduler. A count or a sample
/// deactivates the part once it answers; an enumeration leaves it to idle collection
/// (<see cref="ConfiguratorOrleans.BatchPartIdleAge"/>).
/// </summary>
[RandomPlacement]
internal sealed class BatchPartGrain(IModelCatalog catalog, ILocalSiloDetails silo) : Grain, IBatchPartGrain
{
    private const int Page = 1024;

    public async Task<PartCount> CountAsync(string modelId, Selection cube, CancellationToken cancellationToken)
    {
        DeactivateOnIdle();
        var model = catalog.Get(modelId, cancellationToken);
        var count = await Task.Run(() => model.Count(cube), cancellationToken);
        return new PartCount(count, silo.SiloAddress.ToString());
    }

    public async IAsyncEnumerable<Selection> EnumerateAsync(string modelId, PartRange range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The caller fetches items by further calls, so this part stays active until idle collection takes it.
        var model = catalog.Get(modelId, cancellationToken);
        var options = new EnumerateOptions { ShardIndex = range.ShardIndex, ShardCount = range.ShardCount };
        using var configurations = model.Configurations(range.Within, options).GetEnumerator();
        var page = new List<Selection>(Page);
        do
        {
            // A page at a time off the grain scheduler, so a slow search does not hold up the silo's other grains.
            page.Clear();
            await Task.Run(
                () =>
                {
                    while (page.Count < Page && configurations.MoveNext())
                    {
                        page.Add(configurations.Current);
                    }
                },
                cancellationToken);
            foreach (var configuration in page)
            {
                yield return configuration;
            }
        }
        while (page.Count == Page);
    }

    public async Task<IReadOnlyList<Selection>> SampleAsync(string modelId, int count, int seed, Selection? within, CancellationToken cancellationToken)
    {
        DeactivateOnIdle();
        var model = catalog.Get(modelId, cancellationToken);
        return await Task.Run(() => model.SampleMany(count, seed, within), cancellationToken);
    }
}
