using Configurator.Modeling;
using Configurator.Solving;

namespace Configurator.Strategies.Transparent;

/// <summary>A customer's liking for an option. Immutable.</summary>
/// <param name="ModuleId">The module.</param>
/// <param name="OptionId">The option.</param>
/// <param name="Weight">How much it counts (negative for a dislike).</param>
public sealed record Preference(string ModuleId, string OptionId, decimal Weight);

/// <summary>A measurement of the customer, matched against a numeric option property of the same name. Immutable.</summary>
/// <param name="Property">The property, such as <c>neckCm</c>.</param>
/// <param name="Value">The customer's value.</param>
/// <param name="Weight">How much each unit of difference costs.</param>
public sealed record Measurement(string Property, decimal Value, decimal Weight = 1);

/// <summary>What the shop knows of a customer, for transparent customization. Immutable.</summary>
public sealed record CustomerProfile
{
    /// <summary>Options the customer likes or dislikes.</summary>
    public EquatableArray<Preference> Preferences { get; init; }

    /// <summary>Measurements, such as body sizes.</summary>
    public EquatableArray<Measurement> Measurements { get; init; }

    /// <summary>Configurations the customer bought before.</summary>
    public EquatableArray<Selection> PastConfigurations { get; init; }

    /// <summary>How much each past purchase of an option counts.</summary>
    /// <value>Defaults to 1.</value>
    public decimal PastPurchaseWeight { get; init; } = 1;
}
