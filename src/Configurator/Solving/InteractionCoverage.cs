using System.Collections.Immutable;

namespace Configurator.Solving;

/// <summary>
/// How many of a model's valid t-wise interactions a set of configurations covers. An interaction
/// is a choice on each of t different parameters that some valid configuration makes together:
/// a single-select module is one parameter whose values are its options (and "nothing" when it is
/// optional); each option of a multi-select module is a parameter of its own (chosen or not), as
/// each feature of a feature model is. Immutable.
/// </summary>
/// <param name="Strength">t: 1 (every option), 2 (pairwise) or 3.</param>
/// <param name="ValidInteractions">The interactions some valid configuration has.</param>
/// <param name="CoveredInteractions">Those the configurations have.</param>
public sealed record InteractionCoverage(int Strength, long ValidInteractions, long CoveredInteractions)
{
    /// <summary>The share covered, from 0 to 1 (1 when there is nothing to cover).</summary>
    public double Ratio => ValidInteractions == 0 ? 1 : (double)CoveredInteractions / ValidInteractions;

    /// <summary>Configurations given that the model does not allow; they cover nothing.</summary>
    public int InvalidConfigurations { get; init; }
}

/// <summary>A small set of valid configurations covering every valid t-wise interaction, and its coverage (always complete). Immutable.</summary>
/// <param name="Configurations">The configurations, in the order built (each covers what the earlier ones left).</param>
/// <param name="Coverage">The coverage: every valid interaction.</param>
public sealed record CoveringSample(ImmutableArray<Selection> Configurations, InteractionCoverage Coverage);
