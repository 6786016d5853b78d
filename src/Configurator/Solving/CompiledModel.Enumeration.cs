using System.Numerics;
using Configurator.Internal;

namespace Configurator.Solving;

public sealed partial class CompiledModel
{
    /// <summary>
    /// Calls <paramref name="handler"/> once per valid configuration, in a deterministic order,
    /// optionally within a partial selection, a limit and a shard. Allocates nothing per
    /// configuration: the view reads a reused buffer.
    /// </summary>
    /// <param name="handler">Receives each configuration; copy what you keep.</param>
    /// <param name="within">A partial selection the configurations must extend; null for all.</param>
    /// <param name="options">Limit and shard; null for everything.</param>
    /// <param name="cancellationToken">Stops the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <returns>How many configurations were visited.</returns>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option, or a selection a module does not permit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The shard index or count is out of range.</exception>
    /// <exception cref="ConfiguratorException">Shards of a model too large to count within <see cref="CompilerOptions.CircuitDecisionBudget"/> (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the model stays usable.</exception>
    public ulong Enumerate(ConfigurationHandler handler, Selection? within = null, EnumerateOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(handler);
        var (restriction, start, limit) = Range(within, options);
        cancellationToken.ThrowIfCancellationRequested();
        using var telemetry = Diagnostics.Telemetry.Start("configurator.enumerate", null, null, "engine", EngineTag, Model.Id);
        var visited = _engine.Enumerate(restriction, start, limit, new int[Domains.Length], this, handler, cancellationToken);
        Diagnostics.Telemetry.Add(Diagnostics.Telemetry.Enumerated, (long)visited, "engine", EngineTag);
        telemetry?.End("enumerated");
        return visited;
    }

    /// <summary>
    /// Like <see cref="Enumerate"/>, but splits the range over every core: <paramref name="handler"/>
    /// is called concurrently from several threads, each configuration exactly once, in no
    /// particular order across threads.
    /// </summary>
    /// <param name="handler">Receives each configuration; must be thread-safe.</param>
    /// <param name="within">A partial selection the configurations must extend; null for all.</param>
    /// <param name="options">Limit and shard; null for everything.</param>
    /// <param name="cancellationToken">Stops the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <returns>How many configurations were visited.</returns>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The shard index or count is out of range.</exception>
    /// <exception cref="ConfiguratorException">Shards of a model too large to count within <see cref="CompilerOptions.CircuitDecisionBudget"/> (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the model stays usable.</exception>
    public ulong EnumerateParallel(ConfigurationHandler handler, Selection? within = null, EnumerateOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(handler);
        var (restriction, start, limit) = Range(within, options);
        var parts = (ulong)Math.Max(1, Environment.ProcessorCount);
        if (limit < parts * 1024)
        {
            return Enumerate(handler, within, options, cancellationToken);
        }

        using var telemetry = Diagnostics.Telemetry.Start("configurator.enumerate", null, null, "engine", EngineTag, Model.Id);
        long visited = 0;
        try
        {
            Parallel.For(0, (int)parts, new ParallelOptions { CancellationToken = cancellationToken }, part =>
            {
                var from = limit / parts * (ulong)part;
                var to = part == (int)parts - 1 ? limit : limit / parts * (ulong)(part + 1);
                var count = _engine.Enumerate(restriction, start + from, to - from, new int[Domains.Length], this, handler, cancellationToken);
                Interlocked.Add(ref visited, (long)count);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OperationCanceledException))
        {
            throw new OperationCanceledException("The enumeration was cancelled.", e, cancellationToken);
        }

        Diagnostics.Telemetry.Add(Diagnostics.Telemetry.Enumerated, visited, "engine", EngineTag);
        telemetry?.End("enumerated");
        return (ulong)visited;
    }

    /// <summary>
    /// The valid configurations as immutable selections, lazily. Convenient, but allocates one
    /// <see cref="Selection"/> per configuration; use <see cref="Enumerate"/> on hot paths.
    /// </summary>
    /// <param name="within">A partial selection the configurations must extend; null for all.</param>
    /// <param name="options">Limit and shard; null for everything.</param>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The shard index or count is out of range.</exception>
    /// <exception cref="ConfiguratorException">Shards of a model too large to count within <see cref="CompilerOptions.CircuitDecisionBudget"/> (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</exception>
    public IEnumerable<Selection> Configurations(Selection? within = null, EnumerateOptions? options = null)
    {
        var (restriction, start, limit) = Range(within, options);
        return _engine is Boolean.BooleanEngine { Circuit: null } clauses ? Walk(clauses, restriction, start, limit) : Page(restriction, start, limit);
    }

    /// <summary>A model too large for its circuit: one solver's walk, which no page restarts (a restart walks again past every configuration before it).</summary>
    private IEnumerable<Selection> Walk(Boolean.BooleanEngine clauses, Restriction restriction, BigInteger start, ulong limit) =>
        clauses.WalkBySolver(restriction, start, limit, CancellationToken.None).Select(values => ToSelection(values));

    private IEnumerable<Selection> Page(Restriction restriction, BigInteger start, ulong limit)
    {
        // Pages of configurations, so that memory stays bounded however many there are.
        const ulong pageSize = 4096;
        var page = new List<Selection>((int)Math.Min(pageSize, limit));
        var values = new int[Domains.Length];
        for (ulong done = 0; done < limit;)
        {
            page.Clear();
            var wanted = Math.Min(pageSize, limit - done);
            var count = _engine.Enumerate(restriction, start + done, wanted, values, this, view => page.Add(view.ToSelection()), CancellationToken.None);
            foreach (var selection in page)
            {
                yield return selection;
            }

            if (count < wanted)
            {
                yield break;
            }

            done += count;
        }
    }

    /// <summary>The restriction, first rank and number of configurations a call covers.</summary>
    private (Restriction Restriction, BigInteger Start, ulong Limit) Range(Selection? within, EnumerateOptions? options)
    {
        options ??= new EnumerateOptions();
        options.Validate();
        var restriction = ToRestriction(within);
        var start = BigInteger.Zero;
        BigInteger count;
        if (options.ShardCount == 1)
        {
            count = options.Limit is { } only ? only : ulong.MaxValue;
        }
        else
        {
            var total = CountOrRefuse(restriction, "Splitting the configurations into shards");
            start = total * (options.ShardIndex - 1) / options.ShardCount;
            count = (total * options.ShardIndex / options.ShardCount) - start;
        }

        var limit = BigInteger.Min(count, options.Limit ?? ulong.MaxValue);
        return (restriction, start, (ulong)BigInteger.Min(limit, ulong.MaxValue));
    }
}
