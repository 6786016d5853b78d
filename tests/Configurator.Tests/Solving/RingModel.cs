using System.Numerics;
using Configurator.Modeling;

namespace Configurator.Tests.Solving;

/// <summary>
/// Modules in a ring, each pair of neighbours tied by a random table that allows about three
/// quarters of the option pairs: 60 modules of 8 options give about 10^47 configurations.
/// </summary>
internal static class RingModel
{
    public static ProductModel Create(int modules, int options, int seed, double density = 0.76)
    {
        var random = new Random(seed);
        var builder = new ProductModelBuilder($"ring-{modules}x{options}");
        for (var m = 0; m < modules; m++)
        {
            builder.AddModule("m" + m, module =>
            {
                for (var o = 0; o < options; o++)
                {
                    module.AddOption("o" + o, price: random.Next(0, 100));
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

    /// <summary>An independent count: the trace of the product of the tables' 0/1 matrices around the ring.</summary>
    public static BigInteger CountByTransferMatrix(ProductModel model)
    {
        var n = model.Modules[0].Options.Count;
        var product = Identity(n);
        foreach (var constraint in model.Constraints)
        {
            var matrix = new BigInteger[n, n];
            foreach (var row in constraint.Table!.Rows)
            {
                matrix[int.Parse(row[0]![1..], System.Globalization.CultureInfo.InvariantCulture), int.Parse(row[1]![1..], System.Globalization.CultureInfo.InvariantCulture)] = 1;
            }

            product = Multiply(product, matrix, n);
        }

        var trace = BigInteger.Zero;
        for (var i = 0; i < n; i++)
        {
            trace += product[i, i];
        }

        return trace;
    }

    private static BigInteger[,] Identity(int n)
    {
        var identity = new BigInteger[n, n];
        for (var i = 0; i < n; i++)
        {
            identity[i, i] = 1;
        }

        return identity;
    }

    private static BigInteger[,] Multiply(BigInteger[,] a, BigInteger[,] b, int n)
    {
        var c = new BigInteger[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = BigInteger.Zero;
                for (var k = 0; k < n; k++)
                {
                    sum += a[i, k] * b[k, j];
                }

                c[i, j] = sum;
            }
        }

        return c;
    }
}
