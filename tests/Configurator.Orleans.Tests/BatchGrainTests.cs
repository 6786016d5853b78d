using System.Numerics;
using Configurator.Solving;

namespace Configurator.Orleans.Tests;

/// <summary>Count, enumeration and sampling split over a 3-silo cluster against the same work in one process.</summary>
public sealed class BatchGrainTests(BatchFixture fixture) : IClassFixture<BatchFixture>
{
    [Theory]
    [InlineData("ring", 0)]
    [InlineData("ring", 7)]
    [InlineData("window-rules", 5)]
    [InlineData("renault", 0)]
    [InlineData("busybox", 0)]
    public async Task Count_AcrossTheCluster_EqualsTheLocalCount(string modelId, int parts)
    {
        SkipWithoutShared(modelId);
        var local = fixture.Catalog.Get(modelId).Count();
        var result = await fixture.Batch.CountAsync(modelId, null, parts, TestContext.Current.CancellationToken);

        Assert.Equal(local, result.Count);
        Assert.True(result.Parts >= (parts == 0 ? 12 : parts), $"{result.Parts} parts");
        Assert.True(result.Silos >= 2, $"the parts ran on {result.Silos} silo(s)");
    }

    [Fact]
    public async Task Count_WithinASelection_EqualsTheLocalCount()
    {
        var model = fixture.Catalog.Get("window-rules");
        var first = model.Model.Modules[0];
        var within = Selection.Empty.With(first.Id, first.Options[0].Id);
        var result = await fixture.Batch.CountAsync("window-rules", within, 6, TestContext.Current.CancellationToken);
        Assert.Equal(model.Count(within), result.Count);
    }

    [Theory]
    [InlineData("window", 7)]
    [InlineData("window-rules", 0)]
    public async Task Enumerate_AcrossTheCluster_IsTheLocalEnumerationInOrder(string modelId, int parts)
    {
        var local = fixture.Catalog.Get(modelId).Configurations().ToList();
        var remote = await Collect(modelId, null, parts);

        // Diagram shards by rank come back in part order: the very same sequence.
        Assert.Equal(local, remote);
    }

    [Fact]
    public async Task Enumerate_RandomModels_PartsAreDisjointAndComplete()
    {
        var checkedModels = 0;
        for (var seed = 0; seed < BatchFixture.RandomModelCount; seed++)
        {
            var modelId = $"random-{seed}";
            var local = fixture.Catalog.Get(modelId).Configurations().ToList();
            var remote = await Collect(modelId, null, 1 + (seed % 5));
            Assert.Equal(local.Count, remote.Count);
            Assert.Equal(remote.Count, remote.Distinct().Count());
            Assert.Equal(local.ToHashSet(), remote.ToHashSet());
            checkedModels += local.Count > 0 ? 1 : 0;
        }

        Assert.True(checkedModels >= 6, $"only {checkedModels} random models had configurations");
    }

    [Fact]
    public async Task Enumerate_OnTheClauseEngine_CubesAreDisjointAndComplete()
    {
        SkipWithoutShared("busybox");

        // BusyBox has far too many configurations to list; within a deep selection the cubes still cover exactly its completions.
        var model = fixture.Catalog.Get("busybox");
        Assert.Equal(SolverEngineKind.Boolean, model.Engine);
        var within = model.SampleMany(1, seed: 3)[0];
        within = within.Choices.Take(within.Choices.Count - 8).Aggregate(Selection.Empty, (s, c) => s.With(c.Key, [.. c.Value]));
        var local = model.Configurations(within).ToList();
        var remote = await Collect("busybox", within, 8);

        Assert.InRange(local.Count, 2, 1 << 8);
        Assert.Equal(remote.Count, remote.Distinct().Count());
        Assert.Equal(local.ToHashSet(), remote.ToHashSet());
    }

    [Fact]
    public async Task Sample_AcrossTheCluster_IsUniformByChiSquare()
    {
        // window-rules: 936 configurations, 30 draws each expected.
        var model = fixture.Catalog.Get("window-rules");
        var total = (int)model.Count();
        var draws = 30 * total;
        var samples = await fixture.Batch.SampleAsync("window-rules", draws, seed: 11, null, 0, TestContext.Current.CancellationToken);

        Assert.Equal(draws, samples.Count);
        Assert.All(samples.Distinct(), s => Assert.True(model.Validate(s).IsValid));
        var observed = samples.GroupBy(s => s).Select(g => (double)g.Count()).ToList();
        var expected = (double)draws / total;
        // Every configuration is a cell; one never drawn adds its whole expectation.
        var chiSquare = observed.Sum(o => (o - expected) * (o - expected) / expected) + ((total - observed.Count) * expected);
        Assert.True(chiSquare < ChiSquareCritical(total - 1, z: 3.719), $"chi-square {chiSquare:F1} over {total - 1} degrees of freedom");

        // Deterministic for a seed and a number of parts; a different seed draws differently.
        Assert.Equal(samples, await fixture.Batch.SampleAsync("window-rules", draws, seed: 11, null, 0, TestContext.Current.CancellationToken));
        Assert.NotEqual(samples, await fixture.Batch.SampleAsync("window-rules", draws, seed: 12, null, 0, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BadRequests_AreSpecificErrors_AndTheClusterStaysUsable()
    {
        var unknown = await Assert.ThrowsAsync<ConfiguratorException>(() => fixture.Batch.CountAsync("no-such-model", null, 0, TestContext.Current.CancellationToken));
        Assert.Equal(ConfiguratorErrorCodes.UnknownModel, unknown.Code);
        var bad = await Assert.ThrowsAsync<InvalidSelectionException>(() => fixture.Batch.CountAsync("window", Selection.Parse("frame=no-such-frame"), 0, TestContext.Current.CancellationToken));
        Assert.Equal("no-such-frame", bad.OptionId);
        Assert.Equal(new BigInteger(1800), (await fixture.Batch.CountAsync("window", null, 0, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Enumerate_StoppedEarly_CancelsTheParts()
    {
        var taken = 0;
        await foreach (var _ in fixture.Batch.EnumerateAsync("ring", null, 6, TestContext.Current.CancellationToken))
        {
            if (++taken == 10_000)
            {
                break;
            }
        }

        Assert.Equal(10_000, taken);
        Assert.Equal(new BigInteger(1800), (await fixture.Batch.CountAsync("window", null, 3, TestContext.Current.CancellationToken)).Count);
    }

    private async Task<List<Selection>> Collect(string modelId, Selection? within, int parts)
    {
        var configurations = new List<Selection>();
        await foreach (var configuration in fixture.Batch.EnumerateAsync(modelId, within, parts, TestContext.Current.CancellationToken))
        {
            configurations.Add(configuration);
        }

        return configurations;
    }

    /// <summary>The chi-square quantile for <paramref name="degrees"/> at the normal quantile <paramref name="z"/> (Wilson–Hilferty).</summary>
    private static double ChiSquareCritical(int degrees, double z)
    {
        var k = 2.0 / (9 * degrees);
        return degrees * Math.Pow(1 - k + (z * Math.Sqrt(k)), 3);
    }

    private void SkipWithoutShared(string modelId)
    {
        if (modelId is "renault" or "busybox" && !fixture.HasSharedModels)
        {
            Assert.Skip("The shared benchmark models (../shared/benchmarks/models, beside the repository) are absent; Renault and BusyBox are not part of a fresh clone.");
        }
    }
}
