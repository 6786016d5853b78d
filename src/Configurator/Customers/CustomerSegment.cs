using Configurator.Strategies.Advice;

namespace Configurator.Customers;

/// <summary>
/// A customer as the strategy advisor sees them: their value (from <see cref="Score"/>), how
/// individual their needs are, and how well the current model can deliver what they ordered. Immutable.
/// </summary>
/// <param name="Score">RFM scores and value tier.</param>
/// <param name="Individuality">The mean share of modules in which the customer's orders differ from the nearest standard product (0: always a standard product; 1: nothing in common).</param>
/// <param name="Spread">The mean share of modules in which two of the customer's orders differ (0 with one order or always the same).</param>
/// <param name="Needs">Different when <see cref="Individuality"/> reaches <see cref="SegmentationOptions.IndividualityThreshold"/>.</param>
/// <param name="CapabilityShare">The share of the customer's orders the current model still allows.</param>
/// <param name="Match">Good when <see cref="CapabilityShare"/> reaches <see cref="SegmentationOptions.GoodMatchShare"/>.</param>
public sealed record CustomerSegment(CustomerScore Score, double Individuality, double Spread, NeedsDiversity Needs, double CapabilityShare, CapabilityMatch Match)
{
    /// <summary>The customer.</summary>
    public string CustomerId => Score.CustomerId;
}
