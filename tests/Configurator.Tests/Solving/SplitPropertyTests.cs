using System.Numerics;
using Configurator.Solving;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>Splitting into cubes against the brute-force oracle: every valid configuration in exactly one cube, no cube empty.</summary>
public class SplitPropertyTests
{
    [Fact]
    public void Split_RandomModelsAndPartialSelections_CubesAreDisjointCompleteAndNonEmpty() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            var oracle = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, random.Next(2) == 0 ? SolverEngineKind.Diagram : SolverEngineKind.Search);
            var within = random.Next(3) == 0 ? SmallModels.RandomPartial(random, model, oracle) : null;
            var parts = random.Next(1, 40);

            var cubes = compiled.Split(parts, within);
            var valid = oracle.ValidConfigurations(c => within is null || SmallModels.Extends(c, within)).ToList();

            // Each valid configuration extends exactly one cube, and each cube extends the selection.
            Assert.All(valid, c => Assert.Single(cubes, cube => SmallModels.Extends(c, cube)));
            Assert.All(cubes, cube => Assert.True(within is null || within.Choices.All(w => cube.Choices[w.Key] == w.Value)));

            // No cube is empty, the counts add up, and there are as many cubes as asked for (or one per configuration when there are fewer).
            var counts = cubes.Select(cube => valid.Count(c => SmallModels.Extends(c, cube))).ToList();
            Assert.All(counts, n => Assert.True(n > 0));
            Assert.Equal(compiled.Count(within), cubes.Aggregate(BigInteger.Zero, (sum, cube) => sum + compiled.Count(cube)));
            Assert.True(cubes.Count >= Math.Min(parts, valid.Count));
            Assert.Equal(cubes, compiled.Split(parts, within));
        }, iter: 800, threads: 1);

    [Fact]
    public void Split_BadArguments_AreSpecificErrors()
    {
        var compiled = SmallModels.Compile(SmallModels.Create(1), SolverEngineKind.Diagram);
        Assert.Throws<ArgumentOutOfRangeException>(() => compiled.Split(0));
        var error = Assert.Throws<InvalidSelectionException>(() => compiled.Split(4, Selection.Parse("no-such-module=x")));
        Assert.Equal("no-such-module", error.ModuleId);
    }
}
