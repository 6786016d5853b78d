using System.Numerics;
using Configurator.Solving.Domains;
using Configurator.Solving.Search;

namespace Configurator.Solving.Boolean;

/// <summary>
/// The engine for large models of yes/no modules (feature models): the model as clauses
/// (<see cref="CnfFormula"/>). On first use beyond a whole count, the counting search is recorded
/// as a <see cref="Circuit"/> (within <paramref name="circuitEdgeBudget"/> edges and
/// <paramref name="circuitDecisionBudget"/> decisions), and counts, availability, existence and
/// sampling under any restriction become passes over it. Without one (the model is too big for a
/// budget), counts come from <see cref="ClauseSearch"/> with components and their cache (a
/// session's within the decision budget), existence and availability from its clause-learning
/// solver, which keeps the configurations it finds (<see cref="Witnesses"/>: a cache that changes
/// no answer) so that later calls need fewer questions.
/// Enumeration runs an odometer over the circuit in its own order, the order of
/// <see cref="Unrank"/> (the search engine's propagation took 35 ms a configuration on
/// automotive2_4), or without a circuit walks the clause-learning solver in the plan's order (the
/// search engine found no configuration of the Linux kernel's model in 5 minutes). Immutable but
/// for that cache; every call builds its own search or its own pass buffers.
/// </summary>
internal sealed class BooleanEngine(CnfFormula formula, IReadOnlyList<ModuleDomain> domains, IReadOnlyList<int> order, int circuitEdgeBudget, int circuitDecisionBudget) : ISolverEngine
{
    // Counting recurses once per decision and component; a thread with a large stack keeps deep models safe.
    internal const int StackBytes = 256 * 1024 * 1024;

    // Recorded once, on first need. Not a Lazy: a cancelled recording must not be cached as the
    // answer for ever after (a Lazy keeps the exception), so a failure leaves it to the next call.
    private readonly Lock _circuitLock = new();
    private Circuit? _circuit;
    private volatile bool _circuitRecorded;

    // Whether the recording ran out of decisions: a count under a session's choices would too, in
    // all likelihood, so a session's view does not spend the budget again at every step.
    private bool _beyondDecisions;

    // Valid configurations the solver found for earlier availability questions, under any
    // restriction: up to 1,024 of them and 8 million module values in all (16 MB; the Linux
    // model's 6,467 modules keep 1,024, 13 MB). A repeated restriction then needs only the
    // questions no configuration answers (its impossible values), and a new session on the Linux
    // model starts in 0.14 s instead of 0.7 s. None for a module of more values than a ushort holds.
    private readonly Lazy<Witnesses> _witnesses = new(() => new Witnesses(
        domains.Any(d => d.ValueCount > ushort.MaxValue + 1) ? 0 : Math.Clamp(8_000_000 / Math.Max(1, domains.Count), 8, 1024)));

    // Built on the first explanation: the clauses again, each constraint's with a selector.
    private readonly Lazy<ClauseExplainer?> _explainer = new(() => ClauseExplainer.Create(formula));

    /// <summary>Whether <see cref="MinimalConflict"/> can answer (the clauses were encoded from the model's constraints).</summary>
    public bool Explains => formula.ClauseOrigins is not null;

    /// <summary>
    /// A minimal set of constraint positions the restriction contradicts (see
    /// <see cref="ClauseExplainer.MinimalConflict"/>): empty when it leaves a module no value or
    /// contradicts the modules alone, null when every constraint holds with it.
    /// </summary>
    public IReadOnlyList<int>? MinimalConflict(Restriction restriction) =>
        Assumptions(restriction) is { } units ? _explainer.Value!.MinimalConflict(units) : [];

    /// <summary>
    /// How the circuit's recording went: its decisions, whether it gave up because it stalled
    /// (<see cref="ClauseSearch.Stalled"/>) and the share of its search it finished
    /// (<see cref="ClauseSearch.Finished"/>); all zero before it ran.
    /// </summary>
    internal (long Decisions, bool Stalled, double Finished) Recording { get; private set; }

    /// <summary>Whether the circuit was recorded, or given up on, already (a warm model).</summary>
    internal bool CircuitRecorded => _circuitRecorded;

