namespace Configurator.Strategies;

/// <summary>A level in the comparison of customization strategies.</summary>
public enum StrategyLevel
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Fairly low.</summary>
    FairlyLow,

    /// <summary>Fairly high.</summary>
    FairlyHigh,

    /// <summary>High.</summary>
    High,
}

/// <summary>
/// The source material's comparison of a customization strategy: what it costs to implement, how
/// easily competitors imitate it, how close a relationship with the customer it builds, and how
/// much competitive advantage it gives. Immutable.
/// </summary>
/// <param name="ImplementationCost">The cost of implementing it.</param>
/// <param name="EaseOfImitation">How easily competitors copy it.</param>
/// <param name="CustomerRelationship">How close the relationship with the customer becomes.</param>
/// <param name="CompetitiveAdvantage">How much advantage it gives.</param>
public sealed record StrategyProfile(StrategyLevel ImplementationCost, StrategyLevel EaseOfImitation, StrategyLevel CustomerRelationship, StrategyLevel CompetitiveAdvantage);

/// <summary>
/// One of the four kinds of mass customization, as a policy that drives a configuration for a
/// customer. Every strategy works through the solver, so none can produce an invalid configuration.
/// Strategies are immutable and thread-safe; the customizations they begin are per customer.
/// </summary>
public interface ICustomizationStrategy
{
    /// <summary>The strategy's name: adaptive, cosmetic, collaborative or transparent.</summary>
    string Name { get; }

    /// <summary>Its place in the source material's comparison.</summary>
    StrategyProfile Profile { get; }
}
