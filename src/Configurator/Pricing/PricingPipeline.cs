using System.Runtime.CompilerServices;
using Configurator.Internal;
using Configurator.Solving;

namespace Configurator.Pricing;

/// <summary>
/// Prices configurations: the model's own pricing (base, options, rules, personalization), then
/// each policy in the order added, then rounding once to the currency's minor unit, half away from
/// zero. Immutable and thread-safe; build it with <see cref="PricingPipelineBuilder"/>.
/// </summary>
public sealed class PricingPipeline
{
    // Compiled per model on first use; a model is immutable, so this never goes stale.
    private readonly ConditionalWeakTable<CompiledModel, Tuple<ModelPricing, PriceRangeSolver>> _compiled = new();

    internal PricingPipeline(IReadOnlyList<IPricingPolicy> policies) => Policies = policies;

    /// <summary>A pipeline with the model's pricing only.</summary>
    public static PricingPipeline Default { get; } = new([]);

    /// <summary>The policies after the model's pricing, in order.</summary>
    public IReadOnlyList<IPricingPolicy> Policies { get; }

    /// <summary>The price of a complete configuration, line by line.</summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="configuration">A complete configuration.</param>
    /// <param name="request">Quantity, personalization and customer; defaults when null.</param>
    /// <exception cref="InvalidSelectionException">The configuration names an unknown module or option, or is incomplete.</exception>
    /// <exception cref="ConfiguratorException">The request names an unknown personalization field or gives a value its field refuses (<see cref="ConfiguratorErrorCodes.InvalidPersonalization"/>), or the total is beyond decimal's range (<see cref="ConfiguratorErrorCodes.PriceOverflow"/>).</exception>
    public PriceBreakdown Price(CompiledModel model, Selection configuration, PricingRequest? request = null)
    {
        Guard.NotNull(model);
        Guard.NotNull(configuration);
        request ??= PricingRequest.Default;
        var (pricing, _) = Compiled(model);
        var values = model.ValuesOfComplete(configuration);
        var lines = new List<PriceLine>();
        var context = new PricingContext(pricing, request, lines);
        using var telemetry = Diagnostics.Telemetry.Start("configurator.price", Diagnostics.Telemetry.PricingDuration, null, "operation", "price", model.Model.Id);
        try
        {
            pricing.AddLines(values, request, context);
            var breakdown = Finish(pricing, context);
            telemetry?.End("priced");
            return breakdown;
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("this configuration's total", e);
        }
    }

    /// <summary>
    /// The exact lowest and highest total over every valid completion of a partial configuration,
    /// with a cheapest and a dearest completion; computed without enumerating. Null when no valid
    /// completion exists.
    /// </summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="within">The partial configuration; null for the whole model.</param>
    /// <param name="request">Quantity, personalization and customer; defaults when null.</param>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option.</exception>
    /// <param name="cancellationToken">Stops a long range (many percentage rules over many modules); honoured within milliseconds.</param>
    /// <exception cref="ConfiguratorException">A price is beyond decimal's range (<see cref="ConfiguratorErrorCodes.PriceOverflow"/>), the personalization is invalid, or the range needs more states than <see cref="CompilerOptions.PriceRangeStateBudget"/> (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the pipeline and the model stay usable.</exception>
    public PriceRange? Range(CompiledModel model, Selection? within = null, PricingRequest? request = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(model);
        request ??= PricingRequest.Default;
        var restriction = model.ToRestriction(within);
        using var scope = Interruption.Enter(cancellationToken);
        using var telemetry = Diagnostics.Telemetry.Start("configurator.price_range", Diagnostics.Telemetry.PricingDuration, null, "operation", "range", model.Model.Id);
        var (pricing, solver) = Compiled(model);
        var range = RangeOf(pricing, solver, restriction, request);
        telemetry?.End("priced");
        return range;
    }