    /// <summary>The circuit, compiled on first use; null when it does not fit the budget.</summary>
    public Circuit? Circuit
    {
        get
        {
            if (!_circuitRecorded)
            {
                lock (_circuitLock)
                {
                    if (!_circuitRecorded)
                    {
                        _circuit = circuitEdgeBudget == 0 ? null : OnLargeStack(() =>
                        {
                            var recorder = new ClauseSearch(formula);
                            var circuit = recorder.Compile(circuitEdgeBudget, circuitDecisionBudget);
                            _beyondDecisions = circuit is null && (recorder.Stalled || recorder.Decisions > circuitDecisionBudget);
                            Recording = (recorder.Decisions, recorder.Stalled, recorder.Finished);
                            return circuit;
                        });
                        _circuitRecorded = true;
                    }
                }
            }

            return _circuit;
        }
    }

    public BigInteger Count(Restriction restriction)
    {
        // A whole count (the console's) needs no circuit: the plain counting search is cheaper than recording one.
        if (restriction.IsEmpty && !_circuitRecorded)
        {
            return OnLargeStack(() => CountBySearch([]));
        }

        if (Circuit is { } circuit)
        {
            return CountOn(circuit, restriction);
        }

        return Assumptions(restriction) is { } assumptions ? OnLargeStack(() => CountBySearch(assumptions)) : BigInteger.Zero;
    }

    public BigInteger? CountWithinBudget(Restriction restriction)
    {
        if (Circuit is { } circuit)
        {
            return CountOn(circuit, restriction);
        }

        if (Assumptions(restriction) is not { } assumptions)
        {
            return BigInteger.Zero;
        }

        var count = _beyondDecisions ? null : OnLargeStack(() => new ClauseSearch(formula).Count(assumptions, circuitDecisionBudget));

        // Null promises a configuration: a restriction the solver refutes counts zero.
        return count ?? (new ClauseSearch(formula).Solve(assumptions) ? null : BigInteger.Zero);
    }

    /// <summary>A count by a search of its own, on two threads where there are two cores (a whole count of automotive2_4 splits into 1,143 components).</summary>
    private BigInteger CountBySearch(IReadOnlyList<int> assumptions) =>
        Environment.ProcessorCount > 1 ? new ClauseSearch(formula).CountOnTwoThreads(assumptions) : new ClauseSearch(formula).Count(assumptions);

    private BigInteger CountOn(Circuit circuit, Restriction restriction) =>
        Fixed(restriction) is { } fixedValues ? circuit.Count(fixedValues) : BigInteger.Zero;

    public bool Exists(Restriction restriction)
    {
        if (Circuit is { } circuit)
        {
            return Fixed(restriction) is { } fixedValues && circuit.Exists(fixedValues);
        }

        return Assumptions(restriction) is { } assumptions && new ClauseSearch(formula).Solve(assumptions);
    }

    public ulong Enumerate(Restriction restriction, BigInteger start, ulong limit, int[] values, CompiledModel model, ConfigurationHandler handler, CancellationToken cancellationToken) =>
        Circuit is { } circuit
            ? EnumerateByCircuit(circuit, restriction, start, limit, values, model, handler, cancellationToken)
            : EnumerateBySolver(restriction, start, limit, values, model, handler, cancellationToken);

