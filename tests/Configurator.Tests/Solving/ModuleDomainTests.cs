using Configurator.Modeling;
using Configurator.Solving.Domains;

namespace Configurator.Tests.Solving;

/// <summary>Module domains: their values by a plain enumeration, and the shapes small modules share.</summary>
public class ModuleDomainTests
{
    private static Module Module(string id, int options, int min, int max, int seed = 0)
    {
        var ids = Enumerable.Range(0, options).Select(o => $"o{o}").ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
        return new Module(id, [.. ids.Select(o => new Option(o))]) { Min = min, Max = max };
    }

    /// <summary>Every subset of the options with a size in [min, max], by size and then by position.</summary>
    private static List<int[]> Expected(int options, int min, int max) =>
        [.. Enumerable.Range(0, 1 << options)
            .Select(mask => Enumerable.Range(0, options).Where(o => (mask & (1 << o)) != 0).ToArray())
            .Where(subset => subset.Length >= min && subset.Length <= max)
            .OrderBy(subset => subset.Length)
            .ThenBy(subset => string.Join(",", subset.Select(o => o.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal)];

    [Fact]
    public void Create_EveryShape_HasThePlainEnumerationsValues()
    {
        // Shapes up to 8 options are shared between modules; 9 and 10 are built each time.
        for (var options = 1; options <= 10; options++)
        {
            for (var min = 0; min <= options; min++)
            {
                for (var max = Math.Max(min, 1); max <= options; max++)
                {
                    var expected = Expected(options, min, max);
                    for (var seed = 0; seed < 2; seed++)
                    {
                        var module = Module($"m{seed}", options, min, max, seed);
                        var domain = ModuleDomain.Create(module, seed, int.MaxValue)!;
                        Assert.Equal(expected, domain.Values.Select(v => v.ToArray()));
                        for (var o = 0; o < options; o++)
                        {
                            var single = domain.SingleOptionValue[o];
                            Assert.Equal(expected.FindIndex(v => v is [var only] && only == o), single);
                            Assert.Equal(o, domain.OptionIndex(module.Options[o].Id));
                            Assert.All(Enumerable.Range(0, domain.ValueCount), v => Assert.Equal(expected[v].Contains(o), domain.Contains(v, o)));
                        }

                        Assert.Null(domain.OptionIndex("missing"));
                    }
                }
            }
        }
    }

    [Fact]
    public void Create_SameShapeTwice_EachModuleFindsItsOwnOptions()
    {
        var first = ModuleDomain.Create(new Module("a", [new Option("x"), new Option("y")]) { Min = 0 }, 0, int.MaxValue)!;
        var second = ModuleDomain.Create(new Module("b", [new Option("y"), new Option("x")]) { Min = 0 }, 1, int.MaxValue)!;

        Assert.Equal((0, 1), (first.OptionIndex("x"), first.OptionIndex("y")));
        Assert.Equal((1, 0), (second.OptionIndex("x"), second.OptionIndex("y")));
        Assert.Same(first.Module, first.Module);
        Assert.Equal("b", second.Module.Id);
        Assert.Equal(1, second.Index);
    }

    [Fact]
    public void Create_KnownShapeOverTheLimit_IsRefused()
    {
        // The shape (4 options, 0 to 4) has 16 values; once shared, the limit still applies.
        Assert.NotNull(ModuleDomain.Create(Module("m", 4, 0, 4), 0, int.MaxValue));
        Assert.Null(ModuleDomain.Create(Module("n", 4, 0, 4), 0, maxValues: 15));
        Assert.NotNull(ModuleDomain.Create(Module("o", 4, 0, 4), 0, maxValues: 16));
    }
}
