using Configurator.Modeling;
using Configurator.Serialization;
using Configurator.Solving;

namespace Configurator.Tests.Solving;

public class CoveringSampleTests
{
    /// <summary>
    /// The oracle's own reading of an interaction element: a single-select module's option or
    /// "nothing", a multi-select module's option taken or not, written as text so that the
    /// engine's element indices play no part.
    /// </summary>
    private static List<string> Elements(Dictionary<string, string[]> configuration, ProductModel model)
    {
        var elements = new List<string>();
        foreach (var module in model.Modules)
        {
            var chosen = configuration[module.Id];
            if (!module.IsMultiSelect)
            {
                elements.Add($"{module.Id}={(chosen.Length == 0 ? "(none)" : chosen[0])}");
                continue;
            }

            elements.AddRange(module.Options.Select(o => $"{module.Id}{(chosen.Contains(o.Id) ? "+" : "-")}{o.Id}"));
        }

        return elements;
    }

    private static IEnumerable<string> Interactions(List<string> elements, int t) => t switch
    {
        1 => elements,
        2 => from i in Enumerable.Range(0, elements.Count) from j in Enumerable.Range(i + 1, elements.Count - i - 1) select elements[i] + "|" + elements[j],
        _ => from i in Enumerable.Range(0, elements.Count) from j in Enumerable.Range(i + 1, elements.Count - i - 1) from k in Enumerable.Range(j + 1, elements.Count - j - 1) select elements[i] + "|" + elements[j] + "|" + elements[k],
    };

    private static Dictionary<string, string[]> AsOracle(Selection selection, ProductModel model) =>
        model.Modules.ToDictionary(m => m.Id, m => selection.Choices.TryGetValue(m.Id, out var ids) ? ids.ToArray() : [], StringComparer.Ordinal);

    /// <summary>
    /// On random models and every engine, every configuration of a t-wise sample is valid, the
    /// sample has every interaction that some valid configuration has (found by brute force), and
    /// the engine's number of valid interactions is the oracle's.
    /// </summary>
    [Fact]
    public void RandomModels_SamplesAreValidAndCoverEveryValidInteraction() => Parallel.For(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
    {
        var model = SmallModels.Create(seed);
        var t = 1 + (seed % 3);
        var oracle = new BruteForceOracle(model);
        var valid = oracle.ValidConfigurations().ToList();
        var validKeys = valid.Select(c => BruteForceOracle.Key(c, model)).ToHashSet(StringComparer.Ordinal);
        var expected = valid.SelectMany(c => Interactions(Elements(c, model), t)).ToHashSet(StringComparer.Ordinal);

        var compiled = SmallModels.Compile(model, SmallModels.AnyEngine(new Random(seed)));
        var sample = compiled.SampleCovering(t, seed);
        Assert.All(sample.Configurations, c => Assert.Contains(BruteForceOracle.Key(AsOracle(c, model), model), validKeys));
        var covered = sample.Configurations.SelectMany(c => Interactions(Elements(AsOracle(c, model), model), t)).ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.IsSubsetOf(covered), $"seed {seed}, t={t}: {string.Join(", ", expected.Except(covered).Take(5))} uncovered");
        Assert.Equal(expected.Count, sample.Coverage.ValidInteractions);
        Assert.Equal(expected.Count, sample.Coverage.CoveredInteractions);
        Assert.True(sample.Configurations.Length <= Math.Max(valid.Count, 0));

        if (t == 1 && compiled.Engine == SolverEngineKind.Boolean)
        {
            // On a circuit each configuration takes as many options not yet covered as any valid configuration could.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var configuration in sample.Configurations)
            {
                var best = valid.Max(c => Elements(c, model).Count(e => !seen.Contains(e)));
                var elements = Elements(AsOracle(configuration, model), model);
                Assert.Equal(best, elements.Count(e => !seen.Contains(e)));
                seen.UnionWith(elements);
            }
        }

        // Measured again from outside, the sample covers everything; all valid configurations too; nothing covers nothing.
        Assert.Equal(expected.Count, compiled.MeasureCoverage(sample.Configurations, t).CoveredInteractions);
        Assert.Equal(expected.Count, compiled.MeasureCoverage(compiled.Configurations(), t).CoveredInteractions);
        Assert.Equal(0, compiled.MeasureCoverage([], t).CoveredInteractions);
    });

    [Fact]
    public void Window_PairwiseSampleIsNearTheLowerBound()
    {
        // 5 frames x 10 glasses x 3 strengths x 12 designs and no rules: no pairwise sample has fewer than 10 x 12 configurations.
        var compiled = ModelCompiler.Compile(ProductModelJson.Load(File.ReadAllText(RepositoryPaths.SampleModel("window.json"))).Model!).GetModelOrThrow();
        var sample = compiled.SampleCovering(2);
        Assert.Equal(1.0, sample.Coverage.Ratio);
        Assert.InRange(sample.Configurations.Length, 120, 130);
        Assert.Equal(sample.Configurations, compiled.SampleCovering(2).Configurations);
        Assert.NotEqual(sample.Configurations, compiled.SampleCovering(2, seed: 7).Configurations);
    }

    [Fact]
    public void Coverage_OfUniformSamplesIsMeasuredAndInvalidOnesAreCounted()
    {
        var compiled = ModelCompiler.Compile(ProductModelJson.Load(File.ReadAllText(RepositoryPaths.SampleModel("window-rules.json"))).Model!).GetModelOrThrow();
        var uniform = compiled.SampleMany(5, seed: 1);
        var invalid = Selection.Parse("frame=arched", "glass=clear", "strength=1", "size=s", "colour=white", "extras=");
        var coverage = compiled.MeasureCoverage([.. uniform, invalid], 2);
        Assert.InRange(coverage.Ratio, 0.01, 0.99);
        Assert.Equal(1, coverage.InvalidConfigurations);
        Assert.Throws<ArgumentOutOfRangeException>(() => compiled.SampleCovering(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => compiled.MeasureCoverage([], 0));
        Assert.Throws<InvalidSelectionException>(() => compiled.MeasureCoverage([Selection.Parse("frame=nope")], 2));
    }
}
