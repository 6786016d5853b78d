using System.Collections.Immutable;
using System.Diagnostics;
using System.Numerics;
using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Solving.Constraints;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>Rules that bound a sum of per-module numbers, which the diagram carries as partial sums.</summary>
public class LinearSumTests
{
    [Fact]
    public void SumRules_RandomModels_MatchTheOracle() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = SumModel(new Random(seed));
            var oracle = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, SolverEngineKind.Diagram);
            Assert.Equal(SolverEngineKind.Diagram, compiled.Engine);

            var expected = oracle.ValidConfigurations().Select(c => BruteForceOracle.Key(c, model)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(new BigInteger(expected.Count), compiled.Count());
            Assert.Equal(expected, compiled.Configurations().Select(s => SmallModels.Key(s, model)).Order(StringComparer.Ordinal));

            // A reduced ordered diagram is unique for its order: the residual builder, which knows
            // nothing of sums, must build exactly the same one.
            SmallModels.AssertResidualBuilderAgrees(compiled);
        }, iter: 600, threads: 1);

    [Fact]
    public void SumRules_RandomModels_AreRecognisedAsSums()
    {
        // The property test above proves nothing about sums if none of its rules is taken as one.
        var recognised = Enumerable.Range(0, 50).Sum(seed =>
        {
            var compiled = SmallModels.Compile(SumModel(new Random(seed)), SolverEngineKind.Diagram);
            return compiled.Constraints.Count(c => LinearSum.TryCreate(c, compiled.Domains) is not null);
        });
        Assert.True(recognised >= 50, $"only {recognised} sum rules recognised in 50 models");
    }

    [Theory]
    [InlineData("a.w * b.w <= 10")]
    [InlineData("a.w + b.w <= 10 and c.w > 1")]
    [InlineData("a.w + b.w <= 1000000000000000")]
    [InlineData("a.w * 0.5 + b.w <= 10")]
    [InlineData("a.w <= 10")]
    public void TryCreate_NonLinearInexactOrSingleModuleRules_AreNotSums(string rule)
    {
        var compiled = Compile(Modules(3, 3, seed: 1), rule);
        Assert.Null(LinearSum.TryCreate(compiled.Constraints[0], compiled.Domains));
    }

    [Theory]
    [InlineData("a.w + b.w <= 10")]
    [InlineData("2 * a.w - b.w * 3 + count(c) >= -4.5")]
    [InlineData("-(a.w + b.w) != c.w - 7")]
    [InlineData("a.w / 2 + b.w <= 10")] // its divisor cleared: a.w + b.w * 2 <= 10 * 2
    public void TryCreate_LinearRules_AreSums(string rule)
    {
        var compiled = Compile(Modules(3, 3, seed: 1), rule);
        Assert.NotNull(LinearSum.TryCreate(compiled.Constraints[0], compiled.Domains));
    }

    [Fact]
    public void SumOf14ModulesPropertyUnderABound_IsCountedInSecondsNotMinutes()
    {
        // The hardening issue's defect: 12 modules of 6 options under one sum took 38 s, 14 more than 60 s.
        var modules = Modules(14, 6, seed: 5);
        var bound = 14 * 400;
        var rule = string.Join(" + ", modules.Select(m => m.Id + ".w")) + " <= " + bound;
        var watch = Stopwatch.StartNew();
        var compiled = Compile(modules, rule);
        var count = compiled.Count();
        watch.Stop();

        Assert.Equal(SolverEngineKind.Diagram, compiled.Engine);
        Assert.Equal(CountBySums(modules, bound), count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    /// <summary>An independent count: a table of how many partial configurations reach each sum.</summary>
    private static BigInteger CountBySums(ImmutableArray<Module> modules, int bound)
    {
        var ways = new Dictionary<decimal, BigInteger> { [0] = 1 };
        foreach (var module in modules)
        {
            var next = new Dictionary<decimal, BigInteger>();
            foreach (var (sum, count) in ways)
            {
                foreach (var option in module.Options)
                {
                    var total = sum + option.Properties["w"].Number;
                    if (total <= bound)
                    {
                        next[total] = next.GetValueOrDefault(total) + count;
                    }
                }
            }

            ways = next;
        }

        return ways.Values.Aggregate(BigInteger.Zero, (a, b) => a + b);
    }

    private static CompiledModel Compile(ImmutableArray<Module> modules, string rule) =>
        ModelCompiler.Compile(new ProductModel("sums", [.. modules]) { Constraints = [new Constraint("sum") { Rule = rule }] }).GetModelOrThrow();

    private static ImmutableArray<Module> Modules(int count, int options, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => new Module(((char)('a' + i)).ToString(), [.. Enumerable.Range(0, options)
            .Select(j => new Option("o" + j) { Properties = new Dictionary<string, PropertyValue> { ["w"] = random.Next(1, 1000) }.ToEquatableDictionary() })]))];
    }

    /// <summary>
    /// Three to six modules (some optional, some multi-select) with a number on each option, under one
    /// to three sum rules of random shape, and sometimes a condition that is not a sum.
    /// </summary>
    private static ProductModel SumModel(Random random)
    {
        while (true)
        {
            var modules = Enumerable.Range(0, random.Next(3, 7)).Select(i =>
            {
                var options = Enumerable.Range(0, random.Next(1, 4))
                    .Select(j => new Option("o" + j)
                    {
                        Properties = new Dictionary<string, PropertyValue> { ["w"] = random.Next(-20, 60) / (random.Next(3) == 0 ? 4m : 1m) }.ToEquatableDictionary(),
                    })
                    .ToList();
                var max = random.Next(5) == 0 ? Math.Min(2, options.Count) : 1;
                return new Module("m" + i, [.. options]) { Min = random.Next(4) == 0 ? 0 : Math.Min(1, max), Max = max };
            }).ToList();

            var rules = Enumerable.Range(0, random.Next(1, 4)).Select(r => new Constraint("s" + r) { Rule = SumRule(random, modules) }).ToList();
            if (random.Next(3) == 0)
            {
                var module = modules[random.Next(modules.Count)];
                rules.Add(new Constraint("other") { Rule = $"has({module.Id}, '{module.Options[0].Id}') -> count({modules[0].Id}) == 1" });
            }

            var model = new ProductModel("sum-model", [.. modules]) { Constraints = [.. rules] };
            if (BruteForceOracle.RawSpace(model) <= SmallModels.MaxRawSpace)
            {
                return model;
            }
        }
    }

    private static string SumRule(Random random, List<Module> modules)
    {
        var terms = modules.Where(_ => random.Next(3) > 0).Select(m => random.Next(5) switch
        {
            0 => $"{random.Next(2, 4)} * {m.Id}.w",
            1 => $"- {m.Id}.w",
            2 => $"count({m.Id})",
            _ => $"{m.Id}.w",
        }).ToList();
        if (terms.Count < 2)
        {
            terms = [$"{modules[0].Id}.w", $"{modules[1].Id}.w"];
        }

        var op = RandomPick(random, ["<=", "<", ">=", ">", "==", "!="]);
        return $"{string.Join(" + ", terms)} {op} {random.Next(-10, 120)}";
    }

    private static string RandomPick(Random random, string[] items) => items[random.Next(items.Length)];
}
