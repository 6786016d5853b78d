using System.Collections.Immutable;
using Configurator.Internal;

namespace Configurator.Solving;

public sealed partial class CompiledModel
{
    /// <summary>The most valid interactions a covering sample or a coverage measure works through.</summary>
    public const int MaxInteractions = 2_000_000;

    /// <summary>
    /// A small set of valid configurations that together contain every valid t-wise interaction of
    /// options (see <see cref="InteractionCoverage"/>), for testing a configurable product: t = 2
    /// gives a pairwise sample. Greedy, as YASA and ICPL are: each configuration takes as many
    /// uncovered interactions as stay satisfiable together, then is completed at random (on a model
    /// too large to count, as the solver completes it). The same seed gives the same sample.
    /// </summary>
    /// <param name="strength">t: 1, 2 or 3.</param>
    /// <param name="seed">The seed for the order interactions are tried in and for completing configurations.</param>
    /// <param name="cancellationToken">Stops a long run; honoured within milliseconds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strength"/> is not 1, 2 or 3.</exception>
    /// <exception cref="InvalidOperationException">The model has more than <see cref="MaxInteractions"/> candidate interactions of that strength.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the model stays usable.</exception>
    public CoveringSample SampleCovering(int strength, int seed = 0, CancellationToken cancellationToken = default)
    {
        using var scope = Interruption.Enter(cancellationToken);
        var cover = new InteractionSpace(this, strength, "use a lower strength or uniform samples");
        var valid = cover.ValidInteractions();
        var random = new Random(seed);
        var order = Enumerable.Range(0, valid.Count).ToArray();
        random.Shuffle(order);
        var covered = new bool[valid.Count];
        var remaining = valid.Count;
        var configurations = ImmutableArray.CreateBuilder<Selection>();
        // t = 1 on the clause engine: each configuration is the one with the most uncovered options
        // (one pass over the circuit), or without a circuit the solver's first answer when it tries
        // them first. The greedy below narrows option by option, a pass of usable values each: 73 s
        // on automotive2_4, past 15 minutes on the Linux kernel's model.
        var clauses = strength == 1 ? _engine as Boolean.BooleanEngine : null;
        var onCircuit = clauses?.Circuit is not null;
        decimal[][] ties = !onCircuit ? [] : [.. Domains.Select(d => Enumerable.Range(0, d.ValueCount).Select(_ => (decimal)random.Next(1 << 20)).ToArray())];
        // A model without configurations has no valid interactions, so the loop never starts.
        while (remaining > 0)
        {
            var values = clauses is null ? Greedy(cover, valid, order, covered, random) : MostUncovered(clauses, onCircuit, cover, valid, order, covered, ties);
            var before = remaining;
            for (var i = 0; i < valid.Count; i++)
            {
                if (!covered[i] && cover.Holds(valid[i], values))
                {
                    covered[i] = true;
                    remaining--;
                }
            }

            configurations.Add(ToSelection(values));
            if (remaining == before)
            {
                // Every interaction left is valid, so the first one tried always fits: a configuration that covers nothing is a bug, and looping on would never end.
                throw new InvalidOperationException($"The covering sample stopped making progress with {remaining:N0} interactions left; please report it with the model.");
            }
        }

        return new CoveringSample(configurations.ToImmutable(), new InteractionCoverage(strength, valid.Count, valid.Count - remaining));
    }

    /// <summary>
    /// One configuration of the greedy cover: each uncovered interaction, in the shuffled order,
    /// that still fits with those taken so far narrows the restriction; then a completion, uniform
    /// where the engine counts, else as its solver finds it (the interactions are covered all the same).
    /// </summary>
    private int[] Greedy(InteractionSpace cover, List<int[]> valid, int[] order, bool[] covered, Random random)
    {
        var restriction = new Restriction(Domains.Length);
        var usable = _engine.UsableValues(restriction);
        foreach (var index in order)
        {
            Interruption.Poll();
            var open = covered[index] ? -1 : cover.Open(valid[index], usable, restriction);
            if (open <= 0)
            {
                // Covered, cannot fit, or held by every configuration of the restriction already.
                continue;
            }

            var probe = restriction.Copy();
            cover.Restrict(probe, valid[index]);
            if (open == 1 || _engine.Exists(probe))
            {
                restriction = probe;
                usable = _engine.UsableValues(restriction);
            }
        }

        if (_engine.CountWithinBudget(restriction) is { } total)
        {
            var values = new int[Domains.Length];
            _engine.Unrank(restriction, RandomBelow(random, total), values);
            return values;
        }

        // Find! : every restriction the loop kept has a configuration.
        return Find(restriction)!;
    }

