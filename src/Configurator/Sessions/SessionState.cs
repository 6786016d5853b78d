using Configurator.Modeling;
using System.Numerics;
using Configurator.Solving;

namespace Configurator.Sessions;

/// <summary>Why a module's selection is what it is.</summary>
public enum SelectionSource
{
    /// <summary>Nothing decides it yet.</summary>
    Open,

    /// <summary>The customer chose it.</summary>
    Customer,

    /// <summary>The module's default, applied because it fits the customer's choices; any choice overrides it silently.</summary>
    Default,

    /// <summary>The customer's choices leave only this selection.</summary>
    Forced,
}

/// <summary>One option as the session shows it. Immutable.</summary>
/// <param name="OptionId">The option.</param>
/// <param name="IsAvailable">Whether some valid configuration that keeps the customer's choices on the other modules selects it: choosing it never leads to a dead end.</param>
/// <param name="IsSelected">Whether the current selection of the module includes it.</param>
public sealed record OptionState(string OptionId, bool IsAvailable, bool IsSelected)
{
    /// <summary>
    /// With pricing: how much the cheapest valid configuration changes if the customer chooses this
    /// option (on top of their choices on the other modules); null without pricing or when unavailable.
    /// </summary>
    public decimal? PriceDifference { get; init; }
}

/// <summary>One module as the session shows it. Immutable.</summary>
/// <param name="ModuleId">The module.</param>
/// <param name="Options">Every option, in model order.</param>
/// <param name="SelectedOptionIds">The current selection when decided; empty when open.</param>
/// <param name="Source">Who decided it.</param>
public sealed record ModuleState(string ModuleId, EquatableArray<OptionState> Options, EquatableArray<string> SelectedOptionIds, SelectionSource Source)
{
    /// <summary>The options that can still be chosen without a conflict.</summary>
    public IEnumerable<string> AvailableOptionIds => Options.Where(o => o.IsAvailable).Select(o => o.OptionId);
}

/// <summary>What the session shows after a step. Immutable.</summary>
/// <param name="Modules">Every module, in model order.</param>
/// <param name="Choices">The customer's own choices, in order.</param>
/// <param name="Completions">How many valid configurations keep all of the customer's choices (defaults aside).</param>
/// <param name="Configuration">The configuration when every module is decided (by the customer, a default or force); otherwise null.</param>
public sealed record SessionState(EquatableArray<ModuleState> Modules, EquatableArray<CustomerChoice> Choices, BigInteger Completions, Selection? Configuration)
{
    /// <summary>With pricing: the exact lowest and highest price over every completion of the customer's choices.</summary>
    public Pricing.PriceRange? Price { get; init; }

    /// <summary>Whether every module is decided and the result is a valid configuration.</summary>
    public bool IsComplete => Configuration is not null;

    /// <summary>The state of one module.</summary>
    /// <param name="moduleId">The module id.</param>
    public ModuleState this[string moduleId] => Modules.First(m => m.ModuleId == moduleId);
}
