using System.Collections.Immutable;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Solving.Constraints;
using Configurator.Solving.Diagrams;
using Configurator.Solving.Domains;
using Configurator.Solving.Search;
using Configurator.Validation;

namespace Configurator.Solving;

/// <summary>
/// Compiles a product model once into an immutable <see cref="CompiledModel"/>: validates it, turns
/// names into indices, tabulates constraints, orders the modules, and builds a decision diagram
/// (or, past the node budget, prepares the search engine). Presets are checked against the
/// constraints here. Thread-safe.
/// </summary>
public static class ModelCompiler
{
    // Below this many constraints they are compiled on the calling thread alone.
    private const int ParallelConstraints = 1_024;

    // The frontier builder is fast but its unreduced levels grow with the path width; past this many
    // nodes the residual builder, slower per node but reduced as it goes, takes over.
    private const int FrontierNodeBudget = 250_000;

    // The residual builder makes one decision (with propagation) per step and gives up after the
    // node budget divided by this many steps: Renault Mégane needs under 40,000 steps.
    private const int NodesPerResidualStep = 32;

    // Feature models with more modules than this are ordered breadth-first (the min-width orders
    // take seconds on thousands of modules); a frontier wider than this many yes/no modules is not
    // worth a diagram attempt.
    private const int LargeFeatureModel = 200;
    private const int FeatureFrontierLimit = 30;

