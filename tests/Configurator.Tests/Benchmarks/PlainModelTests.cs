using System.Numerics;
using Configurator.Benchmarks.Peers;
using Configurator.Solving;
using Configurator.Tests.Solving;
using CsCheck;

namespace Configurator.Tests.Benchmarks;

/// <summary>The export the Gecode and CP-SAT peers read: it must describe exactly our configurations.</summary>
public class PlainModelTests
{
    [Fact]
    public void Export_RandomModels_HasExactlyTheModelsConfigurations() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = SmallModels.Create(seed);
            var compiled = SmallModels.Compile(model, SolverEngineKind.Diagram);
            if (PlainModel.From(compiled) is not { } plain)
            {
                return; // a rule too large to tabulate: the peers skip such models
            }

            Assert.Equal(compiled.Count(), new BigInteger(BruteForce(plain)));
        }, iter: 500, threads: 1);

    [Fact]
    public void Export_Text_ListsSizesThenTables()
    {
        var compiled = SmallModels.Compile(Configurator.Benchmarks.Utils.GeneratedModels.Ring(3, 2, seed: 1), SolverEngineKind.Diagram);
        var lines = PlainModel.From(compiled)!.ToText().Split('\n');
        Assert.Equal("variables 3", lines[0]);
        Assert.Equal("2 2 2", lines[1]);
        Assert.Equal("tables 3", lines[2]);
        Assert.StartsWith("allowed 2 ", lines[3], StringComparison.Ordinal);
    }

    /// <summary>Counts the assignments of the plain variables that every table accepts.</summary>
    private static long BruteForce(PlainModel plain)
    {
        var values = new int[plain.Sizes.Length];
        long count = 0;
        while (true)
        {
            if (plain.Tables.All(t => t.Rows.Any(r => r.Select((v, i) => values[t.Scope[i]] == v).All(x => x)) == t.Allowed))
            {
                count++;
            }

            var position = values.Length - 1;
            while (position >= 0 && ++values[position] == plain.Sizes[position])
            {
                values[position--] = 0;
            }

            if (position < 0)
            {
                return count;
            }
        }
    }
}
