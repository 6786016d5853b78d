namespace Configurator.Strategies.Advice;

/// <summary>How much a customer segment is worth to the shop.</summary>
public enum CustomerValue
{
    /// <summary>Low value.</summary>
    Low,

    /// <summary>High value.</summary>
    High,
}

/// <summary>How individual a segment's needs are.</summary>
public enum NeedsDiversity
{
    /// <summary>Customers want much the same.</summary>
    Similar,

    /// <summary>Customers want different things.</summary>
    Different,
}

/// <summary>How well the shop's capabilities match a segment's needs.</summary>
public enum CapabilityMatch
{
    /// <summary>Poorly.</summary>
    Poor,

    /// <summary>Well.</summary>
    Good,
}

/// <summary>How to market to a segment (first matrix).</summary>
public enum MarketingMode
{
    /// <summary>Standard products (presets) for everyone.</summary>
    MassMarketing,

    /// <summary>Presets plus repeat-purchase pricing, to keep valuable customers with similar needs.</summary>
    FrequencyMarketing,

    /// <summary>A customization strategy (adaptive, cosmetic, collaborative or transparent).</summary>
    CustomizationMarketing,

    /// <summary>Not worth targeting.</summary>
    NotTargeted,
}

/// <summary>Whether to pursue a segment (second matrix).</summary>
public enum SegmentSelection
{
    /// <summary>Invest: valuable, and the shop serves it well.</summary>
    Focus,

    /// <summary>Valuable but poorly served: take opportunities, build capabilities.</summary>
    Opportunistic,

    /// <summary>Served well but of little value: serve when asked, do not invest.</summary>
    Passive,

    /// <summary>Neither valuable nor well served.</summary>
    Abandon,
}

/// <summary>
/// Strategy advice from the source material's two matrices. Customer value by how individual the
/// needs are gives the marketing mode; customer value by how well the shop's capabilities match
/// gives whether to pursue the segment.
/// </summary>
/// <remarks>
/// <code>
///                    needs similar          needs different
/// value high         frequency marketing    customization marketing
/// value low          mass marketing         not targeted
///
///                    capabilities good      capabilities poor
/// value high         focus                  opportunistic
/// value low          passive                abandon
/// </code>
/// </remarks>
public static class StrategyAdvisor
{
    /// <summary>The marketing mode for a segment.</summary>
    /// <param name="value">The segment's value.</param>
    /// <param name="needs">How individual its needs are.</param>
    public static MarketingMode Marketing(CustomerValue value, NeedsDiversity needs) => (value, needs) switch
    {
        (CustomerValue.High, NeedsDiversity.Different) => MarketingMode.CustomizationMarketing,
        (CustomerValue.High, NeedsDiversity.Similar) => MarketingMode.FrequencyMarketing,
        (CustomerValue.Low, NeedsDiversity.Similar) => MarketingMode.MassMarketing,
        _ => MarketingMode.NotTargeted,
    };

    /// <summary>Whether to pursue a segment.</summary>
    /// <param name="value">The segment's value.</param>
    /// <param name="match">How well the shop's capabilities match its needs.</param>
    public static SegmentSelection Selection(CustomerValue value, CapabilityMatch match) => (value, match) switch
    {
        (CustomerValue.High, CapabilityMatch.Good) => SegmentSelection.Focus,
        (CustomerValue.High, CapabilityMatch.Poor) => SegmentSelection.Opportunistic,
        (CustomerValue.Low, CapabilityMatch.Good) => SegmentSelection.Passive,
        _ => SegmentSelection.Abandon,
    };
}
