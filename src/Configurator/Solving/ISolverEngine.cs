using System.Numerics;

namespace Configurator.Solving;

/// <summary>
/// What the compiled model asks of an engine. Engines hold no per-call state; everything a call
/// needs is passed in or allocated by the call, so one engine serves every thread.
/// </summary>
internal interface ISolverEngine
{
    /// <summary>The number of configurations the restriction allows.</summary>
    BigInteger Count(Restriction restriction);

    /// <summary>
    /// As <see cref="Count"/> where the engine can count within its budget (a session's view);
    /// otherwise null, and then the restriction allows at least one configuration.
    /// </summary>
    BigInteger? CountWithinBudget(Restriction restriction) => Count(restriction);

    /// <summary>Whether the restriction allows some configuration (cheaper than a count where the engine can tell).</summary>
    bool Exists(Restriction restriction);

    /// <summary>
    /// Visits, in the engine's fixed order, the configurations of rank <paramref name="start"/> to
    /// <paramref name="start"/> + <paramref name="limit"/> - 1 among those the restriction allows;
    /// returns how many it visited. <paramref name="values"/> is the reused buffer the view reads.
    /// </summary>
    ulong Enumerate(Restriction restriction, BigInteger start, ulong limit, int[] values, CompiledModel model, ConfigurationHandler handler, CancellationToken cancellationToken);

    /// <summary>
    /// Per module, the values it can take in a valid configuration that satisfies the restriction
    /// on every other module (the module's own restriction is ignored, so a customer sees what they
    /// could switch to).
    /// </summary>
    bool[][] UsableValues(Restriction restriction);

    /// <summary>Writes the configuration of the given rank (0-based, below the count) into <paramref name="values"/>.</summary>
    void Unrank(Restriction restriction, BigInteger rank, int[] values);
}
