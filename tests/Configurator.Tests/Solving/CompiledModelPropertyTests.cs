using System.Numerics;
using Configurator.Solving;
using Configurator.Solving.Diagrams;
using Configurator.Solving.Search;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>The engine against the brute-force oracle on thousands of random small models.</summary>
public class CompiledModelPropertyTests
{
    [Theory]
    [InlineData(SolverEngineKind.Diagram, 0)]
    [InlineData(SolverEngineKind.Search, 0)]
    [InlineData(SolverEngineKind.Search, 1)]
    [InlineData(SolverEngineKind.Search, 2)]
    [InlineData(SolverEngineKind.Boolean, 0)]
    public void CountAndEnumerate_RandomModels_MatchTheOracle(SolverEngineKind engine, int propagators) =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = SmallModels.Create(seed);
            var oracle = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, engine, (Configurator.Solving.Search.PropagatorChoice)propagators);
            if (engine == SolverEngineKind.Boolean && compiled.Engine != engine)
            {
                // About one random model in 10,000 has a rule without an exact clause form (a sum too
                // wide for the encoder's node limit); the compiler then falls back to search, tested above.
                Assert.Null(Configurator.Solving.Boolean.CnfEncoder.TryEncode(compiled.Domains, compiled.Constraints, out _));
                return;
            }

            Assert.Equal(engine, compiled.Engine);

            var expected = oracle.ValidConfigurations().Select(c => BruteForceOracle.Key(c, model)).Order(StringComparer.Ordinal).ToList();
            var enumerated = compiled.Configurations().Select(s => SmallModels.Key(s, model)).ToList();

            Assert.Equal(new BigInteger(expected.Count), compiled.Count());
            Assert.Equal(expected, enumerated.Order(StringComparer.Ordinal));
        }, iter: 1000, threads: 1);

    [Fact]
    public void Compile_ThousandsOfConstraints_EachCompiledInItsPlace() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Past 1,024 constraints the compiler compiles them on every core: the model's own
            // rules, shuffled among random rules that always hold, must each land in their place.
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            var constraints = new List<Configurator.Modeling.Constraint>(model.Constraints);
            while (constraints.Count < 1_200)
            {
                var rule = Configurator.Rules.RulePrinter.Print(Configurator.Tests.Generators.RandomRules.Condition(random, model, 2));
                constraints.Add(Configurator.Modeling.Constraint.FromRule($"always{constraints.Count}", $"({rule}) or not ({rule})"));
            }

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(constraints));
            var large = model with { Constraints = [.. constraints] };
            var compiled = ModelCompiler.Compile(large).GetModelOrThrow();

            Assert.Equal(constraints, compiled.Constraints.Select(c => c.Source));
            Assert.Equal(Enumerable.Range(0, constraints.Count), compiled.Constraints.Select(c => c.Position));
            Assert.Equal(new BigInteger(new BruteForceOracle(model).ValidConfigurations().Count()), compiled.Count());
        }, iter: 20, threads: 1);

    [Fact]
    public void CountAndEnumerate_UnderRandomPartialSelections_MatchTheOracle() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            var oracle = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, (SolverEngineKind)random.Next(3));
            var partial = SmallModels.RandomPartial(random, model, oracle);

            var expected = oracle.ValidConfigurations(c => SmallModels.Extends(c, partial)).Select(c => BruteForceOracle.Key(c, model)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(new BigInteger(expected.Count), compiled.Count(partial));
            Assert.Equal(expected, compiled.Configurations(partial).Select(s => SmallModels.Key(s, model)).Order(StringComparer.Ordinal));
        }, iter: 1500, threads: 1);

    [Fact]
    public void Exists_UnderRandomRestrictions_MatchesTheOracle() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Any subset of each module's values, empty ones included: the depth-first existence
            // check must agree with the brute-force configurations on every one.
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            var compiled = SmallModels.Compile(model, SolverEngineKind.Diagram);
            var valid = ValidValues(model, compiled);
            for (var query = 0; query < 8; query++)
            {
                var restriction = new Restriction(compiled.Domains.Length);
                for (var module = 0; module < compiled.Domains.Length; module++)
                {
                    if (random.Next(2) == 0)
                    {
                        restriction.Restrict(module, [.. Enumerable.Range(0, compiled.Domains[module].ValueCount).Select(_ => random.Next(3) != 0)]);
                    }
                }

                var expected = valid.Any(values => values.Select((value, module) => restriction.Allows(module, value)).All(allowed => allowed));
                Assert.Equal(expected, compiled.Exists(restriction));
            }
        }, iter: 1000, threads: 1);

    [Fact]
    public void EarliestRefuting_UnderRandomRestrictions_IsTheShortestInconsistentPrefix() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // A hard restriction and a list of single-module ones, several on one module at times:
            // the one-pass answer must be the first prefix the brute-force configurations refute.
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            var compiled = SmallModels.Compile(model, SolverEngineKind.Diagram);
            var modules = compiled.Domains.Length;
            var valid = ValidValues(model, compiled);
            bool[] RandomValues(int module) => [.. Enumerable.Range(0, compiled.Domains[module].ValueCount).Select(_ => random.Next(4) != 0)];
            for (var query = 0; query < 8; query++)
            {
                var hard = new Restriction(modules);
                if (random.Next(2) == 0)
                {
                    var module = random.Next(modules);
                    hard.Restrict(module, RandomValues(module));
                }

                var soft = Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(modules)).Select(m => (m, RandomValues(m))).ToList();
                var end = random.Next(soft.Count + 1);
                bool Survives(int[] values, int prefix) =>
                    values.Select((value, module) => hard.Allows(module, value)).All(a => a)
                    && soft.Take(prefix).All(s => s.Item2[values[s.m]]);
                var expected = !valid.Any(v => Survives(v, 0)) ? -1
                    : Enumerable.Range(0, end).Where(i => !valid.Any(v => Survives(v, i + 1))).DefaultIfEmpty(end).First();
                Assert.Equal(expected, compiled.EarliestRefuting(hard, soft, end));
            }
        }, iter: 1000, threads: 1);

    /// <summary>The brute-force oracle's valid configurations, each as the value index of every module.</summary>
    private static List<int[]> ValidValues(Configurator.Modeling.ProductModel model, CompiledModel compiled) =>
        [.. new BruteForceOracle(model).ValidConfigurations()
            .Select(c => compiled.ToRestriction(c.Aggregate(Selection.Empty, (s, m) => s.With(m.Key, m.Value))))
            .Select(r => Enumerable.Range(0, compiled.Domains.Length).Select(m => Array.IndexOf(r.AllowedValues(m)!, true)).ToArray())];

    [Fact]
    public void ResidualDiagram_RandomModels_IsTheSameReducedDiagramAsTheFrontierOne() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // A reduced ordered diagram is unique for its order, so two correct builders must agree exactly.
            var model = SmallModels.Create(seed);
            SmallModels.AssertResidualBuilderAgrees(SmallModels.Compile(model, SolverEngineKind.Diagram));
        }, iter: 1000, threads: 1);

    [Fact]
    public void ResidualDiagram_OverBudget_GivesUp()
    {
        var model = SmallModels.Create(7);
        var compiled = SmallModels.Compile(model, SolverEngineKind.Diagram);
        var propagation = new Propagation(compiled.Domains, compiled.Constraints);
        Assert.Null(ResidualDiagramBuilder.Build(compiled.Plan, compiled.Domains, propagation, nodeBudget: 1, stepBudget: long.MaxValue));
        Assert.Null(ResidualDiagramBuilder.Build(compiled.Plan, compiled.Domains, propagation, nodeBudget: int.MaxValue, stepBudget: 1));
    }

    [Fact]
    public void Enumerate_BothEngines_GiveTheSameSequence() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = SmallModels.Create(seed);
            var diagram = SmallModels.Compile(model, SolverEngineKind.Diagram).Configurations().ToList();
            var search = SmallModels.Compile(model, SolverEngineKind.Search).Configurations().ToList();
            Assert.Equal(diagram, search);
        }, iter: 500, threads: 1);

    [Fact]
    public void Validate_RandomCompleteSelections_MatchesTheOracleVerdict() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            var oracle = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, SolverEngineKind.Diagram);
            var combinations = oracle.AllCombinations().ToList();
            for (var i = 0; i < 10; i++)
            {
                var combination = combinations[random.Next(combinations.Count)];
                var selection = model.Modules.Aggregate(Selection.Empty, (s, m) => s.With(m.Id, combination[m.Id]));
                var report = compiled.Validate(selection);
                Assert.Equal(oracle.ViolatedConstraints(combination), report.Violations.Select(v => v.ConstraintId!));
                Assert.All(report.Violations, v => Assert.Equal(ViolationKind.Constraint, v.Kind));
            }
        }, iter: 1000, threads: 1);

    [Fact]
    public void Compile_Presets_FailsExactlyWhenTheOracleRejectsAPreset() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = SmallModels.Create(seed, withPresets: true);
            var oracle = new BruteForceOracle(model);
            var presetsValid = model.Presets.All(p => oracle.ViolatedConstraints(model.Modules.ToDictionary(m => m.Id, m => p.Selections.TryGetValue(m.Id, out var s) ? s.ToArray() : [])).Count == 0);
            var result = Configurator.Solving.ModelCompiler.Compile(model);
            Assert.Equal(presetsValid, result.Succeeded);
            Assert.All(result.Errors, e => Assert.Equal(Configurator.Validation.ModelErrorCodes.PresetViolatesConstraints, e.Code));
        }, iter: 1000, threads: 1);

    [Fact]
    public void Shards_RandomModels_PartitionTheSequenceInOrder() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            var compiled = SmallModels.Compile(model, (SolverEngineKind)random.Next(3));
            var all = compiled.Configurations().ToList();
            var shardCount = random.Next(1, 7);
            var joined = Enumerable.Range(1, shardCount)
                .SelectMany(i => compiled.Configurations(options: new EnumerateOptions { ShardIndex = i, ShardCount = shardCount }))
                .ToList();
            Assert.Equal(all, joined);
        }, iter: 500, threads: 1);

    [Fact]
    public void Sample_RandomModels_IsUniform() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = SmallModels.Create(seed);
            var compiled = SmallModels.Compile(model, (SolverEngineKind)(seed % 3));
            var count = (int)compiled.Count();
            if (count is < 2 or > 40)
            {
                return;
            }

            // Chi-square goodness of fit against the uniform distribution.
            var draws = 100 * count;
            var frequencies = compiled.SampleMany(draws, seed).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(count, frequencies.Count);
            var expected = (double)draws / count;
            var chiSquare = frequencies.Values.Sum(observed => (observed - expected) * (observed - expected) / expected);
            Assert.True(chiSquare < ChiSquareCritical(count - 1), $"chi-square {chiSquare:F1} with {count - 1} degrees of freedom");
        }, iter: 300, threads: 1);

    /// <summary>
    /// An upper critical value at p = 0.000001 (Wilson–Hilferty approximation), so a fair sampler
    /// fails about once in a million models. At p = 0.0001 a fair draw failed (seed 1698380881: 133
    /// to 67 over two configurations, the seeded stream's own first bits) about once in 30 runs;
    /// a sampler that favours one configuration twice over still scores far above this line.
    /// </summary>
    private static double ChiSquareCritical(int degrees)
    {
        const double z = 4.753; // the standard normal's 0.999999 quantile
        var k = (double)degrees;
        var term = 1 - (2 / (9 * k)) + (z * Math.Sqrt(2 / (9 * k)));
        return k * term * term * term;
    }
}
