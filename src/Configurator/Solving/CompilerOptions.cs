namespace Configurator.Solving;

/// <summary>Limits for compiling a model. Mutable options; checked by <see cref="ModelCompiler.Compile"/>.</summary>
public sealed class CompilerOptions
{
    /// <summary>The most decision-diagram nodes to build before falling back to the search engine.</summary>
    /// <value>Defaults to 2,000,000.</value>
    public int NodeBudget { get; set; } = 2_000_000;

    /// <summary>The most permitted selections one module may have (a multi-select module has one per permitted subset).</summary>
    /// <value>Defaults to 65,536.</value>
    public int MaxSelectionsPerModule { get; set; } = 65_536;

    /// <summary>
    /// The most options a model may have in all, checked before anything is built: compiling takes
    /// time and memory in proportion (3,000 modules of 40 options take about 10 s); past it the model
    /// is refused with <see cref="Validation.ModelErrorCodes.ModelTooLarge"/>.
    /// </summary>
    /// <value>Defaults to 1,000,000.</value>
    public int MaxOptions { get; set; } = 1_000_000;

    /// <summary>
    /// The most edges of the circuit the clause engine records from its counting search (for counts,
    /// availability and sampling under partial selections of large yes/no models); past it the
    /// engine answers by search instead. 0 never records one. Each edge takes about 4 bytes.
    /// </summary>
    /// <value>Defaults to 16,000,000.</value>
    public int CircuitEdgeBudget { get; set; } = 16_000_000;

    /// <summary>
    /// The most decisions the clause engine's counting search may take to record its circuit, and
    /// to count under a session's choices when there is no circuit. Past it the model has no
    /// circuit and a session's <see cref="Sessions.SessionState.Completions"/> is null (not known
    /// within the budget), while availability, explanations and conflicts still come from the
    /// clause-learning solver. A whole count (<see cref="CompiledModel.Count"/>) takes no budget.
    /// The recording also gives up sooner, when a fifth of the budget (at least 1,000 decisions)
    /// passes with its search finishing less than 1 % more of the search tree. The largest
    /// countable benchmark, automotive2_4, takes 15,291 decisions and goes 1,920 of them without
    /// progress; the Linux kernel's model stalls from its second decision and gives up after
    /// 10,000 (about 1.4 seconds).
    /// </summary>
    /// <value>Defaults to 50,000.</value>
    public int CircuitDecisionBudget { get; set; } = 50_000;

    /// <summary>
    /// The most states the exact price range may keep at one step (a state is what the modules
    /// decided so far leave open for later price rules, plus the percentage reached); past it the
    /// range ends with <see cref="ConfiguratorErrorCodes.LimitExceeded"/> rather than growing
    /// without bound. Models whose percentage rules read many modules need the most.
    /// </summary>
    /// <value>Defaults to 1,000,000 (about 200 MB at the peak).</value>
    public int PriceRangeStateBudget { get; set; } = 1_000_000;

    /// <summary>
    /// The day the compiled model is for: options, constraints, price rules, BOM rules and presets
    /// whose <c>validFrom</c>/<c>validTo</c> leave it out are not in effect (an option not in effect
    /// cannot be selected, and the reason says from or until when it is offered).
    /// </summary>
    /// <value>Defaults to null: today, in UTC, when compiling.</value>
    public DateOnly? AsOf { get; set; }

    /// <summary>Skips the diagram, for testing the search engine on models small enough for both.</summary>
    internal bool ForceSearchEngine { get; set; }

    /// <summary>Skips the diagram and takes the clause engine when the model encodes, for testing it on small models.</summary>
    internal bool ForceBooleanEngine { get; set; }

    /// <summary>Which propagators the search engine uses, so that tests can exercise each.</summary>
    internal Search.PropagatorChoice Propagators { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(NodeBudget, 1, nameof(NodeBudget));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSelectionsPerModule, 1, nameof(MaxSelectionsPerModule));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOptions, 1, nameof(MaxOptions));
        ArgumentOutOfRangeException.ThrowIfNegative(CircuitEdgeBudget, nameof(CircuitEdgeBudget));
        ArgumentOutOfRangeException.ThrowIfNegative(CircuitDecisionBudget, nameof(CircuitDecisionBudget));
        ArgumentOutOfRangeException.ThrowIfLessThan(PriceRangeStateBudget, 1, nameof(PriceRangeStateBudget));
    }
}
