using System.Numerics;

namespace Configurator.Solving;

/// <summary>How many valid configurations select an option. Immutable.</summary>
/// <param name="ModuleId">The module.</param>
/// <param name="OptionId">The option.</param>
/// <param name="Count">The number of valid configurations that select it.</param>
public sealed record OptionCount(string ModuleId, string OptionId, BigInteger Count);
