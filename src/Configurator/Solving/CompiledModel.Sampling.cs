using System.Numerics;
using Configurator.Internal;

namespace Configurator.Solving;

public sealed partial class CompiledModel
{
    /// <summary>
    /// Draws a configuration uniformly at random: every valid configuration (extending
    /// <paramref name="within"/>) is equally likely. Deterministic for a seeded <see cref="Random"/>.
    /// </summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="within">A partial selection the configuration must extend; null for all.</param>
    /// <returns>The configuration, or <see langword="null"/> when none is valid.</returns>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option.</exception>
    /// <exception cref="ConfiguratorException">The model is too large to count within <see cref="CompilerOptions.CircuitDecisionBudget"/>, and a uniform draw needs the count (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</exception>
    public Selection? Sample(Random random, Selection? within = null)
    {
        Guard.NotNull(random);
        var restriction = ToRestriction(within);
        var total = CountOrRefuse(restriction, "Uniform sampling");
        if (total.IsZero)
        {
            return null;
        }

        var values = new int[Domains.Length];
        _engine.Unrank(restriction, RandomBelow(random, total), values);
        return ToSelection(values);
    }

    /// <summary>Draws <paramref name="count"/> configurations uniformly at random (with replacement) from a seed.</summary>
    /// <param name="count">How many.</param>
    /// <param name="seed">The seed; the same seed gives the same configurations.</param>
    /// <param name="within">A partial selection the configurations must extend; null for all.</param>
    /// <returns>The configurations; empty when none is valid.</returns>
    /// <exception cref="ConfiguratorException">The model is too large to count within <see cref="CompilerOptions.CircuitDecisionBudget"/> (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</exception>
    public IReadOnlyList<Selection> SampleMany(int count, int seed, Selection? within = null)
    {
        Guard.NotNegative(count);
        var random = new Random(seed);
        var samples = new List<Selection>(count);
        for (var i = 0; i < count && Sample(random, within) is { } sample; i++)
        {
            samples.Add(sample);
        }

        return samples;
    }

    /// <summary>
    /// The count <paramref name="what"/> needs (a uniform draw, an even split into shards, counts
    /// per option, a price distribution), refused at once where the engine cannot count within its
    /// budget: on a feature model too large for a circuit (the Linux kernel's) the count alone ran
    /// for hours. <paramref name="instead"/> says what the caller can use.
    /// </summary>
    internal BigInteger CountOrRefuse(Restriction restriction, string what, string instead = "take configurations in order (Configurations) or a covering sample (SampleCovering) instead") =>
        _engine.CountWithinBudget(restriction) ?? throw new ConfiguratorException(ConfiguratorErrorCodes.LimitExceeded,
            $"{what} needs the number of configurations of model '{Model.Id}', which is too large to count within CompilerOptions.CircuitDecisionBudget; " +
            $"raise the budget, or {instead}.");

    /// <summary>A uniform random integer in [0, <paramref name="bound"/>), by rejection so that no value is favoured.</summary>
    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = bound.ToByteArray(isUnsigned: true, isBigEndian: false);
        var topBits = (int)(bound.GetBitLength() % 8);
        var topMask = topBits == 0 ? (byte)0xFF : (byte)((1 << topBits) - 1);
        while (true)
        {
            random.NextBytes(bytes);
            bytes[^1] &= topMask;
            var candidate = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
            if (candidate < bound)
            {
                return candidate;
            }
        }
    }
}
