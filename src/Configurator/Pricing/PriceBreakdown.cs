using System.Text.Json.Serialization;
using Configurator.Modeling;
using Configurator.Solving;

namespace Configurator.Pricing;

/// <summary>The price of a complete configuration, line by line; the lines add up exactly to the total. Immutable.</summary>
/// <param name="Lines">Base, options, matching rules, personalization, policies, rounding.</param>
/// <param name="Total">The rounded total.</param>
[JsonConverter(typeof(PriceBreakdownJsonConverter))]
public sealed record PriceBreakdown(EquatableArray<PriceLine> Lines, Money Total);

/// <summary>
/// The exact lowest and highest total over every valid completion of a partial configuration,
/// with a cheapest and a dearest completion. Immutable.
/// </summary>
/// <param name="Min">The lowest total.</param>
/// <param name="Max">The highest total.</param>
/// <param name="Cheapest">A completion priced at <paramref name="Min"/>.</param>
/// <param name="Dearest">A completion priced at <paramref name="Max"/>.</param>
[JsonConverter(typeof(PriceRangeJsonConverter))]
public sealed record PriceRange(Money Min, Money Max, Selection Cheapest, Selection Dearest);
