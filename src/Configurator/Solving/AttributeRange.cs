namespace Configurator.Solving;

/// <summary>How a numeric property adds up over a configuration.</summary>
public enum AttributeAggregation
{
    /// <summary>The sum over every selected option (weight, power draw, parts count); a missing property counts 0.</summary>
    Sum,

    /// <summary>The largest value of any selected option (lead time: the slowest part decides); 0 when no option has it.</summary>
    Max,
}

/// <summary>
/// The exact lowest and highest value of a numeric property over every valid completion of a
/// partial configuration, with a configuration reaching each end. Immutable.
/// </summary>
/// <param name="Property">The option property, as in the model's <c>properties</c>.</param>
/// <param name="Aggregation">How the property adds up over the selected options.</param>
/// <param name="Min">The lowest value of a valid completion.</param>
/// <param name="Max">The highest value of a valid completion.</param>
/// <param name="Lowest">A valid completion whose value is <paramref name="Min"/>.</param>
/// <param name="Highest">A valid completion whose value is <paramref name="Max"/>.</param>
public sealed record AttributeRange(string Property, AttributeAggregation Aggregation, decimal Min, decimal Max, Selection Lowest, Selection Highest);