    /// <summary>The configurations from the start rank in the circuit's order (<see cref="Circuit.Assignments"/>): rank r is <see cref="Unrank"/>'s r.</summary>
    private ulong EnumerateByCircuit(Circuit circuit, Restriction restriction, BigInteger start, ulong limit, int[] values, CompiledModel model, ConfigurationHandler handler, CancellationToken cancellationToken)
    {
        ulong visited = 0;
        if (limit == 0 || Fixed(restriction) is not { } fixedValues)
        {
            return visited;
        }

        foreach (var assignment in circuit.Assignments(fixedValues, start))
        {
            if ((visited & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ValuesOf(assignment, values);
            handler(new ConfigurationView(model, values));
            if (++visited == limit)
            {
                break;
            }
        }

        return visited;
    }

    /// <summary>The configurations from the start rank, without a circuit: the solver's walk (see <see cref="WalkBySolver"/>).</summary>
    private ulong EnumerateBySolver(Restriction restriction, BigInteger start, ulong limit, int[] values, CompiledModel model, ConfigurationHandler handler, CancellationToken cancellationToken)
    {
        ulong visited = 0;
        foreach (var configuration in WalkBySolver(restriction, start, limit, cancellationToken))
        {
            configuration.CopyTo(values, 0);
            handler(new ConfigurationView(model, values));
            visited++;
        }

        return visited;
    }

    /// <summary>
    /// At most <paramref name="limit"/> configurations of the solver's walk from rank
    /// <paramref name="start"/>: without counts a start rank is reached by walking past that many
    /// configurations, so a caller that pages keeps one walk. Each is the same buffer (copy what you keep).
    /// </summary>
    internal IEnumerable<int[]> WalkBySolver(Restriction restriction, BigInteger start, ulong limit, CancellationToken cancellationToken)
    {
        if (limit == 0)
        {
            yield break;
        }

        ulong taken = 0;
        foreach (var configuration in Walk(restriction, cancellationToken))
        {
            if (!start.IsZero)
            {
                start--;
                continue;
            }

            yield return configuration;
            if (++taken == limit)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The configurations in the plan's order, values ascending (the search engine's order), by a
    /// depth-first walk that asks the clause-learning solver before it enters a value, so no
    /// branch it enters is empty. The last configuration the solver found already answers for
    /// the value it takes, so most steps down ask nothing, and the solver keeps the walk's
    /// assumptions between questions. Lazy; each configuration is the same buffer.
    /// </summary>
    private IEnumerable<int[]> Walk(Restriction restriction, CancellationToken cancellationToken)
    {
        var solver = new ClauseSearch(formula);
        var assignment = new bool[formula.VariableCount + 1];
        if (Assumptions(restriction) is not { } assumptions || !solver.Solve(assumptions, assignment, keepAssumptions: true))
        {
            yield break;
        }

        // The latest configuration the solver found; it keeps every value decided above the level.
        var current = new int[domains.Count];
        var isTrue = (int variable) => assignment[variable];
        void Take()
        {
            for (var module = 0; module < current.Length; module++)
            {
                current[module] = formula.ValueOf(module, isTrue);
            }
        }

        Take();
        var next = new int[order.Count + 1];
        var marks = new int[order.Count + 1];
        marks[0] = assumptions.Count;
        for (var level = 0; level >= 0;)
        {
            if (level == order.Count)
            {
                yield return current;
                level--;
                continue;
            }

            var module = order[level];
            var literals = formula.ValueLiterals[module];
            var entered = false;
            while (!entered && next[level] < literals.Length)
            {
                var value = next[level]++;
                if (!restriction.Allows(module, value))
                {
                    continue;
                }

                assumptions.RemoveRange(marks[level], assumptions.Count - marks[level]);
                if (literals[value] != 0)
                {
                    assumptions.Add(literals[value]);
                }

                if (current[module] == value)
                {
                    entered = true;
                }
                else
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    entered = solver.Solve(assumptions, assignment, keepAssumptions: true);
                    if (entered)
                    {
                        Take();
                    }
                }
            }

            if (!entered)
            {
                level--;
                continue;
            }

            level++;
            next[level] = 0;
            marks[level] = assumptions.Count;
        }
    }

    public bool[][] UsableValues(Restriction restriction) =>
        Circuit is { } circuit ? UsableValues(circuit, restriction) : UsableValuesBySearch(restriction, out _);

    /// <summary>
    /// Usable values from the clause-learning solver, for a model without a circuit;
    /// <paramref name="solves"/> says how many questions it asked (for tests and measurements).
    /// </summary>
    internal bool[][] UsableValuesBySearch(Restriction restriction, out int solves)
    {
        // One solver for the whole call (its learnt clauses carry over); every configuration found
        // shows a usable value of each module at once, so most values never need a question of
        // their own, and neither do those that a configuration found by an earlier call shows.
        var usable = domains.Select(d => new bool[d.ValueCount]).ToArray();
        var restricted = Restricted(restriction);
        MarkWitnesses(restriction, restricted, usable);

        // Each restricted module's units, so that a question about one module's value keeps the
        // others' without copying the restriction (a copy per module was 365 MB a call on Linux).
        var unitsOf = new List<int>?[domains.Count];
        var empty = new List<int>();
        foreach (var module in restricted)
        {
            var units = new List<int>();
            unitsOf[module] = units;
            if (!formula.AddRestriction(module, restriction.AllowedValues(module)!, units))
            {
                empty.Add(module);
            }
        }

        var solver = new ClauseSearch(formula);
        var model = new bool[formula.VariableCount + 1];
        solves = 1;
        if (empty.Count == 0 && solver.Solve([.. restricted.SelectMany(m => unitsOf[m]!)], model))
        {
            Mark(Found(model), usable);
        }

        var assumptions = new List<int>();
        for (var module = 0; module < domains.Count; module++)
        {
            // Another module left without a value leaves this one none either.
            if (empty.Count > 1 || (empty.Count == 1 && empty[0] != module))
            {
                continue;
            }

            for (var value = 0; value < usable[module].Length; value++)
            {
                if (usable[module][value])
                {
                    continue;
                }

                assumptions.Clear();
                foreach (var other in restricted)
                {
                    if (other != module)
                    {
                        assumptions.AddRange(unitsOf[other]!);
                    }
                }

                var only = new bool[usable[module].Length];
                only[value] = true;
                formula.AddRestriction(module, only, assumptions);
                PreferUnseen(solver, usable);
                solves++;
                if (solver.Solve(assumptions, model))
                {
                    var found = Found(model);
                    if (restriction.Allows(module, value))
                    {
                        // The configuration meets the whole restriction: it shows a usable value of every module.
                        Mark(found, usable);
                    }

                    usable[module][value] = true;
                }
            }
        }

        return usable;
    }

    /// <summary>
    /// Marks what earlier calls' configurations show: one that meets the whole restriction shows a
    /// usable value of every module; one that breaks only module m's restriction, a usable value of m.
    /// </summary>
    private void MarkWitnesses(Restriction restriction, int[] restricted, bool[][] usable)
    {
        foreach (var witness in _witnesses.Value.Snapshot())
        {
            var broken = -1;
            foreach (var module in restricted)
            {
                if (!restriction.Allows(module, witness[module]))
                {
                    broken = broken == -1 ? module : -2;
                }
            }

            if (broken == -1)
            {
                Mark(witness, usable);
            }
            else if (broken >= 0)
            {
                usable[broken][witness[broken]] = true;
            }
        }
    }

    /// <summary>The modules the restriction restricts, in order.</summary>
    private int[] Restricted(Restriction restriction) =>
        [.. Enumerable.Range(0, domains.Count).Where(m => restriction.AllowedValues(m) is not null)];

    /// <summary>The modules' values in a configuration the solver found, kept for later calls.</summary>
    private ushort[] Found(bool[] model)
    {
        var values = new ushort[domains.Count];
        for (var module = 0; module < values.Length; module++)
        {
            values[module] = (ushort)formula.ValueOf(module, v => model[v]);
        }

        _witnesses.Value.Add(values);
        return values;
    }

    public void Unrank(Restriction restriction, BigInteger rank, int[] values)
    {
        if (Circuit is { } circuit && Fixed(restriction) is { } fixedValues)
        {
            // The circuit's own order: any fixed order ranks uniformly, and this one costs one pass.
            ValuesOf(circuit.Unrank(fixedValues, rank)).CopyTo(values, 0);
            return;
        }

        UnrankBySearch(restriction, rank, values);
    }

    private void UnrankBySearch(Restriction restriction, BigInteger rank, int[] values) => OnLargeStack(() =>
    {
        // Module by module in the plan's order, as the other engines rank: the first value whose
        // completions reach past the rank, then the rank within it. One counter (a count leaves it
        // as it found it, and its cache holds whatever the assumptions), the fixed values appended.
        var counter = new ClauseSearch(formula);
        var assumptions = Assumptions(restriction) ?? [];
        foreach (var module in order)
        {
            var literals = formula.ValueLiterals[module];
            for (var value = 0; value < literals.Length; value++)
            {
                if (!restriction.Allows(module, value))
                {
                    continue;
                }

                if (literals[value] != 0)
                {
                    assumptions.Add(literals[value]);
                }

                var below = counter.Count(assumptions);
                if (rank < below || value == literals.Length - 1)
                {
                    values[module] = value;
                    break;
                }

                rank -= below;
                if (literals[value] != 0)
                {
                    assumptions.RemoveAt(assumptions.Count - 1);
                }
            }
        }

        return 0;
    });

    /// <summary>
    /// Some valid configuration within the restriction (module values), or null when there is none:
    /// the circuit's (<see cref="Circuit.Any"/>), or the clause-learning solver's answer without one
    /// (a count, which ranking needs, may not finish on such a model).
    /// </summary>
    public int[]? Find(Restriction restriction)
    {
        if (Circuit is { } circuit)
        {
            return Fixed(restriction) is { } fixedValues && circuit.Any(fixedValues) is { } assignment ? ValuesOf(assignment) : null;
        }

        return FindPreferring(restriction, null);
    }

    /// <summary>
    /// A valid configuration within the restriction that the clause-learning solver finds when it
    /// tries the values <paramref name="preferred"/> marks first (its saved phases; none when null),
    /// or null when none is valid: no optimum, one solver call, for a model without a circuit.
    /// </summary>
    public int[]? FindPreferring(Restriction restriction, Func<int, int, bool>? preferred)
    {
        if (Assumptions(restriction) is not { } assumptions)
        {
            return null;
        }

        var solver = new ClauseSearch(formula);
        for (var module = 0; preferred is not null && module < domains.Count; module++)
        {
            var literals = formula.ValueLiterals[module];
            for (var value = 0; value < literals.Length; value++)
            {
                if (literals[value] != 0 && preferred(module, value))
                {
                    solver.Prefer(literals[value]);
                }
            }
        }

        var model = new bool[formula.VariableCount + 1];
        return solver.Solve(assumptions, model) ? [.. Found(model).Select(value => (int)value)] : null;
    }

    /// <summary>
    /// The valid configuration within the restriction with the lowest sum of <paramref name="weight"/>
    /// over its module values, the lowest sum of <paramref name="tieWeight"/> among equals, from the
    /// circuit: null when nothing is valid. Only with a circuit (<see cref="Circuit"/> not null).
    /// </summary>
    /// <exception cref="OverflowException">A sum is beyond decimal's range.</exception>
    public (decimal Weight, decimal TieWeight, int[] Values)? Cheapest(Restriction restriction, Func<int, int, decimal> weight, Func<int, int, decimal>? tieWeight)
    {
        var (cost, constant) = LiteralCosts(weight);
        var (tieCost, tieConstant) = tieWeight is null ? (null, 0m) : LiteralCosts(tieWeight);
        if (Fixed(restriction) is not { } fixedValues || Circuit!.Cheapest(fixedValues, cost, tieCost) is not { } best)
        {
            return null;
        }

        return (best.Cost + constant, best.TieCost + tieConstant, ValuesOf(best.Assignment));
    }

    /// <summary>
    /// Each sum of <paramref name="weight"/> (per module and value) over the valid configurations
    /// within the restriction, with how many have it, ascending; only with a circuit (see
    /// <see cref="Circuit.CostDistribution"/>). Null when more than <paramref name="entryBudget"/>
    /// entries would be alive at once.
    /// </summary>
    /// <exception cref="OverflowException">A sum is beyond decimal's range.</exception>
    public KeyValuePair<decimal, BigInteger>[]? WeightDistribution(Restriction restriction, Func<int, int, decimal> weight, long entryBudget)
    {
        var (cost, constant) = LiteralCosts(weight);
        if (Fixed(restriction) is not { } fixedValues)
        {
            return [];
        }

        return Circuit!.CostDistribution(fixedValues, cost, entryBudget) is { } table
            ? [.. table.Select(entry => KeyValuePair.Create(entry.Key + constant, entry.Value))]
            : null;
    }

    /// <summary>
    /// Per module and value, the lowest sum of <paramref name="weight"/> of a valid configuration
    /// that takes the value while every other module keeps to the restriction (the module's own
    /// restriction lifted, as for <see cref="UsableValues(Restriction)"/>); null where there is none.
    /// Only with a circuit: one pass up and down, as for usable values (see the remarks on
    /// <see cref="UsableValues(Circuit, Restriction)"/>).
    /// </summary>
    /// <exception cref="OverflowException">A sum is beyond decimal's range.</exception>
    public decimal?[][] CheapestPerValue(Restriction restriction, Func<int, int, decimal> weight)
    {
        var circuit = Circuit!;
        var (cost, constant) = LiteralCosts(weight);
        var result = domains.Select(d => new decimal?[d.ValueCount]).ToArray();
        var all = Fixed(restriction) is { } fixedValues ? circuit.CheapestPerLiteral(fixedValues, cost) : ((decimal?, decimal?[])?)null;
        for (var module = 0; module < domains.Count; module++)
        {
            var cheapest = all;
            if (all is null && restriction.AllowedValues(module) is not null)
            {
                cheapest = Fixed(restriction.Without(module)) is { } others ? circuit.CheapestPerLiteral(others, cost) : null;
            }

            if (cheapest is not { } lowest)
            {
                continue;
            }

            var literals = formula.ValueLiterals[module];
            for (var value = 0; value < literals.Length; value++)
            {
                // A module of one value has no literal: every configuration takes it, the cheapest too.
                var literal = literals[value];
                result[module][value] = (literal == 0 ? lowest.Item1 : lowest.Item2[ClauseSearch.Internal(literal)]) + constant;
            }
        }

        return result;
    }

    /// <summary>
    /// Per module and value, the number of valid configurations that take the value while every
    /// other module keeps to the restriction (the module's own restriction lifted, as for usable
    /// values), from one counting pass up and one down over the circuit; null without a circuit.
    /// </summary>
    public BigInteger[][]? CountsPerValue(Restriction restriction)
    {
        if (Circuit is not { } circuit)
        {
            return null;
        }

        var result = domains.Select(d => new BigInteger[d.ValueCount]).ToArray();
        if (Fixed(restriction) is not { } fixedValues)
        {
            return result;
        }

        var (all, perLiteral) = circuit.CountsPerLiteral(fixedValues);
        for (var module = 0; module < domains.Count; module++)
        {
            var literals = formula.ValueLiterals[module];
            for (var value = 0; value < literals.Length; value++)
            {
                // A module of one value has no literal: every configuration takes it.
                result[module][value] = literals[value] == 0 ? all : perLiteral[ClauseSearch.Internal(literals[value])];
            }
        }

        return result;
    }

    /// <summary>The modules' values in a circuit's assignment (per variable, 0-based, whether it is true).</summary>
    private int[] ValuesOf(bool[] assignment)
    {
        var values = new int[domains.Count];
        ValuesOf(assignment, values);
        return values;
    }

    private void ValuesOf(bool[] assignment, int[] values)
    {
        var isTrue = (int variable) => assignment[variable - 1];
        for (var module = 0; module < values.Length; module++)
        {
            values[module] = formula.ValueOf(module, isTrue);
        }
    }

    /// <summary>Module-value weights as the circuit's literal costs, with the weights of one-value modules (in every configuration) as a constant.</summary>
    private (decimal[] Cost, decimal Constant) LiteralCosts(Func<int, int, decimal> weight)
    {
        var cost = new decimal[2 * formula.VariableCount];
        var constant = 0m;
        for (var module = 0; module < domains.Count; module++)
        {
            var literals = formula.ValueLiterals[module];
            for (var value = 0; value < literals.Length; value++)
            {
                if (literals[value] == 0)
                {
                    constant += weight(module, value);
                }
                else
                {
                    cost[ClauseSearch.Internal(literals[value])] += weight(module, value);
                }
            }
        }

        return (cost, constant);
    }

    /// <summary>
    /// Usable values from the circuit, every module's in one pass up and down that reads a
    /// restricted module's values with its own restriction lifted. Only a restriction that leaves
    /// some module no value takes a pass per restricted module.
    /// </summary>
    /// <remarks>
    /// Why one pass lifts each module's own restriction: a restriction fixes the literals of a
    /// module's ruled-out values to false, and a module's literals are variables of its own.
    /// <see cref="Circuit.PossibleLiterals"/> lifts the fixed value of the one variable it asks
    /// about; taking that value makes the module's other value literals false anyway, so the
    /// module's other fixed literals take nothing away. (It was a pass per restricted module: a
    /// dozen choices on automotive2_4 made a step 100 ms.)
    /// </remarks>
    private bool[][] UsableValues(Circuit circuit, Restriction restriction)
    {
        var usable = domains.Select(d => new bool[d.ValueCount]).ToArray();
        var all = Fixed(restriction) is { } fixedValues ? circuit.PossibleLiterals(fixedValues) : ((bool, bool[])?)null;
        for (var module = 0; module < domains.Count; module++)
        {
            var possible = all;
            if (all is null && restriction.AllowedValues(module) is not null)
            {
                possible = Fixed(restriction.Without(module)) is { } others ? circuit.PossibleLiterals(others) : null;
            }

            if (possible is not { } found)
            {
                continue;
            }

            var (exists, literalPossible) = found;

            var literals = formula.ValueLiterals[module];
            for (var value = 0; value < literals.Length; value++)
            {
                // A module of one value has no literal: it is usable when anything is.
                var literal = literals[value];
                usable[module][value] = literal == 0 ? exists : literalPossible[ClauseSearch.Internal(literal)];
            }
        }

        return usable;
    }

    /// <summary>The restriction as fixed variables (1 true, -1 false, 0 open); null when it leaves some module no value.</summary>
    private sbyte[]? Fixed(Restriction restriction)
    {
        if (Assumptions(restriction) is not { } units)
        {
            return null;
        }

        var fixedValues = new sbyte[formula.VariableCount];
        foreach (var unit in units)
        {
            var variable = Math.Abs(unit) - 1;
            var value = (sbyte)Math.Sign(unit);
            if (fixedValues[variable] == -value)
            {
                return null;
            }

            fixedValues[variable] = value;
        }

        return fixedValues;
    }

    /// <summary>The restriction as unit literals; null when it leaves some module no value.</summary>
    private List<int>? Assumptions(Restriction restriction)
    {
        var units = new List<int>();
        for (var module = 0; module < domains.Count; module++)
        {
            if (restriction.AllowedValues(module) is { } allowed && !formula.AddRestriction(module, allowed, units))
            {
                return null;
            }
        }

        return units;
    }

    /// <summary>
    /// Points the solver at the values no model has shown yet, so that the model it finds next
    /// shows as many new ones as it can: without the hint it returns to the last model's values
    /// and each answer settled little more than the value asked about (the Linux model's
    /// availability: 8 s).
    /// </summary>
    private void PreferUnseen(ClauseSearch solver, bool[][] usable)
    {
        for (var module = 0; module < usable.Length; module++)
        {
            var literals = formula.ValueLiterals[module];
            for (var value = 0; value < literals.Length; value++)
            {
                if (!usable[module][value] && literals[value] != 0)
                {
                    solver.Prefer(literals[value]);
                }
            }
        }
    }

    private static void Mark(ushort[] values, bool[][] usable)
    {
        for (var module = 0; module < usable.Length; module++)
        {
            usable[module][values[module]] = true;
        }
    }

    /// <summary>
    /// The latest configurations the solver found (each as its modules' values), at most a fixed
    /// number, replaced oldest first; thread-safe.
    /// </summary>
    private sealed class Witnesses(int capacity)
    {
        private readonly Lock _lock = new();
        private readonly ushort[]?[] _ring = new ushort[capacity][];
        private int _next;

        public void Add(ushort[] values)
        {
            lock (_lock)
            {
                if (_ring.Length > 0)
                {
                    _ring[_next] = values;
                    _next = (_next + 1) % _ring.Length;
                }
            }
        }

        public ushort[][] Snapshot()
        {
            lock (_lock)
            {
                return [.. _ring.OfType<ushort[]>()];
            }
        }
    }

    private static T OnLargeStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var token = Configurator.Internal.Interruption.Current;
        var thread = new Thread(() =>
        {
            try
            {
                using var scope = Configurator.Internal.Interruption.Enter(token);
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result;
    }
}
