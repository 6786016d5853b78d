using System.Globalization;
using System.Numerics;
using System.Text;
using Configurator.Importers;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Solving.Boolean;
using Configurator.Tests.Importers;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>The clause engine against brute force on random clauses and random feature models, and on the shared benchmark counts.</summary>
public class BooleanEngineTests
{
    [Fact]
    public void ClauseSearch_RandomCnfs_CountsAndSolvesLikeBruteForce() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var (variables, clauses) = RandomCnf(random);
            var formula = new CnfFormula(variables, [.. clauses], []);
            var counter = new ClauseSearch(formula);
            var solver = new ClauseSearch(formula);
            var assumptions = new List<int>();
            for (var round = 0; round < 6; round++)
            {
                assumptions = NextAssumptions(random, variables, assumptions, 4);
                var expected = BruteForceCount(variables, clauses, assumptions);
                Assert.Equal(expected, counter.Count(assumptions));

                // The same solver answers again and again: what it learnt before, or the assumptions
                // it kept on its trail, must not change later answers, nor a count in between.
                var model = new bool[variables + 1];
                Assert.Equal(expected > 0, solver.Solve(assumptions, model, keepAssumptions: random.Next(2) == 0));
                if (random.Next(4) == 0)
                {
                    Assert.Equal(expected, solver.Count(assumptions));
                }

                if (expected > 0)
                {
                    Assert.True(Satisfies(model, clauses, assumptions));
                }
            }
        }, iter: 3000, threads: 1);

    [Fact]
    public void Circuit_RandomCnfs_CountsFindsLiteralsCheapestDistributionAndRanksLikeBruteForce() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var (variables, clauses) = RandomCnf(random, maxVariables: 12);
            var circuit = new ClauseSearch(new CnfFormula(variables, [.. clauses], [])).Compile(int.MaxValue)!;
            for (var round = 0; round < 4; round++)
            {
                var assumptions = Enumerable.Range(1, variables).Where(_ => random.Next(4) == 0).Select(v => random.Next(2) == 0 ? v : -v).ToList();
                var fixedValues = new sbyte[variables];
                assumptions.ForEach(l => fixedValues[Math.Abs(l) - 1] = (sbyte)Math.Sign(l));
                var expected = BruteForceCount(variables, clauses, assumptions);
                Assert.Equal(expected, circuit.Count(fixedValues));
                Assert.Equal(expected > 0, circuit.Exists(fixedValues));

                // A literal is possible when some solution that keeps every other variable's fixed value makes it true.
                // Costs per literal: the cheapest solution (ties by a second cost), and per literal the
                // cheapest that makes it true, keeping every other variable's fixed value.
                var (exists, possible) = circuit.PossibleLiterals(fixedValues);
                var cost = Enumerable.Range(0, 2 * variables).Select(_ => (decimal)random.Next(-3, 6)).ToArray();
                var tie = Enumerable.Range(0, 2 * variables).Select(_ => (decimal)random.Next(0, 3)).ToArray();
                var (lowestOfAll, perLiteral) = circuit.CheapestPerLiteral(fixedValues, cost);
                var (_, countPerLiteral) = circuit.CountsPerLiteral(fixedValues);
                Assert.Equal(expected > 0, exists);
                for (var literal = 0; literal < 2 * variables; literal++)
                {
                    var v = (literal >> 1) + 1;
                    var with = Solutions(variables, clauses, [.. assumptions.Where(l => Math.Abs(l) != v), (literal & 1) == 0 ? v : -v]);
                    Assert.Equal(with.Count > 0, possible[literal]);
                    Assert.Equal(with.Count, countPerLiteral[literal]);
                    Assert.Equal(with.Count > 0 ? with.Min(m => Cost(m, cost)) : null, perLiteral[literal]);
                }

                var solutions = Solutions(variables, clauses, assumptions);
                var cheapest = circuit.Cheapest(fixedValues, cost, tie);
                Assert.Equal(solutions.Count > 0, cheapest is not null);
                if (cheapest is { } best)
                {
                    var lowest = solutions.Min(m => (Cost(m, cost), Cost(m, tie)));
                    Assert.Equal(lowest, (best.Cost, best.TieCost));
                    var model = new bool[variables + 1];
                    best.Assignment.CopyTo(model, 1);
                    Assert.True(Satisfies(model, clauses, assumptions));
                    Assert.Equal(lowest, (Cost(model, cost), Cost(model, tie)));
                }

                Assert.Equal(solutions.Count > 0 ? solutions.Min(m => Cost(m, cost)) : null, lowestOfAll);

                // Every total cost with how many solutions have it, ascending; null past a budget of live entries.
                var distribution = solutions.GroupBy(m => Cost(m, cost)).OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, new BigInteger(g.Count())));
                Assert.Equal(distribution, circuit.CostDistribution(fixedValues, cost, long.MaxValue)!);
                Assert.True(distribution.Count() < 2 || circuit.CostDistribution(fixedValues, cost, 1) is null);

                // Ranking is a bijection onto the solutions: every rank gives a different one.
                var ranks = (int)BigInteger.Min(expected, 64);
                var seen = new HashSet<string>();
                for (var rank = 0; rank < ranks; rank++)
                {
                    var assignment = circuit.Unrank(fixedValues, rank);
                    var model = new bool[variables + 1];
                    assignment.CopyTo(model, 1);
                    Assert.True(Satisfies(model, clauses, assumptions));
                    Assert.True(seen.Add(string.Concat(assignment.Select(b => b ? '1' : '0'))));
                }
            }
        }, iter: 2000, threads: 1);

    [Fact]
    public void ClauseSearch_LearntClausesAcrossComponentsAndCutOffCounts_KeepCountsExact() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Counted again and again by one search: its clauses learnt in one count act in the
            // next. A count cut off anywhere (the budget ranges up to what a whole count takes)
            // answers exactly or not at all, and the search counts exactly after: it takes back what
            // it cached, as a part it never finished could have proved an earlier part's result wrong.
            var random = new Random(seed);
            var (all, clauses) = BlockCnf(random);
            var counter = new ClauseSearch(new CnfFormula(all, [.. clauses], []));
            for (var round = 0; round < 6; round++)
            {
                var assumptions = Enumerable.Range(1, all).Where(_ => random.Next(6) == 0).Select(v => random.Next(2) == 0 ? v : -v).ToList();
                var expected = BruteForceCount(all, clauses, assumptions);
                var probe = new ClauseSearch(new CnfFormula(all, [.. clauses], []));
                probe.Count(assumptions);
                var before = counter.Decisions;
                var budget = random.Next(0, (int)probe.Decisions + 1);
                var cut = counter.Count(assumptions, budget);
                Assert.True(cut is null || cut == expected, $"{cut} instead of {expected}");
                Assert.True(counter.Decisions - before <= budget + 1, $"{counter.Decisions - before} decisions on a budget of {budget}");
                Assert.Equal(expected, counter.Count(assumptions));
            }
        }, iter: 1000, threads: 1);

    [Fact]
    public void ClauseSearch_CountOnTwoThreads_CountsLikeBruteForceAndLeavesTheSearchExact()
    {
        // Every split worth a second thread gets one here (HelperVariables = 0): the two searches
        // take the components largest first, each with its own cache and learnt clauses. Its counts,
        // and the same search's counts after it (its own cache and clauses kept), are brute force's.
        var (helped, samples) = (0, 0);
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            Interlocked.Increment(ref samples);
            var random = new Random(seed);
            var (variables, clauses) = random.Next(2) == 0 ? RandomCnf(random) : BlockCnf(random);
            var formula = new CnfFormula(variables, [.. clauses], []);
            var counter = new ClauseSearch(formula) { HelperVariables = 0 };
            var assumptions = new List<int>();
            for (var round = 0; round < 4; round++)
            {
                assumptions = NextAssumptions(random, variables, assumptions, 5);
                var expected = BruteForceCount(variables, clauses, assumptions);
                Assert.Equal(expected, new ClauseSearch(formula) { HelperVariables = 0 }.CountOnTwoThreads(assumptions));
                Assert.Equal(expected, counter.CountOnTwoThreads(assumptions));
                Assert.Equal(expected, counter.Count(assumptions));
            }

            Interlocked.Add(ref helped, counter.HelperParts);
        }, iter: 2000);

        // The second thread did count: a test of one thread would pass as well. Per formula, not in
        // all: a longer run (CsCheck_Time) samples for a time, so on a busy machine fewer formulas.
        Assert.True(helped > samples / 2, $"the second thread counted {helped} components over {samples} formulas");
    }

    [Fact]
    public void ClauseSearch_CountOnTwoThreads_OnFormulasTooLargeForBruteForce_CountsAsOneThreadDoes() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Blocks of 12 to 24 variables (random clauses of three literals within a block, and a
            // few linking two blocks through a switch), so that both threads count at once for a
            // while, against the one-thread count that the brute-force tests above check.
            var random = new Random(seed);
            var (blocks, size) = (random.Next(4, 12), random.Next(12, 25));
            var variables = (blocks * size) + 2;
            var clauses = new List<int[]>();
            for (var b = 0; b < blocks; b++)
            {
                for (var c = 0; c < size * 2; c++)
                {
                    clauses.Add([.. Enumerable.Range((b * size) + 1, size).OrderBy(_ => random.Next()).Take(3).Select(v => random.Next(2) == 0 ? v : -v)]);
                }
            }

            for (var l = 0; l < blocks; l++)
            {
                var (a, c) = (random.Next(1, (blocks * size) + 1), random.Next(1, (blocks * size) + 1));
                clauses.Add([random.Next(2) == 0 ? a : -a, random.Next(2) == 0 ? c : -c, (blocks * size) + random.Next(1, 3)]);
            }

            var formula = new CnfFormula(variables, [.. clauses], []);
            var assumptions = Enumerable.Range(1, variables).Where(_ => random.Next(12) == 0).Select(v => random.Next(2) == 0 ? v : -v).ToList();
            var two = new ClauseSearch(formula) { HelperVariables = 0 };
            Assert.Equal(new ClauseSearch(formula).Count(assumptions), two.CountOnTwoThreads(assumptions));
        }, iter: 150);

    [Fact(Timeout = 20_000)]
    public async Task ClauseSearch_LongEquivalenceChain_CountsWithoutProbingEveryLiteralThroughIt()
    {
        // x1 <-> x2 <-> ... <-> x60000: two solutions, one decision, but every literal propagates
        // through the whole chain, so testing each one as a failed literal visits 7 billion
        // implications (3 minutes here). The backbone pass stops at its budget; without one, formulas
        // like it in the encoding of a sum took hours (AttributeRangePropertyTests met one at random).
        const int length = 60_000;
        var clauses = Enumerable.Range(1, length - 1).SelectMany(v => new[] { new[] { -v, v + 1 }, new[] { v, -(v + 1) } }).ToArray();
        var formula = new CnfFormula(length, clauses, []);

        var (whole, assumed, circuit) = await Task.Run(() =>
        {
            var search = new ClauseSearch(formula);
            return (search.Count([]), search.Count([length]), new ClauseSearch(formula).Compile(int.MaxValue));
        }, TestContext.Current.CancellationToken);

        Assert.Equal(2, whole);
        Assert.Equal(1, assumed);
        Assert.Equal(2, circuit!.Count(new sbyte[length]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ClauseSearch_ChainOfBlocks_DecidesTheLinksFirst(int seed)
    {
        // 120 blocks of 8 variables under 16 random three-literal clauses each, block b joined to
        // block b + 1 through a link variable s (s or x, not s or y). The links occur twice each
        // and the blocks' variables six times, so occurrence counts alone decide inside the blocks
        // while the chain still hangs together; a link sits at the top of the tree decomposition
        // (the chain's middle one at its root), so deciding it first cuts the chain in two.
        const int blocks = 120, size = 8;
        var random = new Random(seed);
        var blockClauses = Enumerable.Range(0, blocks).Select(_ => Enumerable.Range(0, 16).Select(_ =>
            Enumerable.Range(0, size).OrderBy(_ => random.Next()).Take(3).Select(v => random.Next(2) == 0 ? v + 1 : -(v + 1)).ToArray()).ToArray()).ToArray();
        var links = Enumerable.Range(0, blocks - 1).Select(_ => (Before: random.Next(size), After: random.Next(size))).ToArray();
        var clauses = new List<int[]>();
        for (var b = 0; b < blocks; b++)
        {
            clauses.AddRange(blockClauses[b].Select(clause => clause.Select(l => l > 0 ? l + (b * size) : l - (b * size)).ToArray()));
        }

        for (var b = 0; b < blocks - 1; b++)
        {
            var link = (blocks * size) + b + 1;
            clauses.Add([link, (b * size) + links[b].Before + 1]);
            clauses.Add([-link, ((b + 1) * size) + links[b].After + 1]);
        }

        var search = new ClauseSearch(new CnfFormula((blocks * size) + blocks - 1, [.. clauses], []));
        var count = search.Count([]);

        // The oracle walks the chain: per value of the last link, how many assignments of the
        // blocks before it (each block's 256 assignments tried against its clauses and links).
        var satisfying = blockClauses.Select(block => Enumerable.Range(0, 1 << size)
            .Where(a => block.All(clause => clause.Any(l => ((a >> (Math.Abs(l) - 1)) & 1) == (l > 0 ? 1 : 0)))).ToArray()).ToArray();
        static bool Holds(int assignment, int variable) => ((assignment >> variable) & 1) == 1;
        var ways = new BigInteger[] { 1, 0 };
        for (var b = 0; b < blocks; b++)
        {
            var next = new BigInteger[2];
            foreach (var assignment in satisfying[b])
            {
                foreach (var incoming in (int[])[0, 1])
                {
                    // A true link before the block needs its "after" variable; a false one nothing here.
                    if (ways[incoming].IsZero || (b > 0 && incoming == 1 && !Holds(assignment, links[b - 1].After)))
                    {
                        continue;
                    }

                    foreach (var outgoing in b < blocks - 1 ? (int[])[0, 1] : [0])
                    {
                        // A false link after the block needs its "before" variable.
                        if (b == blocks - 1 || outgoing == 1 || Holds(assignment, links[b].Before))
                        {
                            next[outgoing] += ways[incoming];
                        }
                    }
                }
            }

            ways = next;
        }

        Assert.NotEqual(BigInteger.Zero, count);
        Assert.Equal(ways[0], count);
        Assert.True(search.Decisions < 30 * blocks, $"{search.Decisions} decisions");
    }

    [Fact]
    public void Circuit_OverItsEdgeBudget_IsNotMade()
    {
        // Twenty independent two-literal clauses: twenty decisions, each an OR with edges of its own.
        var clauses = Enumerable.Range(0, 20).Select(i => new[] { (2 * i) + 1, (2 * i) + 2 }).ToArray();
        var formula = new CnfFormula(40, clauses, []);
        var circuit = new ClauseSearch(formula).Compile(int.MaxValue)!;
        Assert.Equal(BigInteger.Pow(3, 20), circuit.Count(new sbyte[40]));
        Assert.Null(new ClauseSearch(formula).Compile(circuit.EdgeCount - 1));
    }

    [Fact]
    public void Circuit_OverItsDecisionBudget_IsNotMade()
    {
        // Twenty independent two-literal clauses: one decision each.
        var clauses = Enumerable.Range(0, 20).Select(i => new[] { (2 * i) + 1, (2 * i) + 2 }).ToArray();
        var formula = new CnfFormula(40, clauses, []);
        var recorder = new ClauseSearch(formula);
        Assert.NotNull(recorder.Compile(int.MaxValue, 20));
        Assert.Equal(20, recorder.Decisions);
        Assert.Null(new ClauseSearch(formula).Compile(int.MaxValue, 19));
    }

    [Fact]
    public void Solve_RandomThreeSatNearTheThreshold_AgreesWithBruteForce() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Random 3-SAT at 4.26 clauses per variable: hard enough that learnt clauses of every
            // length decide the answers, and a wrong learnt clause shows as a wrong "unsatisfiable".
            var random = new Random(seed);
            var variables = random.Next(10, 17);
            var clauses = Enumerable.Range(0, (int)(variables * 4.26)).Select(_ =>
                Enumerable.Range(1, variables).OrderBy(_ => random.Next()).Take(3).Select(v => random.Next(2) == 0 ? v : -v).ToArray()).ToList();
            var solver = new ClauseSearch(new CnfFormula(variables, [.. clauses], []));
            var assumptions = new List<int>();
            for (var round = 0; round < 3; round++)
            {
                assumptions = NextAssumptions(random, variables, assumptions, 8);
                var model = new bool[variables + 1];
                var satisfiable = solver.Solve(assumptions, model, keepAssumptions: random.Next(2) == 0);
                Assert.Equal(BruteForceCount(variables, clauses, assumptions) > 0, satisfiable);
                Assert.True(!satisfiable || Satisfies(model, clauses, assumptions));
            }
        }, iter: 400, threads: 1);

    [Fact]
    public void ClauseSearch_SharedCache_KeepsCountsExactAcrossAssumptions() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // A key names a component's variables and clauses only, so one cache serves any assumptions.
            var random = new Random(seed);
            var (variables, clauses) = RandomCnf(random);
            var formula = new CnfFormula(variables, [.. clauses], []);
            var cache = ClauseSearch.NewCache();
            for (var round = 0; round < 6; round++)
            {
                var assumptions = Enumerable.Range(1, variables).Where(_ => random.Next(3) == 0).Select(v => random.Next(2) == 0 ? v : -v).ToList();
                Assert.Equal(BruteForceCount(variables, clauses, assumptions), new ClauseSearch(formula, cache).Count(assumptions));
            }
        }, iter: 1000, threads: 1);

    [Fact]
    public void Solve_Unsatisfiable_CoreIsAContradictorySubsetOfTheAssumptions() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var (variables, clauses) = RandomCnf(random, maxVariables: 10);
            var solver = new ClauseSearch(new CnfFormula(variables, [.. clauses], []));
            var assumptions = new List<int>();
            for (var round = 0; round < 4; round++)
            {
                assumptions = NextAssumptions(random, variables, assumptions, 2);
                if (solver.Solve(assumptions, keepAssumptions: random.Next(2) == 0))
                {
                    continue;
                }

                // Every literal of the core is an assumption, and the clauses contradict the core alone.
                Assert.All(solver.Core, l => Assert.Contains(l, assumptions));
                Assert.Equal(BigInteger.Zero, BruteForceCount(variables, clauses, solver.Core));
            }
        }, iter: 2000, threads: 1);

    [Fact]
    public void MinimalConflict_RandomCnfModels_IsAMinimalConflictByTheSearchChecker() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var (variables, clauses) = RandomCnf(random, maxVariables: 12);
            var compiled = CompileAsDimacs(variables, clauses);
            // Rounds share the explainer's pooled solver, whose learnt clauses (naming the selectors
            // of every constraint they came from) make later final conflicts larger than needed.
            for (var round = 0; round < 8; round++)
            {
                var assumptions = Enumerable.Range(1, variables).Where(_ => random.Next(3) == 0).Select(v => random.Next(2) == 0 ? v : -v).ToList();
                AssertMinimalConflict(compiled, compiled.ToRestriction(AsSelection(assumptions)));
            }
        }, iter: 1000, threads: 1);

    /// <summary>
    /// The same on random finite-domain models, whose modules of three or more values bring clauses
    /// of their own (exactly one value) that no constraint guards: the deletion asks its questions
    /// of the core's clauses with the modules' clauses they reach, and without those a part would
    /// let a module take two values or none.
    /// </summary>
    [Fact]
    public void MinimalConflict_RandomFiniteDomainModels_IsAMinimalConflictByTheSearchChecker() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var compiled = SmallModels.Compile(SmallModels.Create(seed), SolverEngineKind.Boolean);
            for (var round = 0; round < 6; round++)
            {
                var within = compiled.Model.Modules.Where(_ => random.Next(2) == 0)
                    .Aggregate(Selection.Empty, (selection, module) => selection.With(module.Id, [module.Options[random.Next(module.Options.Count)].Id]));
                AssertMinimalConflict(compiled, compiled.ToRestriction(within));
            }
        }, iter: 2000, threads: 1);

    /// <summary>The clause explainer's conflict under a restriction, against the propagation-and-search checker of the other engines: there exactly when the constraints contradict the restriction, a conflict, and minimal.</summary>
    private static void AssertMinimalConflict(CompiledModel compiled, Restriction restriction)
    {
        var conflict = compiled.MinimalConflict(restriction);
        Assert.Equal(compiled.Checker.IsConsistent(Enumerable.Range(0, compiled.Constraints.Length), restriction), conflict is null);
        if (conflict is null)
        {
            return;
        }

        Assert.False(compiled.Checker.IsConsistent(conflict, restriction));
        foreach (var position in conflict)
        {
            Assert.True(compiled.Checker.IsConsistent(conflict.Where(p => p != position), restriction), $"constraint {position} of {string.Join(",", conflict)} is not needed");
        }
    }

    [Fact]
    public void Dimacs_RandomCnfs_CountAndAvailabilityMatchBruteForce() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var (variables, clauses) = RandomCnf(random, maxVariables: 10);
            var compiled = CompileAsDimacs(variables, clauses);

            // Several restrictions on one compiled model: the solver's path marks what the
            // configurations found under the earlier ones show, which must never pass for usable
            // what the later ones rule out.
            for (var round = 0; round < 3; round++)
            {
                var assumptions = Enumerable.Range(1, variables).Where(_ => random.Next(4) == 0).Select(v => random.Next(2) == 0 ? v : -v).ToList();
                var within = AsSelection(assumptions);
                Assert.Equal(BruteForceCount(variables, clauses, assumptions), compiled.Count(within));

                // Availability: a value is usable when some solution takes it with every other assumption
                // kept. From the circuit, and from the solver alone (which never reads the circuit): the
                // path of a model too large for one (the Linux kernel's).
                var usable = compiled.UsableValues(compiled.ToRestriction(within));
                var searched = ((BooleanEngine)compiled.Solver).UsableValuesBySearch(compiled.ToRestriction(within), out _);
                for (var v = 1; v <= variables; v++)
                {
                    var module = compiled.ModuleIndexOf("x" + v);
                    var others = assumptions.Where(l => Math.Abs(l) != v).ToList();
                    bool[] expected = [BruteForceCount(variables, clauses, [.. others, -v]) > 0, BruteForceCount(variables, clauses, [.. others, v]) > 0];
                    Assert.Equal(expected, usable[module]);
                    Assert.Equal(expected, searched[module]);
                }
            }
        }, iter: 1000, threads: 1);

    [Fact]
    public void SessionCount_BeyondTheDecisionBudget_IsUnknownOnlyWhereAConfigurationExists() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // A budget of a few decisions leaves most of these models without a circuit: a session's
            // count is then exact or null, and null promises a valid configuration (the view's IsValid).
            var random = new Random(seed);
            var (variables, clauses) = random.Next(2) == 0 ? BlockCnf(random) : RandomCnf(random, maxVariables: 10);
            // Within the default budget every count is known.
            var compiled = CompileAsDimacs(variables, clauses, new CompilerOptions { ForceBooleanEngine = true, CircuitDecisionBudget = random.Next(0, 4), CircuitEdgeBudget = random.Next(2) == 0 ? 0 : int.MaxValue });
            var generous = CompileAsDimacs(variables, clauses);
            for (var round = 0; round < 4; round++)
            {
                var assumptions = Enumerable.Range(1, variables).Where(_ => random.Next(4) == 0).Select(v => random.Next(2) == 0 ? v : -v).ToList();
                var expected = BruteForceCount(variables, clauses, assumptions);
                var restriction = compiled.ToRestriction(AsSelection(assumptions));
                var count = compiled.CountWithinBudget(restriction);
                Assert.True(count is null ? expected > 0 : count == expected, $"{count?.ToString(CultureInfo.InvariantCulture) ?? "null"} for {expected}");
                Assert.Equal(expected, generous.CountWithinBudget(restriction));
            }
        }, iter: 1000, threads: 1);

    [Fact]
    public void EnumerationWithoutACircuit_IsTheSearchEnginesOrder() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Without a circuit the solver walks the configurations (the search engine's
            // propagation alone never reached one on the Linux kernel's model): the same ones, in
            // the same order, from any start rank and for any limit.
            var random = new Random(seed);
            var (variables, clauses) = random.Next(2) == 0 ? BlockCnf(random) : RandomCnf(random, maxVariables: 10);
            var bare = CompileAsDimacs(variables, clauses, new CompilerOptions { ForceBooleanEngine = true, CircuitEdgeBudget = 0 });
            var search = ModelCompiler.Compile(bare.Model, new CompilerOptions { ForceSearchEngine = true }).GetModelOrThrow();
            var assumptions = Enumerable.Range(1, variables).Where(_ => random.Next(4) == 0).Select(v => random.Next(2) == 0 ? v : -v).ToList();
            var within = AsSelection(assumptions);
            var expected = BruteForceCount(variables, clauses, assumptions);
            List<string> Walk(CompiledModel compiled, BigInteger start, ulong limit)
            {
                var keys = new List<string>();
                compiled.Solver.Enumerate(compiled.ToRestriction(within), start, limit, new int[compiled.Domains.Length], compiled, view => keys.Add(SmallModels.Key(view.ToSelection(), compiled.Model)), default);
                return keys;
            }

            var all = Walk(bare, 0, ulong.MaxValue);
            Assert.Equal(expected, all.Count);
            var limited = (ulong)random.Next(0, (int)expected + 2);
            Assert.Equal(all.Take((int)limited), bare.Configurations(within, new EnumerateOptions { Limit = limited }).Select(c => SmallModels.Key(c, bare.Model)));
            Assert.Equal(all.Count, all.Distinct().Count());
            Assert.Equal(Walk(search, 0, ulong.MaxValue), all);
            var from = random.Next((int)expected + 2);
            var limit = (ulong)random.Next(1, (int)expected + 2);
            Assert.Equal(all.Skip(from).Take((int)limit), Walk(bare, from, limit));
        }, iter: 300, threads: 1);

    [Fact]
    public void EnumerationOnTheCircuit_IsUnranksOrderFromAnyStart() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // The circuit's odometer: every configuration once, the brute-force set, the r-th
            // being Unrank's r-th (so shards by rank and sampling agree with it), from any start
            // rank and for any limit, under any fixed values.
            var random = new Random(seed);
            var (variables, clauses) = random.Next(2) == 0 ? BlockCnf(random) : RandomCnf(random, maxVariables: 10);
            var compiled = CompileAsDimacs(variables, clauses, new CompilerOptions { ForceBooleanEngine = true });
            Assert.NotNull(((BooleanEngine)compiled.Solver).Circuit);
            var assumptions = Enumerable.Range(1, variables).Where(_ => random.Next(4) == 0).Select(v => random.Next(2) == 0 ? v : -v).ToList();
            var within = AsSelection(assumptions);
            var restriction = compiled.ToRestriction(within);
            List<string> Walk(BigInteger start, ulong limit)
            {
                var keys = new List<string>();
                compiled.Solver.Enumerate(restriction, start, limit, new int[compiled.Domains.Length], compiled, view => keys.Add(SmallModels.Key(view.ToSelection(), compiled.Model)), default);
                return keys;
            }

            var all = Walk(0, ulong.MaxValue);
            var expected = Solutions(variables, clauses, assumptions)
                .Select(solution => SmallModels.Key(AsSelection(Enumerable.Range(1, variables).Select(v => solution[v] ? v : -v)), compiled.Model));
            Assert.Equal(expected.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
            var values = new int[compiled.Domains.Length];
            for (var rank = 0; rank < all.Count; rank++)
            {
                compiled.Solver.Unrank(restriction, rank, values);
                Assert.Equal(all[rank], SmallModels.Key(compiled.ToSelection(values), compiled.Model));
            }

            var from = random.Next(all.Count + 2);
            var limit = (ulong)random.Next(0, all.Count + 2);
            Assert.Equal(all.Skip(from).Take((int)limit), Walk(from, limit));
            Assert.Equal(all.Take((int)limit), compiled.Configurations(within, new EnumerateOptions { Limit = limit }).Select(c => SmallModels.Key(c, compiled.Model)));
        }, iter: 500, threads: 1);

    [Fact]
    public void CountsBeyondTheDecisionBudget_AreRefusedAtOnceAndACoveringSampleStillCovers() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // A uniform draw and an even split into shards need the count: beyond the budget they
            // are refused with LimitExceeded (on the Linux kernel's model they ran for hours). A
            // covering sample then completes its configurations as the solver does.
            var random = new Random(seed);
            var (variables, clauses) = random.Next(2) == 0 ? BlockCnf(random) : RandomCnf(random, maxVariables: 10);
            var compiled = CompileAsDimacs(variables, clauses, new CompilerOptions { ForceBooleanEngine = true, CircuitDecisionBudget = random.Next(0, 4), CircuitEdgeBudget = random.Next(2) == 0 ? 0 : int.MaxValue });
            var expected = BruteForceCount(variables, clauses, []);
            bool[] Values(Selection configuration) => [false, .. Enumerable.Range(1, variables).Select(v => configuration.Choices["x" + v].Count > 0)];
            if (compiled.CountWithinBudget(compiled.ToRestriction(null)) is not null)
            {
                var sample = compiled.Sample(random);
                Assert.Equal(expected == 0, sample is null);
                Assert.True(sample is null || Satisfies(Values(sample), clauses, []));

                // Counts per option and the price distribution (every configuration at the base price) are exact.
                var perOption = compiled.CountPerOption();
                Assert.All(perOption, c => Assert.Equal(BruteForceCount(variables, clauses, [int.Parse(c.ModuleId[1..], CultureInfo.InvariantCulture)]), c.Count));
                var distribution = PricingPipeline.Default.Distribution(compiled);
                Assert.Equal(expected, distribution is null ? 0 : distribution.Points.Single().Count);
            }
            else
            {
                Assert.True(expected > 0);
                Assert.Equal(ConfiguratorErrorCodes.LimitExceeded, Assert.Throws<ConfiguratorException>(() => compiled.Sample(random)).Code);
                Assert.Equal(ConfiguratorErrorCodes.LimitExceeded, Assert.Throws<ConfiguratorException>(() => compiled.Configurations(options: new EnumerateOptions { ShardIndex = 1, ShardCount = 2 })).Code);
                Assert.Equal(ConfiguratorErrorCodes.LimitExceeded, Assert.Throws<ConfiguratorException>(() => compiled.CountPerOption()).Code);
                Assert.Equal(ConfiguratorErrorCodes.LimitExceeded, Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Distribution(compiled)).Code);
            }

            var covering = compiled.SampleCovering(1, seed).Configurations.Select(Values).ToList();
            Assert.All(covering, c => Assert.True(Satisfies(c, clauses, [])));
            var valid = Enumerable.Range(0, 1 << variables).Select(mask => (bool[])[false, .. Enumerable.Range(0, variables).Select(v => (mask >> v & 1) == 1)])
                .Where(m => Satisfies(m, clauses, [])).ToList();
            foreach (var (variable, value) in Enumerable.Range(1, variables).SelectMany(v => new[] { (v, true), (v, false) }).Where(l => valid.Any(m => m[l.v] == l.Item2)))
            {
                Assert.Contains(covering, c => c[variable] == value);
            }
        }, iter: 300, threads: 1);

    [Fact]
    public void AvailabilityWithoutACircuit_AsksAboutTheValuesNoModelShowedYet()
    {
        // 400 variables in loose chains: nearly every value is usable. Each model the solver finds
        // should show many of the values not seen yet, so a handful of questions settle them all;
        // a solver that returns to its last model's values needs one question per value (about 400).
        var random = new Random(17);
        const int variables = 400;
        var clauses = Enumerable.Range(1, variables - 1).Where(_ => random.Next(3) == 0)
            .Select(v => new[] { random.Next(2) == 0 ? v : -v, random.Next(2) == 0 ? v + 1 : -(v + 1) }).ToList();
        clauses.Add([1, 2, 3]);
        var compiled = CompileAsDimacs(variables, clauses);
        var restriction = compiled.ToRestriction(Selection.Empty);

        var engine = (BooleanEngine)compiled.Solver;
        var usable = engine.UsableValuesBySearch(restriction, out var solves);

        Assert.Equal(compiled.UsableValues(restriction), usable);
        Assert.InRange(solves, 2, 20);

        // Asked again, the configurations found the first time answer every value: no question
        // beyond the first solve.
        Assert.Equal(usable, engine.UsableValuesBySearch(restriction, out var again));
        Assert.Equal(1, again);
    }

    [Fact]
    public void AvailabilityWithoutACircuit_DecidesTheUnseenValuesFirst()
    {
        // KConfig-like models: each feature depends on an earlier one and on one of two others,
        // which the encoder names with auxiliary variables. A solver that decides those first, in
        // their last values, reaches few of the values not seen yet per model: 31 questions for
        // these four models against 16 when the unseen values are decided first (the Linux
        // model's 338 models per step became about 25).
        var solves = 0;
        foreach (var seed in (int[])[1, 3, 4, 5])
        {
            var random = new Random(seed);
            const int features = 300;
            var text = new System.Text.StringBuilder("features\n    Root\n        optional\n");
            for (var i = 0; i < features; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"            f{i}\n");
            }

            text.Append("constraints\n");
            for (var i = 10; i < features; i++)
            {
                int Earlier() => random.Next(i);
                text.Append(CultureInfo.InvariantCulture, $"    f{i} => f{i - 1 - random.Next(8)} & (f{Earlier()} | f{Earlier()})\n");
                if (random.Next(200) == 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    !(f{i} & f{Earlier()})\n");
                }
            }

            var model = ModelImporter.Import(text.ToString(), "kconfig-like.uvl").GetModelOrThrow();
            var compiled = ModelCompiler.Compile(model, new CompilerOptions { CircuitEdgeBudget = 0 }).GetModelOrThrow();
            var restriction = compiled.ToRestriction(Selection.Empty);
            var usable = ((BooleanEngine)compiled.Solver).UsableValuesBySearch(restriction, out var asked);

            // The same model with its circuit answers in one pass: the same values.
            Assert.Equal(ModelCompiler.Compile(model).GetModelOrThrow().UsableValues(restriction), usable);
            solves += asked;
        }

        Assert.InRange(solves, 4, 20);
    }

    /// <summary>
    /// A model without a circuit (the Linux kernel's case): without option prices its range is the
    /// base price and some valid completion, found by the solver, and a priced session shows it;
    /// with them no exact program fits, so the range is refused at once, naming the budgets.
    /// </summary>
    [Fact]
    public void Prices_WithoutACircuit_AreTheBasePriceOrRefusedAtOnce() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = ModelImporter.Import(RandomFeatureModel(random), "random.xml").GetModelOrThrow() with { BasePrice = 100 };
            var options = new CompilerOptions { ForceBooleanEngine = true, CircuitEdgeBudget = 0 };
            var compiled = ModelCompiler.Compile(model, options).GetModelOrThrow();
            var partial = model.Modules.Where(_ => random.Next(4) == 0).Aggregate(Selection.Empty, (s, m) => s.With(m.Id, random.Next(2) == 0 ? ["yes"] : []));

            var range = PricingPipeline.Default.Range(compiled, partial);
            Assert.Equal(compiled.Count(partial) > 0, range is not null);
            if (range is not null)
            {
                Assert.Equal((100m, 100m), (range.Min.Amount, range.Max.Amount));
                Assert.True(compiled.Validate(range.Cheapest).IsValid);
                Assert.All(partial.Choices, c => Assert.Equal(c.Value, range.Cheapest.Choices[c.Key]));
                Assert.Equal(100m, ConfigurationSession.Start(compiled, new SessionOptions { Pricing = PricingPipeline.Default }).State.Price!.Min.Amount);
            }

            var priced = model with { Modules = [.. model.Modules.Select(m => m with { Options = [.. m.Options.Select(o => o with { Price = random.Next(1, 9) })] })] };
            var pricedModel = ModelCompiler.Compile(priced, options).GetModelOrThrow();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var refused = Assert.Throws<ConfiguratorException>(() => PricingPipeline.Default.Range(pricedModel, partial));
            Assert.Equal(ConfiguratorErrorCodes.LimitExceeded, refused.Code);
            Assert.Contains("CircuitEdgeBudget", refused.Message, StringComparison.Ordinal);
            Assert.InRange(watch.Elapsed.TotalSeconds, 0, 5);
            Assert.Equal(compiled.Count(partial), pricedModel.Count(partial));
        }, iter: 200, threads: 1);

    [Fact]
    public void FeatureModels_Random_CountsAndAvailabilityMatchTheDiagram() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = ModelImporter.Import(RandomFeatureModel(random), "random.xml").GetModelOrThrow();
            var clauses = SmallModels.Compile(model, SolverEngineKind.Boolean);
            var diagram = SmallModels.Compile(model, SolverEngineKind.Diagram);
            Assert.Equal(SolverEngineKind.Boolean, clauses.Engine);
            Assert.Equal(diagram.Count(), clauses.Count());

            var partial = model.Modules.Where(_ => random.Next(4) == 0).Aggregate(Selection.Empty, (s, m) => s.With(m.Id, random.Next(2) == 0 ? ["yes"] : []));
            Assert.Equal(diagram.Count(partial), clauses.Count(partial));
            var restriction = diagram.ToRestriction(partial);
            Assert.Equal(diagram.UsableValues(restriction), clauses.UsableValues(restriction));
            var some = clauses.Configurations(partial).Take(50).ToList();
            Assert.Equal(some.Count, some.Distinct().Count());
            Assert.All(some, c => Assert.True(diagram.Validate(c).IsValid && SmallModels.Extends(c.Choices.ToDictionary(p => p.Key, p => p.Value.ToArray()), partial)));
            Assert.Equal(BigInteger.Min(50, diagram.Count(partial)), some.Count);
        }, iter: 500, threads: 1);

    [Fact]
    public void LinearRules_RandomWeightsAndOperators_EncodeExactly() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Sums with weights of either sign, under every comparison, nested in logic: the diagram of
            // the running sum and the cardinality shortcuts against the brute-force oracle.
            var random = new Random(seed);
            var builder = new ProductModelBuilder("linear");
            var count = random.Next(2, 8);
            for (var i = 0; i < count; i++)
            {
                builder.AddModule($"m{i}", m => m.Optional().AddOption("yes"));
            }

            string[] ops = ["==", "!=", "<", "<=", ">", ">="];
            for (var r = 0; r < random.Next(1, 4); r++)
            {
                var terms = Enumerable.Range(0, count).Where(_ => random.Next(2) == 0).Select(i => $"{random.Next(-3, 4)} * count(m{i})").DefaultIfEmpty("0");
                var rule = $"{string.Join(" + ", terms)} {ops[random.Next(ops.Length)]} {random.Next(-3, 5)}";
                if (random.Next(3) == 0)
                {
                    rule = $"m{random.Next(count)} == 'yes' -> ({rule})";
                }

                builder.AddRule($"r{r}", rule);
            }

            var model = builder.Build();
            var compiled = SmallModels.Compile(model, SolverEngineKind.Boolean);
            Assert.Equal(SolverEngineKind.Boolean, compiled.Engine);
            Assert.Equal(new BigInteger(new BruteForceOracle(model).ValidConfigurations().Count()), compiled.Count());
        }, iter: 1000, threads: 1);

    public static TheoryData<string> SharedCounts() => new()
    {
        "featureide-knueppel2017/axTLS.xml",
        "featureide-knueppel2017/uClibc.xml",
        "featureide-knueppel2017/busybox-1.18.0.xml",
        "ddnnife-sundermann2023/embtoolkit.dimacs",
    };

    [Theory]
    [MemberData(nameof(SharedCounts))]
    public void CountsTsv_ListedModels_CountExactly(string file)
    {
        var expected = ExpectedCount(file);
        var compiled = ModelCompiler.Compile(ModelImporter.ImportFile(SharedModels.Path(file.Split('/'))).GetModelOrThrow()).GetModelOrThrow();
        Assert.Equal(expected, compiled.Count());
    }

    /// <summary>
    /// The recording's progress measure adds up: a whole recording of a satisfiable formula has
    /// finished a share of exactly 1 (halves per decision, equal parts per component, a cache hit
    /// its whole share), so a recording that finishes nothing of note for a long time is stuck.
    /// </summary>
    [Fact]
    public void Recording_OfASatisfiableFormula_FinishesAShareOfOne() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var (variables, clauses) = RandomCnf(random, maxVariables: 30);
            var recorder = new ClauseSearch(new CnfFormula(variables, [.. clauses], []));
            var circuit = recorder.Compile(int.MaxValue, 100_000)!;
            Assert.False(recorder.Stalled);
            if (recorder.Decisions > 0 && circuit.Count(new sbyte[variables]) > 0)
            {
                Assert.Equal(1.0, recorder.Finished, 9);
            }
        }, iter: 2000, threads: 1);

    public static TheoryData<string> RecordedModels => new()
    {
        "featureide-knueppel2017/busybox-1.18.0.xml",
        "featureide-knueppel2017/uClibc.xml",
        "featureide-knueppel2017/automotive2_4.xml",
        "ddnnife-sundermann2023/embtoolkit.dimacs",
        "ddnnife-sundermann2023/automotive01.dimacs",
    };

    /// <summary>The industrial models the clause engine records whole keep their circuit: none of them stalls (automotive2_4 goes 1,920 of its 15,291 decisions without progress), and each finishes a share of 1.</summary>
    [Theory]
    [MemberData(nameof(RecordedModels))]
    public void Recording_OfACountableIndustrialModel_DoesNotStall(string file)
    {
        var compiled = ModelCompiler.Compile(ModelImporter.ImportFile(SharedModels.Path(file.Split('/'))).GetModelOrThrow()).GetModelOrThrow();
        var engine = Assert.IsType<BooleanEngine>(compiled.Solver);
        var circuit = engine.Circuit;
        Assert.NotNull(circuit);
        Assert.False(engine.Recording.Stalled);
        Assert.Equal(1.0, engine.Recording.Finished, 9);
        Assert.Equal(ExpectedCount(file), circuit.Count(new sbyte[circuit.VariableCount]));
    }

    /// <summary>
    /// The Linux kernel's model finishes one of its 115 top-level components and then nothing of
    /// note: its recording gives up after a fifth of the decision budget instead of all 50,000
    /// (1.4 s instead of 11 s on the CI machine), and its sessions then know it is too large to count.
    /// </summary>
    [Fact]
    public void Recording_OfTheLinuxModel_GivesUpOnceItStalls()
    {
        var options = new CompilerOptions();
        var compiled = ModelCompiler.Compile(ModelImporter.ImportFile(SharedModels.Path("featureide-knueppel2017", "linux-2.6.33.3.xml")).GetModelOrThrow(), options).GetModelOrThrow();
        var engine = Assert.IsType<BooleanEngine>(compiled.Solver);
        Assert.Null(engine.Circuit);
        Assert.True(engine.Recording.Stalled);
        Assert.InRange(engine.Recording.Decisions, options.CircuitDecisionBudget * ClauseSearch.StallFraction, (options.CircuitDecisionBudget * ClauseSearch.StallFraction) + 100);
        Assert.Null(engine.CountWithinBudget(new Restriction(compiled.Model.Modules.Count)));
    }

    [Fact]
    public void BusyBox_TakesTheClauseEngineWithoutDiagramAttempts()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var compiled = ModelCompiler.Compile(ModelImporter.ImportFile(SharedModels.Path("featureide-knueppel2017", "busybox-1.18.0.xml")).GetModelOrThrow()).GetModelOrThrow();
        Assert.Equal(SolverEngineKind.Boolean, compiled.Engine);

        // Before the clause engine, compiling spent seconds on diagrams that never fit.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"compile took {started.Elapsed.TotalSeconds:F1} s");
    }

    private static BigInteger ExpectedCount(string file)
    {
        var counts = SharedModels.Path("counts.tsv");
        var line = File.ReadLines(counts).Single(l => l.StartsWith(file + "\t", StringComparison.Ordinal));
        return BigInteger.Parse(line.Split('\t')[1], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Blocks of hard random 3-SAT that propagation splits into components once a switch is set:
    /// learnt clauses span blocks, and an unsatisfiable block must not leave wrong counts of its
    /// siblings in the cache.
    /// </summary>
    private static (int Variables, List<int[]> Clauses) BlockCnf(Random random)
    {
        var blocks = random.Next(2, 4);
        var size = random.Next(4, 6);
        var variables = blocks * size;
        var clauses = new List<int[]>();
        for (var b = 0; b < blocks; b++)
        {
            for (var c = 0; c < (int)(size * random.Next(30, 50) / 10.0); c++)
            {
                clauses.Add([.. Enumerable.Range((b * size) + 1, size).OrderBy(_ => random.Next()).Take(3).Select(v => random.Next(2) == 0 ? v : -v)]);
            }
        }

        // Links: a clause with one variable of each of two blocks and a switch, so that setting
        // the switch splits the blocks apart.
        var switches = random.Next(1, 3);
        for (var l = 0; l < 2 * blocks; l++)
        {
            var a = random.Next(1, variables + 1);
            var b = random.Next(1, variables + 1);
            var s = variables + random.Next(1, switches + 1);
            clauses.Add([random.Next(2) == 0 ? a : -a, random.Next(2) == 0 ? b : -b, s]);
        }

        return (variables + switches, clauses);
    }

    /// <summary>
    /// Random assumptions (each variable with chance 1 in <paramref name="oneIn"/>), half the time
    /// the previous ones cut somewhere and extended, as a depth-first walk asks (a solver keeps
    /// the prefix it shares with its last call).
    /// </summary>
    private static List<int> NextAssumptions(Random random, int variables, List<int> previous, int oneIn)
    {
        var fresh = Enumerable.Range(1, variables).Where(_ => random.Next(oneIn) == 0).Select(v => random.Next(2) == 0 ? v : -v);
        if (random.Next(2) == 0)
        {
            return fresh.ToList();
        }

        var kept = previous.Take(random.Next(previous.Count + 1)).ToList();
        return [.. kept, .. fresh.Where(l => !kept.Contains(l) && !kept.Contains(-l)).Take(random.Next(1, 4))];
    }

    private static (int Variables, List<int[]> Clauses) RandomCnf(Random random, int maxVariables = 14)
    {
        var variables = random.Next(1, maxVariables + 1);
        var clauses = new List<int[]>();
        var count = random.Next(0, (variables * 3) + 1);
        for (var c = 0; c < count; c++)
        {
            // Mostly short clauses over nearby variables, as in feature models, so components form.
            var length = random.Next(10) switch { 0 => 1, < 6 => 2, < 9 => 3, _ => random.Next(4, 7) };
            var anchor = random.Next(1, variables + 1);
            clauses.Add([.. Enumerable.Range(0, length).Select(_ => Math.Clamp(anchor + random.Next(-3, 4), 1, variables)).Distinct().Select(v => random.Next(2) == 0 ? v : -v)]);
        }

        return (variables, clauses);
    }

    /// <summary>The clauses written as a DIMACS file, imported and compiled on the clause engine (one constraint per distinct clause).</summary>
    private static CompiledModel CompileAsDimacs(int variables, List<int[]> clauses, CompilerOptions? options = null)
    {
        var text = new StringBuilder($"p cnf {variables} {clauses.Count}\n");
        clauses.ForEach(c => text.AppendLine(string.Join(' ', c) + " 0"));
        var model = ModelImporter.Import(text.ToString(), "random.dimacs").GetModelOrThrow();
        var compiled = options is null ? SmallModels.Compile(model, SolverEngineKind.Boolean) : ModelCompiler.Compile(model, options).GetModelOrThrow();
        Assert.Equal(SolverEngineKind.Boolean, compiled.Engine);
        return compiled;
    }

    /// <summary>DIMACS literals as a selection of the imported model: x5 takes yes for 5, nothing for -5.</summary>
    private static Selection AsSelection(IEnumerable<int> literals) =>
        literals.Aggregate(Selection.Empty, (s, l) => s.With("x" + Math.Abs(l), l > 0 ? ["yes"] : []));

    private static BigInteger BruteForceCount(int variables, List<int[]> clauses, IReadOnlyList<int> assumptions)
    {
        var count = 0L;
        var model = new bool[variables + 1];
        for (var bits = 0; bits < 1 << variables; bits++)
        {
            for (var v = 1; v <= variables; v++)
            {
                model[v] = (bits & (1 << (v - 1))) != 0;
            }

            if (Satisfies(model, clauses, assumptions))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Every solution (index 1 on) that keeps the assumptions.</summary>
    private static List<bool[]> Solutions(int variables, List<int[]> clauses, IReadOnlyList<int> assumptions)
    {
        var solutions = new List<bool[]>();
        for (var bits = 0; bits < 1 << variables; bits++)
        {
            var model = new bool[variables + 1];
            for (var v = 1; v <= variables; v++)
            {
                model[v] = (bits & (1 << (v - 1))) != 0;
            }

            if (Satisfies(model, clauses, assumptions))
            {
                solutions.Add(model);
            }
        }

        return solutions;
    }

    /// <summary>A solution's total cost: per variable, the cost of the literal it makes true (2v true, 2v + 1 false, 0-based).</summary>
    private static decimal Cost(bool[] model, decimal[] cost) =>
        Enumerable.Range(1, model.Length - 1).Sum(v => cost[(2 * (v - 1)) + (model[v] ? 0 : 1)]);

    private static bool Satisfies(bool[] model, List<int[]> clauses, IReadOnlyList<int> assumptions) =>
        clauses.All(c => c.Any(l => model[Math.Abs(l)] == l > 0)) && assumptions.All(l => model[Math.Abs(l)] == l > 0);

    /// <summary>A FeatureIDE model: a random tree of and/or/alt groups, mandatory and optional features, and a few cross-tree rules.</summary>
    internal static string RandomFeatureModel(Random random)
    {
        var names = new List<string>();
        var xml = new StringBuilder("<featureModel><struct>");
        Feature(0);
        xml.Append("</struct><constraints>");
        for (var r = 0; r < random.Next(0, 4); r++)
        {
            var a = names[random.Next(names.Count)];
            var b = names[random.Next(names.Count)];
            xml.Append(random.Next(3) switch
            {
                0 => $"<rule><imp><var>{a}</var><var>{b}</var></imp></rule>",
                1 => $"<rule><imp><var>{a}</var><not><var>{b}</var></not></imp></rule>",
                _ => $"<rule><disj><var>{a}</var><conj><var>{b}</var><not><var>{names[random.Next(names.Count)]}</var></not></conj></disj></rule>",
            });
        }

        return xml.Append("</constraints></featureModel>").ToString();

        void Feature(int depth)
        {
            var name = $"f{names.Count}";
            names.Add(name);
            var mandatory = random.Next(4) == 0 ? " mandatory=\"true\"" : "";
            var children = depth < 3 && names.Count < 11 ? random.Next(0, 4) : 0;
            if (children == 0)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<feature name=\"{name}\"{mandatory}/>");
                return;
            }

            var kind = random.Next(3) switch { 0 => "and", 1 => "or", _ => "alt" };
            xml.Append(CultureInfo.InvariantCulture, $"<{kind} name=\"{name}\"{mandatory}>");
            for (var c = 0; c < children; c++)
            {
                Feature(depth + 1);
            }

            xml.Append(CultureInfo.InvariantCulture, $"</{kind}>");
        }
    }
}
