using System.Numerics;
using Configurator.Modeling;

namespace Configurator.Tests.Solving;

/// <summary>An independent count of ring models: the trace of the product of the tables' 0/1 matrices.</summary>
internal static class TransferMatrix
{
    public static BigInteger Count(ProductModel model)
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
