using Configurator.Modeling;

namespace Configurator.Benchmarks.Utils;

/// <summary>
/// Modules in a ring, each pair of neighbours tied by a random table that allows about three
/// quarters of the option pairs: 60 modules of 8 options give about 10^47 configurations. Each
/// option has a price and a weight (<c>weightKg</c>).
/// </summary>
internal static class GeneratedModels
{
    public static ProductModel Ring(int modules, int options, int seed, double density = 0.76)
    {
        var random = new Random(seed);
        // Weights come from a second generator, so prices and tables are what they were before options had weights.
        var weights = new Random(seed + 1);
        var builder = new ProductModelBuilder($"ring-{modules}x{options}");
        for (var m = 0; m < modules; m++)
        {
            builder.AddModule("m" + m, module =>
            {
                for (var o = 0; o < options; o++)
                {
                    module.AddOption("o" + o, price: random.Next(0, 100), properties: [new("weightKg", weights.Next(1, 100) / 10m)]);
                }
            });
        }

        for (var m = 0; m < modules; m++)
        {
            var next = (m + 1) % modules;
            var rows = new List<string?[]>();
            for (var a = 0; a < options; a++)
            {
                for (var b = 0; b < options; b++)
                {
                    if (random.NextDouble() < density)
                    {
                        rows.Add(["o" + a, "o" + b]);
                    }
                }
            }

            builder.AddTable($"t{m}", ["m" + m, "m" + next], TableKind.Allowed, rows);
        }

        return builder.Build();
    }

    /// <summary>Modules with no constraints at all: the fastest possible enumeration.</summary>
    public static ProductModel Unconstrained(int modules, int options)
    {
        var builder = new ProductModelBuilder($"free-{modules}x{options}");
        for (var m = 0; m < modules; m++)
        {
            builder.AddModule("m" + m, module =>
            {
                for (var o = 0; o < options; o++)
                {
                    module.AddOption("o" + o);
                }
            });
        }

        return builder.Build();
    }
}