    /// <summary>Compiles a model; never throws for an invalid one.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <param name="cancellationToken">Stops a long compilation (a large diagram or clause encoding); honoured within milliseconds.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static CompilationResult Compile(ProductModel model, CompilerOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(model);
        using var telemetry = Diagnostics.Telemetry.Start("configurator.compile", Diagnostics.Telemetry.CompileDuration, null, "engine", "none", model.Id);
        var result = CompileChecked(model, options, cancellationToken);
        telemetry?.Retag(result.Model?.EngineTag ?? "none");
        telemetry?.End(result.Succeeded ? "compiled" : "invalid");
        return result;
    }

    private static CompilationResult CompileChecked(ProductModel model, CompilerOptions? options, CancellationToken cancellationToken)
    {
        options ??= new CompilerOptions();
        options.Validate();
        using var scope = Interruption.Enter(cancellationToken);

        var optionCount = model.Modules.Sum(m => (long)m.Options.Count);
        if (optionCount > options.MaxOptions)
        {
            return new CompilationResult(null, [new ModelError(ModelErrorCodes.ModelTooLarge, "$.modules",
                $"The model has {optionCount:N0} options in all; compiling takes at most {options.MaxOptions:N0} (CompilerOptions.MaxOptions). Raise the limit or split the model.")]);
        }

        var validation = ProductModelValidation.Validate(model, cancellationToken);
        if (!validation.IsValid)
        {
            return new CompilationResult(null, validation.Errors);
        }

        // From here on the model as of the day: what is not in effect is left out (presets' errors name their place in the file).
        var asOf = options.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var file = model;
        model = Effectivity.AsOf(model, asOf);

        var errors = ImmutableArray.CreateBuilder<ModelError>();
        var domains = new List<ModuleDomain>();
        for (var i = 0; i < model.Modules.Count; i++)
        {
            var module = model.Modules[i];
            if (ModuleDomain.Create(module, i, options.MaxSelectionsPerModule) is { } domain)
            {
                domains.Add(domain);
            }
            else
            {
                errors.Add(new ModelError(ModelErrorCodes.ModuleTooLarge, $"$.modules[{i}]", module.Options.Count > 64 && module.IsMultiSelect
                    ? $"Multi-select module '{module.Id}' has {module.Options.Count} options; at most 64 are supported. Split it into several modules."
                    : $"Module '{module.Id}' permits more than {options.MaxSelectionsPerModule:N0} different selections (CompilerOptions.MaxSelectionsPerModule); lower its max, split it, or raise the limit."));
            }
        }

        if (errors.Count > 0)
        {
            return new CompilationResult(null, errors.ToImmutable());
        }

        var moduleIndex = model.Modules.Select((m, i) => (m.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var constraints = CompileConstraints(model, domains, moduleIndex);
        // A model of yes/no modules with an exact clause form is a feature model: past a small frontier
        // its diagram does not fit, and finding that out took seconds (the residual builder ran for
        // minutes on embtoolkit), so it goes to the clause engine after one cheap attempt at most.
        // Other models are encoded only if their diagram does not fit.
        var formula = new Lazy<Boolean.CnfFormula?>(() => options.ForceSearchEngine ? null : Boolean.CnfEncoder.TryEncode(domains, constraints, out _));
        var featureModel = (options.ForceBooleanEngine || domains.All(d => d.ValueCount <= 2)) && formula.Value is not null;
        var plan = featureModel && domains.Count > LargeFeatureModel
            ? LevelPlan.Create(VariableOrder.BreadthFirst(domains.Count, constraints), constraints)
            : LevelPlan.Create(domains, constraints);

        // Propagators cost seconds on large feature models (tables of every clause); the clause
        // engine never needs them, so they are built on first use.
        var propagation = new Lazy<Propagation>(() => new Propagation(domains, constraints, options.Propagators));
        var diagram = options.ForceSearchEngine || options.ForceBooleanEngine ? null
            : featureModel ? BuildFeatureDiagram(plan, domains, options.NodeBudget)
            : BuildDiagram(plan, domains, constraints, propagation.Value, options.NodeBudget);
        var search = new Lazy<SearchEngine>(() => new SearchEngine(plan, domains, propagation.Value));
        ISolverEngine engine = diagram is not null ? diagram
            : formula.Value is { } clauses ? new Boolean.BooleanEngine(clauses, domains, plan.Order, options.CircuitEdgeBudget, options.CircuitDecisionBudget)
            : search.Value;
        var compiled = new CompiledModel(model, moduleIndex, [.. domains], constraints, diagram?.Plan ?? plan, engine, diagram) { PriceRangeStateBudget = options.PriceRangeStateBudget, AsOf = asOf };

        for (var i = 0; i < model.Presets.Count; i++)
        {
            var report = compiled.Validate(new Selection(model.Presets[i].Selections));
            if (!report.IsValid)
            {
                var broken = string.Join(", ", report.Violations.Select(v => v.ConstraintId ?? v.ModuleId));
                var at = file.Presets.AsImmutableArray().IndexOf(model.Presets[i]);
                errors.Add(new ModelError(ModelErrorCodes.PresetViolatesConstraints, $"$.presets[{at}]",
                    $"Preset '{model.Presets[i].Id}' is not a valid configuration: it breaks {broken}. {report.Violations[0].Message}"));
            }
        }

        return errors.Count > 0 ? new CompilationResult(null, errors.ToImmutable()) : new CompilationResult(compiled, []);
    }

    /// <summary>
    /// The constraints compiled, each on its own (they only read the domains), so a model of
    /// thousands is compiled on every core: automotive2_4's 23,297 rules are a tenth of its whole
    /// count on one core.
    /// </summary>
    private static ImmutableArray<CompiledConstraint> CompileConstraints(ProductModel model, List<ModuleDomain> domains, Dictionary<string, int> moduleIndex)
    {
        var compiled = new CompiledConstraint[model.Constraints.Count];
        if (compiled.Length < ParallelConstraints || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < compiled.Length; i++)
            {
                Interruption.Poll();
                compiled[i] = ConstraintCompiler.Compile(model.Constraints[i], i, domains, moduleIndex);
            }
        }
        else
        {
            // Each worker watches the caller's token as the caller's own loops do.
            var token = Interruption.Current;
            try
            {
                Parallel.For(0, compiled.Length, new ParallelOptions { CancellationToken = token }, i =>
                {
                    using var scope = Interruption.Enter(token);
                    compiled[i] = ConstraintCompiler.Compile(model.Constraints[i], i, domains, moduleIndex);
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(compiled);
    }

    /// <summary>A feature model's one diagram attempt: the frontier builder, and only when the frontier is narrow.</summary>
    private static DecisionDiagram? BuildFeatureDiagram(LevelPlan plan, List<ModuleDomain> domains, int nodeBudget) =>
        plan.FrontierWidth <= FeatureFrontierLimit ? DiagramBuilder.Build(plan, domains, Math.Min(nodeBudget, FrontierNodeBudget)) : null;

    /// <summary>
    /// The frontier builder first; past its budget the residual builder, in breadth-first order:
    /// along it tables linked in chains and trees leave few distinct residues (Renault Mégane's
    /// diagram has 20,394 nodes in it; 300,086 in the plan's min-frontier order, 159,480 in the
    /// greedy one, 323,846 in min-fill order), and a second order only doubled the time spent on
    /// models that fit none (BusyBox).
    /// </summary>
    private static DecisionDiagram? BuildDiagram(LevelPlan plan, List<ModuleDomain> domains, ImmutableArray<CompiledConstraint> constraints, Propagation propagation, int nodeBudget)
    {
        if (DiagramBuilder.Build(plan, domains, Math.Min(nodeBudget, FrontierNodeBudget)) is { } diagram)
        {
            return diagram;
        }

        var steps = Math.Max(1, nodeBudget / NodesPerResidualStep);
        var breadthFirst = LevelPlan.Create(VariableOrder.BreadthFirst(domains.Count, constraints), constraints);
        return ResidualDiagramBuilder.Build(breadthFirst, domains, propagation, nodeBudget, steps);
    }
}