    /// <summary>
    /// The exact distribution of totals over every valid completion of a partial configuration:
    /// each total that occurs with how many configurations have it. Computed without enumerating
    /// (one pass up the decision diagram, or the price range's frontier program when the model has
    /// price rules), so it answers for 10^47 configurations. Null when no valid completion exists.
    /// </summary>
    /// <param name="model">The compiled model.</param>
    /// <param name="within">The partial configuration; null for the whole model.</param>
    /// <param name="request">Quantity, personalization and customer; defaults when null. Each model total goes through them as <see cref="Price"/> would take it.</param>
    /// <param name="cancellationToken">Stops a long computation; honoured within milliseconds.</param>
    /// <exception cref="InvalidSelectionException">The selection names an unknown module or option.</exception>
    /// <exception cref="ConfiguratorException">A price is beyond decimal's range (<see cref="ConfiguratorErrorCodes.PriceOverflow"/>), the personalization is invalid, or the totals are spread over more counters than <see cref="CompilerOptions.PriceRangeStateBudget"/> allows, or the model is too large to count within <see cref="CompilerOptions.CircuitDecisionBudget"/> (<see cref="ConfiguratorErrorCodes.LimitExceeded"/>).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the pipeline and the model stay usable.</exception>
    public PriceDistribution? Distribution(CompiledModel model, Selection? within = null, PricingRequest? request = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(model);
        request ??= PricingRequest.Default;
        var restriction = model.ToRestriction(within);
        using var scope = Interruption.Enter(cancellationToken);
        using var telemetry = Diagnostics.Telemetry.Start("configurator.price_distribution", Diagnostics.Telemetry.PricingDuration, null, "operation", "distribution", model.Model.Id);
        var (pricing, solver) = Compiled(model);
        var totals = solver.Distribution(restriction);
        try
        {
            var distribution = PriceDistribution.Of(totals.Select(t => KeyValuePair.Create(Final(pricing, request, t.Key), t.Value)).ToList(), pricing.Currency);
            telemetry?.End("priced");
            return distribution;
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("the totals after personalization and policies", e);
        }
    }

    internal PriceRange? RangeOf(CompiledModel model, Restriction restriction, PricingRequest request)
    {
        var (pricing, solver) = Compiled(model);
        return RangeOf(pricing, solver, restriction, request);
    }

    /// <summary>
    /// Per module and value, the lowest price (personalization and policies applied) of a valid
    /// configuration taking the value with every other module kept to the restriction: one pass
    /// over the decision diagram or the clause engine's circuit, or the frontier program's forward
    /// and backward passes when the model has price rules or neither. <paramref name="usable"/>,
    /// the restriction's usable values where the caller has them, saves finding them again when no
    /// value has a price.
    /// </summary>
    internal decimal?[][] CheapestPerValue(CompiledModel model, Restriction restriction, PricingRequest request, bool[][]? usable = null)
    {
        var (pricing, solver) = Compiled(model);
        return Final(pricing, request, solver.CheapestPerValue(restriction, usable));
    }

    /// <summary>
    /// A priced session step's two answers, the range of <see cref="RangeOf(CompiledModel, Restriction, PricingRequest)"/>
    /// and the table of <see cref="CheapestPerValue"/>, from one pass of the frontier program where
    /// that prices the model; null when nothing is valid.
    /// </summary>
    internal (PriceRange Range, decimal?[][] PerValue)? RangeAndCheapestPerValue(CompiledModel model, Restriction restriction, PricingRequest request, bool[][]? usable = null)
    {
        var (pricing, solver) = Compiled(model);
        return solver.RangeAndCheapestPerValue(restriction, usable) is ({ } range, { } table)
            ? (ToPriceRange(pricing, request, range), Final(pricing, request, solver.SharesAnswers ? Copy(table) : table))
            : null;
    }

