namespace Configurator.Solving;

/// <summary>How much of the configuration space to enumerate. Mutable options; checked when used.</summary>
public sealed class EnumerateOptions
{
    /// <summary>The most configurations to visit.</summary>
    /// <value>Defaults to <see langword="null"/>: all of them.</value>
    public ulong? Limit { get; set; }

    /// <summary>Which shard to visit, 1-based: shard i of n holds the configurations ranked from (i - 1) * N / n to i * N / n - 1.</summary>
    /// <value>Defaults to 1.</value>
    public int ShardIndex { get; set; } = 1;

    /// <summary>Into how many disjoint, deterministic shards the space is split.</summary>
    /// <value>Defaults to 1 (no splitting).</value>
    public int ShardCount { get; set; } = 1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ShardCount, 1, nameof(ShardCount));
        if (ShardIndex < 1 || ShardIndex > ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(ShardIndex), ShardIndex, $"The shard index is 1-based and must lie between 1 and the shard count ({ShardCount}).");
        }
    }
}
