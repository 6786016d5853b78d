using System.Diagnostics;
using System.Numerics;
using System.Text;
using Configurator.Importers;
using Configurator.Solving;

namespace Configurator.Tests.Solving;

/// <summary>The hardening issue's slow zero: a random unsatisfiable formula must be refuted, not searched exhaustively.</summary>
[Collection(TimingTests.Name)]
public class UnsatisfiableCountTests
{
    [Fact]
    public void RandomUnsatisfiable3SatOf200Variables_CountsZeroInSecondsNotHalfAMinute()
    {
        // 1,000 random 3-clauses over 200 variables (5 per variable, past the 4.26 threshold, so
        // unsatisfiable for any but a vanishing share of seeds) took 33 s and 629 MB to count 0.
        var random = new Random(2026);
        var text = new StringBuilder("p cnf 200 1000\n");
        for (var c = 0; c < 1000; c++)
        {
            for (var k = 0; k < 3; k++)
            {
                text.Append(random.Next(1, 201) * (random.Next(2) == 0 ? 1 : -1)).Append(' ');
            }

            text.Append("0\n");
        }

        var watch = Stopwatch.StartNew();
        var import = ModelImporter.Import(text.ToString(), "random-3sat");
        Assert.True(import.Succeeded);
        var compiled = ModelCompiler.Compile(import.Model!).GetModelOrThrow();
        var count = compiled.Count();
        watch.Stop();

        Assert.Equal(BigInteger.Zero, count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }
}
