using Configurator.Modeling;
using Configurator.Solving;

namespace Configurator.Sessions;

/// <summary>
/// One of the model's <see cref="ProductModel.Attributes"/> as a session shows it: the exact range
/// over every completion of the customer's choices ("Weight 19–29 kg") and, when the configuration
/// is complete, its own value. Immutable.
/// A sum's range is null on a model too wide for an exact one: the clause engine's model whose
/// circuit did not fit <see cref="CompilerOptions.CircuitEdgeBudget"/> or
/// <see cref="CompilerOptions.CircuitDecisionBudget"/> (the Linux kernel's), or a search-engine model
/// beyond <see cref="CompilerOptions.PriceRangeStateBudget"/>; the complete configuration's value is
/// given all the same.
/// </summary>
/// <param name="AttributeId">The attribute's id.</param>
/// <param name="Name">Display text: the attribute's name, or its id.</param>
/// <param name="Unit">The unit shown after the value, if any.</param>
/// <param name="Min">The lowest value of a valid completion of the customer's choices; null when the model is too wide for an exact range.</param>
/// <param name="Max">The highest value of a valid completion of the customer's choices; null when the model is too wide for an exact range.</param>
/// <param name="Value">The value of <see cref="SessionState.Configuration"/> when it is complete (defaults included); otherwise null.</param>
public sealed record AttributeState(
    [property: System.Text.Json.Serialization.JsonPropertyName("id")] string AttributeId,
    string Name,
    string? Unit,
    decimal? Min,
    decimal? Max,
    decimal? Value);
