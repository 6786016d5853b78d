using System.Numerics;
using Configurator.Solving;

namespace Configurator.Orleans;

/// <summary>
/// Counting, enumerating and sampling a model's configurations across the cluster: the work is
/// split into disjoint parts (shards by rank on the diagram engine, cubes of the first decided
/// modules on the search and clause engines), each part runs on a silo the cluster picks, and the results
/// are exactly the single-process ones. Call it as <c>GetGrain&lt;IBatchGrain&gt;(0)</c>; it keeps
/// no state, so any silo can coordinate.
/// </summary>
public interface IBatchGrain : IGrainWithIntegerKey
{
    /// <summary>The exact number of valid configurations (extending <paramref name="within"/>), the parts' counts summed.</summary>
    /// <param name="modelId">The model's id in the silos' model catalog.</param>
    /// <param name="within">A partial selection the configurations must extend; null for all.</param>
    /// <param name="parts">Into how many parts to split the work at least; 0 for four per active silo.</param>
    /// <param name="cancellationToken">Cancels the count on every silo.</param>
    /// <exception cref="ConfiguratorException">No such model.</exception>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option.</exception>
    Task<BatchCount> CountAsync(string modelId, Selection? within, int parts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every valid configuration (extending <paramref name="within"/>) exactly once, streamed:
    /// the parts run at once, each into a bounded buffer, and come back in part order, so the
    /// order is fixed for a given number of parts (on the diagram engine it is the
    /// single-process order).
    /// </summary>
    /// <param name="modelId">The model's id in the silos' model catalog.</param>
    /// <param name="within">A partial selection the configurations must extend; null for all.</param>
    /// <param name="parts">Into how many parts to split the work; 0 for four per active silo.</param>
    /// <param name="cancellationToken">Stops the enumeration on every silo.</param>
    IAsyncEnumerable<Selection> EnumerateAsync(string modelId, Selection? within, int parts, CancellationToken cancellationToken = default);

    /// <summary>
    /// <paramref name="count"/> configurations drawn uniformly at random with replacement, in
    /// parts that each draw from the whole space with their own seed taken from
    /// <paramref name="seed"/>: the same seed and parts give the same configurations.
    /// </summary>
    /// <param name="modelId">The model's id in the silos' model catalog.</param>
    /// <param name="count">How many.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="within">A partial selection the configurations must extend; null for all.</param>
    /// <param name="parts">Into how many parts to split the work; 0 for four per active silo.</param>
    /// <param name="cancellationToken">Cancels the sampling on every silo.</param>
    /// <returns>The configurations; empty when none is valid.</returns>
    Task<IReadOnlyList<Selection>> SampleAsync(string modelId, int count, int seed, Selection? within, int parts, CancellationToken cancellationToken = default);
}

/// <summary>A count across the cluster and how it was spread.</summary>
/// <param name="Count">The exact number of valid configurations.</param>
/// <param name="Parts">How many parts the work was split into.</param>
/// <param name="Silos">On how many different silos the parts ran.</param>
[GenerateSerializer]
public sealed record BatchCount([property: Id(0)] BigInteger Count, [property: Id(1)] int Parts, [property: Id(2)] int Silos);
