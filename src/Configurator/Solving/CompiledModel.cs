using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Solving.Constraints;
using Configurator.Solving.Diagrams;
using Configurator.Solving.Domains;

namespace Configurator.Solving;

/// <summary>
/// A product model compiled for solving: counts, enumerates, samples and validates configurations.
/// Immutable and thread-safe: one instance serves every thread of a shop backend, and every call
/// keeps its state to itself. Create it with <see cref="ModelCompiler.Compile"/>.
/// </summary>
public sealed partial class CompiledModel
{
    private readonly ISolverEngine _engine;
    private readonly DecisionDiagram? _diagram;
    private readonly Dictionary<string, int> _moduleIndex;

    // [module][value] → the option ids of that value, shared so that views never allocate.
    private readonly ImmutableArray<ImmutableArray<ImmutableArray<string>>> _optionIds;

    /// <summary>The compile-time limit on the exact price range's states (<see cref="CompilerOptions.PriceRangeStateBudget"/>).</summary>
    internal int PriceRangeStateBudget { get; init; } = new CompilerOptions().PriceRangeStateBudget;

    internal CompiledModel(ProductModel model, Dictionary<string, int> moduleIndex, ImmutableArray<ModuleDomain> domains, ImmutableArray<CompiledConstraint> constraints, LevelPlan plan, ISolverEngine engine, DecisionDiagram? diagram)
    {
        Model = model;
        Domains = domains;
        Constraints = constraints;
        Plan = plan;
        _engine = engine;
        _diagram = diagram;
        _moduleIndex = moduleIndex;
        _optionIds = [.. domains.Select(d => d.Values.Select(v => v.Select(o => d.Module.Options[o].Id).ToImmutableArray()).ToImmutableArray())];
        _checker = new Lazy<Explanations.ConsistencyChecker>(
            () => new Explanations.ConsistencyChecker(domains, [.. constraints.Select(c => Search.Propagator.Create(c, domains))]),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<Explanations.ConsistencyChecker> _checker;

    /// <summary>The day the model was compiled for (<see cref="CompilerOptions.AsOf"/>): what is not in effect then is left out.</summary>
    public DateOnly AsOf { get; internal init; }

    /// <summary>The model this was compiled from.</summary>
    public ProductModel Model { get; }

    /// <summary>The engine itself, for tests and measurements of what it does inside.</summary>
    internal ISolverEngine Solver => _engine;

    /// <summary>Which engine the compiler picked.</summary>
    public SolverEngineKind Engine => _engine switch
    {
        DecisionDiagram => SolverEngineKind.Diagram,
        Boolean.BooleanEngine => SolverEngineKind.Boolean,
        _ => SolverEngineKind.Search,
    };

    /// <summary>The number of decision-diagram nodes; 0 with the search and clause engines.</summary>
    public int DiagramNodeCount => _diagram?.NodeCount ?? 0;

    /// <summary>The number of decision-diagram edges; 0 with the search and clause engines.</summary>
    public int DiagramEdgeCount => _diagram?.EdgeCount ?? 0;

    internal ImmutableArray<ModuleDomain> Domains { get; }

    internal ImmutableArray<CompiledConstraint> Constraints { get; }

    internal LevelPlan Plan { get; }

    /// <summary>The decision diagram, when the model compiled to one.</summary>
    internal DecisionDiagram? Diagram => _diagram;

    /// <summary>The exact number of valid configurations, optionally among those that extend a partial selection. Does not enumerate.</summary>
    /// <param name="within">A partial selection the configurations must extend; null for all.</param>
    /// <param name="cancellationToken">Stops a long count (a large model's search); honoured within milliseconds.</param>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option, or a selection a module does not permit.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the model stays usable.</exception>
    public BigInteger Count(Selection? within = null, CancellationToken cancellationToken = default)
    {
        var restriction = ToRestriction(within);
        using var scope = Interruption.Enter(cancellationToken);
        using var telemetry = Diagnostics.Telemetry.Start("configurator.count", null, Diagnostics.Telemetry.Counts, "engine", EngineTag, Model.Id);
        var count = _engine.Count(restriction);
        telemetry?.End("counted");
        return count;
    }

    /// <summary>The engine's name as metrics and traces tag it.</summary>
    internal string EngineTag => Engine switch
    {
        SolverEngineKind.Diagram => "diagram",
        SolverEngineKind.Search => "search",
        _ => "boolean",
    };

    /// <summary>
    /// For every option, how many valid configurations (extending <paramref name="within"/>) select
    /// it: rarely used options stand out as variety that costs more than it sells.
    /// </summary>
    /// <param name="within">A partial selection; null for all.</param>
    /// <param name="cancellationToken">Stops the counts; honoured within milliseconds.</param>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option.</exception>
    /// <exception cref="ConfiguratorException">The model is too large to count within <see cref="CompilerOptions.CircuitDecisionBudget"/> (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>): a count per option would not finish either.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the model stays usable.</exception>
    public IReadOnlyList<OptionCount> CountPerOption(Selection? within = null, CancellationToken cancellationToken = default)
    {
        var restriction = ToRestriction(within);
        using var scope = Interruption.Enter(cancellationToken);

        // On a circuit every value's count comes from one pass (a count per option made
        // `configurator stats` on automotive2_4 take 21 s, now 6 s with the compile); a module
        // the selection restricts is counted on its own.
        var perValue = CountsPerValue(restriction);
        if (perValue is null && _engine is Boolean.BooleanEngine)
        {
            // Without a circuit (the Linux kernel's model) each of thousands of counts would run for hours.
            CountOrRefuse(restriction, "Counting per option", "ask which options are available (a session's view) instead");
        }

        var counts = new List<OptionCount>();
        for (var m = 0; m < Domains.Length; m++)
        {
            var domain = Domains[m];
            for (var o = 0; o < domain.Module.Options.Count; o++)
            {
                var option = o;
                BigInteger count;
                if (perValue is not null && restriction.AllowedValues(m) is null)
                {
                    count = BigInteger.Zero;
                    for (var v = 0; v < domain.ValueCount; v++)
                    {
                        count += domain.Contains(v, option) ? perValue[m][v] : BigInteger.Zero;
                    }
                }
                else
                {
                    var probe = restriction.Copy();
                    probe.Restrict(m, [.. Enumerable.Range(0, domain.ValueCount).Select(v => domain.Contains(v, option))]);
                    count = _engine.Count(probe);
                }

                counts.Add(new OptionCount(domain.Module.Id, domain.Module.Options[o].Id, count));
            }
        }

        return counts;
    }

    /// <summary>
    /// The exact lowest and highest value of a numeric option property over every valid completion
    /// of a partial configuration (a window's weight 11.2 to 14.9 kg, the longest lead time), with a
    /// completion reaching each end; computed without enumerating, on every engine. Null when no
    /// valid completion exists.
    /// </summary>
    /// <param name="property">The numeric property, as in the options' <c>properties</c>; an option without it counts 0.</param>
    /// <param name="aggregation">Summed over the selected options (the default) or their largest value.</param>
    /// <param name="within">A partial selection; null for all.</param>
    /// <param name="cancellationToken">Stops the computation; honoured within milliseconds.</param>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option.</exception>
    /// <exception cref="ConfiguratorException">No option has the property or it is text (<see cref="ConfiguratorErrorCodes.UnknownProperty"/>), or the frontier program of a model without a diagram needs more than <see cref="CompilerOptions.PriceRangeStateBudget"/> states (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the model stays usable.</exception>
    public AttributeRange? AttributeRange(string property, AttributeAggregation aggregation = AttributeAggregation.Sum, Selection? within = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(property);
        var restriction = ToRestriction(within);
        using var scope = Interruption.Enter(cancellationToken);
        return AttributeRanges.Solve(this, property, aggregation, restriction);
    }

    internal BigInteger CountOf(Restriction restriction) => _engine.Count(restriction);

    /// <summary>The count a session shows: null when the engine cannot count within its budget (then the restriction allows at least one configuration).</summary>
    internal BigInteger? CountWithinBudget(Restriction restriction) => _engine.CountWithinBudget(restriction);

    /// <summary>The first valid configuration within a restriction that has one (rank 0 on any engine).</summary>
    internal Selection FirstOf(Restriction restriction)
    {
        var values = new int[Domains.Length];
        _engine.Unrank(restriction, BigInteger.Zero, values);
        return ToSelection(values);
    }

    internal bool Exists(Restriction restriction) => _engine.Exists(restriction);

    /// <summary>
    /// Per module and value, how many valid configurations take the value with every other module
    /// kept to the restriction, in one pass where the engine has one (the clause engine's circuit);
    /// null where each needs a count of its own.
    /// </summary>
    internal BigInteger[][]? CountsPerValue(Restriction restriction) => (_engine as Boolean.BooleanEngine)?.CountsPerValue(restriction);

    /// <summary>
    /// Some valid configuration within the restriction (module values), or null when there is none:
    /// the diagram's first, the first the search engine enumerates, or the clause engine's (no count needed).
    /// </summary>
    internal int[]? Find(Restriction restriction)
    {
        if (_engine is Boolean.BooleanEngine clauses)
        {
            return clauses.Find(restriction);
        }

        if (_diagram is not null)
        {
            return _diagram.First(restriction);
        }

        var found = new int[Domains.Length];
        return _engine.Enumerate(restriction, BigInteger.Zero, 1, new int[Domains.Length], this, view =>
        {
            for (var module = 0; module < found.Length; module++)
            {
                found[module] = view.GetValueIndex(module);
            }
        }, CancellationToken.None) == 1 ? found : null;
    }

    /// <summary>Module id to module index.</summary>
    internal IReadOnlyDictionary<string, int> ModuleIndex => _moduleIndex;

    internal bool[][] UsableValues(Restriction restriction) => _engine.UsableValues(restriction);

    /// <summary>On a decision diagram, <see cref="Diagrams.DecisionDiagram.EarliestRefuting"/>; null on the other engines.</summary>
    internal int? EarliestRefuting(Restriction hard, IReadOnlyList<(int Module, bool[] Allowed)> soft, int end) =>
        _engine is Diagrams.DecisionDiagram diagram ? diagram.EarliestRefuting(hard, soft, end) : null;

    // Explanations ask what one choice alone leaves usable, the same few hundred questions for every session.
    private readonly Internal.RememberedAnswers<bool[][]> _usableMemo = new(10_000);

    /// <summary>
    /// <see cref="UsableValues"/> remembered per restriction (up to 10,000): for the small
    /// restrictions explanations ask about again and again. The result is shared; never change it.
    /// </summary>
    internal bool[][] UsableValuesRemembered(Restriction restriction) => _usableMemo.GetOrAdd(restriction, _engine.UsableValues);

    /// <summary>Checks subsets of the constraints, for explanations; built on first use and shared.</summary>
    internal Explanations.ConsistencyChecker Checker => _checker.Value;

    /// <summary>
    /// A minimal set of constraint positions the restriction contradicts, earlier ones kept out
    /// where possible; empty when the domains alone refute it, null when it is consistent. The
    /// clause engine answers on its clauses; the others with the propagation checker.
    /// </summary>
    internal IReadOnlyList<int>? MinimalConflict(Restriction restriction) =>
        _engine is Boolean.BooleanEngine { Explains: true } clauses ? clauses.MinimalConflict(restriction) : Checker.MinimalConflict(restriction);

    internal int ModuleIndexOf(string moduleId) =>
        _moduleIndex.TryGetValue(moduleId, out var index)
            ? index
            : throw new InvalidSelectionException(KnownNames.NoModule(moduleId, [.. Model.Modules.Select(m => m.Id)]), moduleId, null, ConfiguratorErrorCodes.UnknownModule);

    internal IReadOnlyList<string> OptionIdsOf(int module, int value) => _optionIds[module][value];

    internal Selection ToSelection(ReadOnlySpan<int> values)
    {
        var choices = new KeyValuePair<string, EquatableArray<string>>[values.Length];
        for (var m = 0; m < values.Length; m++)
        {
            choices[m] = new(Model.Modules[m].Id, _optionIds[m][values[m]]);
        }

        return new Selection(choices.ToEquatableDictionary());
    }

    /// <summary>Maps a partial selection onto module values; every named module is fixed to exactly the options named.</summary>
    internal Restriction ToRestriction(Selection? within)
    {
        var restriction = new Restriction(Domains.Length);
        if (within is null)
        {
            return restriction;
        }

        foreach (var (moduleId, optionIds) in within.Choices)
        {
            var module = ModuleIndexOf(moduleId);
            restriction.Fix(module, ValueOf(module, optionIds), Domains[module].ValueCount);
        }

        RestrictOptions(restriction, within.Included, required: true);
        RestrictOptions(restriction, within.Excluded, required: false);
        return restriction;
    }

    /// <summary>Keeps, in each named module, the values that select every named option (<paramref name="required"/>) or none of them.</summary>
    private void RestrictOptions(Restriction restriction, EquatableDictionary<EquatableArray<string>> items, bool required)
    {
        foreach (var (moduleId, optionIds) in items)
        {
            var module = ModuleIndexOf(moduleId);
            var domain = Domains[module];
            var allowed = new bool[domain.ValueCount];
            Array.Fill(allowed, true);
            foreach (var id in optionIds)
            {
                var option = domain.OptionIndex(id) ?? throw new InvalidSelectionException(
                    KnownNames.NoOption(moduleId, id, [.. domain.Module.Options.Select(o => o.Id)]), moduleId, id);
                for (var value = 0; value < allowed.Length; value++)
                {
                    allowed[value] &= domain.Contains(value, option) == required;
                }
            }

            restriction.Restrict(module, allowed);
        }
    }

    /// <summary>The value selecting exactly <paramref name="optionIds"/>, or -1 when the module does not permit that many.</summary>
    internal int ValueOfOrMinusOne(int module, IReadOnlyCollection<string> optionIds)
    {
        var domain = Domains[module];
        var options = new List<int>(optionIds.Count);
        foreach (var id in optionIds)
        {
            options.Add(domain.OptionIndex(id) ?? throw new InvalidSelectionException(
                KnownNames.NoOption(domain.Module.Id, id, [.. domain.Module.Options.Select(o => o.Id)]), domain.Module.Id, id));
        }

        return domain.FindValue(CollectionsMarshal.AsSpan(options));
    }

    /// <summary>The values of a complete configuration; throws when it is incomplete or names unknown ids.</summary>
    internal int[] ValuesOfComplete(Selection configuration)
    {
        foreach (var moduleId in configuration.Choices.Keys)
        {
            ModuleIndexOf(moduleId);
        }

        var values = new int[Domains.Length];
        for (var m = 0; m < values.Length; m++)
        {
            var chosen = configuration.Choices.TryGetValue(Model.Modules[m].Id, out var ids) ? ids : default;
            values[m] = ValueOf(m, chosen);
        }

        return values;
    }

    internal bool HasCompletion(Restriction restriction) => _engine.Exists(restriction);

    /// <summary>The value selecting exactly <paramref name="optionIds"/>; throws when the module does not permit that selection.</summary>
    internal int ValueOf(int module, Modeling.EquatableArray<string> optionIds)
    {
        var value = ValueOfOrMinusOne(module, optionIds);
        if (value >= 0)
        {
            return value;
        }

        var m = Domains[module].Module;
        throw new InvalidSelectionException(
            $"Module '{m.Id}' takes {Describe(m)}, but the selection names {optionIds.Count}{(optionIds.Distinct().Count() != optionIds.Count ? " (with repeats)" : "")}: {string.Join("+", optionIds)}.", m.Id, null);
    }

    internal static string Describe(Module module) => ModelText.Cardinality(module, Phrases.English, System.Globalization.CultureInfo.InvariantCulture);
}