    /// <summary>
    /// For t = 1 on the clause engine: on a circuit, the valid configuration that takes the most
    /// uncovered options (an option counts 1 for each uncovered element its value holds), the seed's
    /// random tie weights choosing among equals, in one pass over the circuit and a walk down.
    /// Without one, the solver's configuration when it tries the uncovered options first; should
    /// that cover nothing new, the first uncovered option in the shuffled order is imposed.
    /// </summary>
    private int[] MostUncovered(Boolean.BooleanEngine clauses, bool onCircuit, InteractionSpace cover, List<int[]> valid, int[] order, bool[] covered, decimal[][] ties)
    {
        Interruption.Poll();
        var gain = Domains.Select(d => new decimal[d.ValueCount]).ToArray();
        for (var i = 0; i < valid.Count; i++)
        {
            if (!covered[i])
            {
                var (module, mask) = cover.Element(valid[i][0]);
                for (var v = 0; v < mask.Length; v++)
                {
                    gain[module][v] -= mask[v] ? 1 : 0;
                }
            }
        }

        var everything = new Restriction(Domains.Length);
        if (onCircuit)
        {
            // The ! is safe: an uncovered interaction is valid, so a valid configuration exists.
            return clauses.Cheapest(everything, (m, v) => gain[m][v], (m, v) => ties[m][v])!.Value.Values;
        }

        // The ! are safe: every interaction left is valid.
        var values = clauses.FindPreferring(everything, (m, v) => gain[m][v] < 0)!;
        if (!valid.Where((interaction, i) => !covered[i] && cover.Holds(interaction, values)).Any())
        {
            var first = order.First(i => !covered[i]);
            cover.Restrict(everything, valid[first]);
            values = clauses.FindPreferring(everything, (m, v) => gain[m][v] < 0)!;
        }

        return values;
    }

    /// <summary>How many valid t-wise interactions <paramref name="configurations"/> cover (configurations the model does not allow cover none).</summary>
    /// <param name="configurations">Complete configurations.</param>
    /// <param name="strength">t: 1, 2 or 3.</param>
    /// <param name="cancellationToken">Stops a long run; honoured within milliseconds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strength"/> is not 1, 2 or 3.</exception>
    /// <exception cref="InvalidSelectionException">A configuration names an unknown module or option.</exception>
    /// <exception cref="InvalidOperationException">The model has more than <see cref="MaxInteractions"/> candidate interactions of that strength.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the model stays usable.</exception>
    public InteractionCoverage MeasureCoverage(IEnumerable<Selection> configurations, int strength, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(configurations);
        using var scope = Interruption.Enter(cancellationToken);
        var cover = new InteractionSpace(this, strength, "measure a lower strength");
        var valid = cover.ValidInteractions();
        var keys = new Dictionary<long, int>(valid.Count);
        for (var i = 0; i < valid.Count; i++)
        {
            keys[InteractionSpace.Key(valid[i])] = i;
        }

        var covered = new bool[valid.Count];
        var count = 0L;
        var invalid = 0;
        foreach (var configuration in configurations)
        {
            Interruption.Poll();
            if (!Validate(configuration).IsValid)
            {
                invalid++;
                continue;
            }

            var values = new int[Domains.Length];
            for (var m = 0; m < Domains.Length; m++)
            {
                values[m] = ValueOfOrMinusOne(m, configuration.Choices.TryGetValue(Domains[m].Module.Id, out var chosen) ? chosen : default);
            }

            foreach (var interaction in cover.Contained(values))
            {
                if (keys.TryGetValue(InteractionSpace.Key(interaction), out var index) && !covered[index])
                {
                    covered[index] = true;
                    count++;
                }
            }
        }

        return new InteractionCoverage(strength, valid.Count, count) { InvalidConfigurations = invalid };
    }
}
