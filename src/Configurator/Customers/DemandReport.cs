using System.Collections.Immutable;
using System.Numerics;

namespace Configurator.Customers;

/// <summary>A span of days, both ends included. Immutable.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day (not before <paramref name="From"/>).</param>
public sealed record DemandPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The last day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is before <see cref="From"/>.</exception>
    public DateOnly To { get; init; } = To >= From ? To
        : throw new ArgumentOutOfRangeException(nameof(To), To, $"A period ends on or after its first day ({From:yyyy-MM-dd}).");

    /// <summary>How many days the period spans.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Whether <paramref name="day"/> lies in the period.</summary>
    /// <param name="day">The day.</param>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The period of the same length that ends the day before this one starts: what a trend compares with by default.</summary>
    public DemandPeriod Before() => new(From.AddDays(-Days), From.AddDays(-1));

    /// <inheritdoc />
    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}

/// <summary>
/// How one option sells against how much of the model's variety it makes up. Immutable.
/// </summary>
/// <param name="ModuleId">The module.</param>
/// <param name="OptionId">The option.</param>
/// <param name="Units">Units ordered with the option in the period.</param>
/// <param name="OrderShare">The share of the period's units that select the option (external variety: what customers take).</param>
/// <param name="SpaceShare">The share of the model's valid configurations that select it (internal variety: what the shop offers).</param>
/// <param name="EarlierShare">The option's order share in the earlier period; null when no earlier period was compared or it had no orders.</param>
public sealed record OptionDemand(string ModuleId, string OptionId, long Units, double OrderShare, double SpaceShare, double? EarlierShare)
{
    /// <summary>The change of the order share since the earlier period (positive: selling better); null without one.</summary>
    public double? Trend => EarlierShare is { } earlier ? OrderShare - earlier : null;

    /// <summary>How many times more often the option is ordered than its share of the valid configurations (1: as often; below 1: variety that sells less than it weighs); null for an option no valid configuration selects.</summary>
    public double? Lift => SpaceShare > 0 ? OrderShare / SpaceShare : null;
}

/// <summary>
/// What customers ordered in a period against what the model offers: per option its share of
/// units and of the valid configurations, its trend since an earlier period, and the options nobody
/// ordered (candidates to drop). Orders the model no longer allows count in <see cref="Orders"/> but
/// not in the shares, which are over the configurations the model can still build. Immutable.
/// </summary>
/// <param name="Period">The period analysed; null when the history is empty and no period was given.</param>
/// <param name="Earlier">The period the trend compares with; null for none.</param>
/// <param name="Orders">Orders in the period.</param>
/// <param name="Units">Units in the period that the model still allows: the denominator of the order shares.</param>
/// <param name="NotAllowedOrders">Orders in the period whose configuration the model no longer allows (left out of the shares).</param>
/// <param name="DistinctConfigurations">How many different configurations were ordered in the period (external variety).</param>
/// <param name="ValidConfigurations">How many valid configurations the model has (internal variety).</param>
/// <param name="Options">Every option of the model, in model order.</param>
public sealed record DemandReport(
    DemandPeriod? Period, DemandPeriod? Earlier, int Orders, long Units, int NotAllowedOrders, int DistinctConfigurations,
    BigInteger ValidConfigurations, ImmutableArray<OptionDemand> Options)
{
    /// <summary>The options nobody ordered in the period, in model order: "offer the right choices" asks whether to keep them.</summary>
    public ImmutableArray<OptionDemand> Unordered => [.. Options.Where(o => o.Units == 0)];
}

/// <summary>One mined standard product. Immutable.</summary>
/// <param name="Configuration">The configuration, valid in the model.</param>
/// <param name="ExactUnits">Units ordered exactly as this configuration.</param>
/// <param name="NewUnits">Units within the distance of this preset and of none mined before it.</param>
/// <param name="Coverage">The share of units covered by this preset and those before it.</param>
public sealed record MinedPreset(Solving.Selection Configuration, long ExactUnits, long NewUnits, double Coverage);

/// <summary>Standard products mined from orders, with their coverage curve. Immutable.</summary>
/// <param name="Presets">The presets in the order the greedy picked them; fewer than asked when every unit is covered sooner.</param>
/// <param name="MaxDistance">An order is covered by a preset that differs from it in at most this many modules.</param>
/// <param name="Units">Units in the period that the model allows: the denominator of the coverage.</param>
/// <param name="Candidates">How many distinct ordered configurations were tried as presets.</param>
/// <param name="ModelPresetsCoverage">The share of units the model's own presets cover within the same distance (0 without presets), for comparison.</param>
public sealed record MinedPresets(ImmutableArray<MinedPreset> Presets, int MaxDistance, long Units, int Candidates, double ModelPresetsCoverage)
{
    /// <summary>The coverage after 1, 2, ... presets: never decreasing.</summary>
    public ImmutableArray<double> CoverageCurve => [.. Presets.Select(p => p.Coverage)];
}