    /// <summary>A table of model totals with personalization and policies, in place.</summary>
    private decimal?[][] Final(ModelPricing pricing, PricingRequest request, decimal?[][] table)
    {
        try
        {
            foreach (var values in table)
            {
                for (var value = 0; value < values.Length; value++)
                {
                    values[value] = values[value] is { } total ? Final(pricing, request, total) : null;
                }
            }
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("the prices after personalization and policies", e);
        }

        return table;
    }

    private static decimal?[][] Copy(decimal?[][] table) => [.. table.Select(values => (decimal?[])values.Clone())];

    /// <summary>The best-scoring valid configuration (cheapest among equals) and its score; null when none is valid.</summary>
    internal (decimal Score, Selection Configuration)? Optimize(CompiledModel model, Restriction restriction, decimal[][] scores)
    {
        var (_, solver) = Compiled(model);
        return solver.Optimize(restriction, scores) is { } best ? (best.Score, model.ToSelection(best.Configuration)) : null;
    }

    /// <summary>The lowest and highest sum of the scores over the valid configurations, without a configuration for either; null when nothing is valid.</summary>
    internal (decimal Min, decimal Max)? ScoreRange(CompiledModel model, Restriction restriction, decimal[][] scores) =>
        Compiled(model).Solver.ScoreRange(restriction, scores);

    private PriceRange? RangeOf(ModelPricing pricing, PriceRangeSolver solver, Restriction restriction, PricingRequest request) =>
        solver.Solve(restriction) is { } range ? ToPriceRange(pricing, request, range) : null;

    /// <summary>A range of model totals with personalization and policies, and the configurations at its ends.</summary>
    private PriceRange ToPriceRange(ModelPricing pricing, PricingRequest request, (decimal Min, int[] Cheapest, decimal Max, int[] Dearest) range)
    {
        decimal min, max;
        try
        {
            (min, max) = (Final(pricing, request, range.Min), Final(pricing, request, range.Max));
        }
        catch (OverflowException e)
        {
            throw PriceOverflow.For("the range's ends after personalization and policies", e);
        }

        return new PriceRange(
            new Money(min, pricing.Currency),
            new Money(max, pricing.Currency),
            pricing.Model.ToSelection(range.Cheapest),
            pricing.Model.ToSelection(range.Dearest));
    }

    /// <summary>A model total with personalization and policies: they add a constant and are non-decreasing, so a range's ends map through them.</summary>
    private decimal Final(ModelPricing pricing, PricingRequest request, decimal modelTotal)
    {
        var total = modelTotal + pricing.Personalization(request).Sum(p => p.Price);
        if (Policies.Count == 0)
        {
            // Nothing to apply: no context (a session step asks once per module value).
            return pricing.Round(total);
        }

        var context = new PricingContext(pricing, request, []);
        context.Start(total);
        foreach (var policy in Policies)
        {
            policy.Apply(context);
        }

        return pricing.Round(context.Total);
    }

    private PriceBreakdown Finish(ModelPricing pricing, PricingContext context)
    {
        foreach (var policy in Policies)
        {
            policy.Apply(context);
        }

        // The total is rounded once; each line is shown in the currency's minor unit too, and the
        // rounding line takes up the difference, so the lines still add up exactly to the total.
        var rounded = pricing.Round(context.Total);
        var lines = context.Lines.Select(line => line with { Amount = pricing.Round(line.Amount) }).ToList();
        var difference = rounded - lines.Sum(line => line.Amount);
        if (difference != 0)
        {
            lines.Add(new PriceLine(PriceLineKind.Rounding, "rounding", context.Text.Phrases.Rounding, difference));
        }

        return new PriceBreakdown([.. lines], new Money(rounded, pricing.Currency));
    }

    private (ModelPricing Pricing, PriceRangeSolver Solver) Compiled(CompiledModel model)
    {
        var compiled = _compiled.GetValue(model, m =>
        {
            var pricing = new ModelPricing(m);
            return Tuple.Create(pricing, new PriceRangeSolver(pricing));
        });
        return (compiled.Item1, compiled.Item2);
    }
}
