using System.Globalization;
using Configurator.Serialization;
using Configurator.Solving;

namespace Configurator.Benchmarks.Customers;

/// <summary>
/// <c>orders MODEL.json COUNT [SEED]</c> writes a synthetic order history (JSON Lines, 2025 and 2026) to standard
/// output, as the samples under <c>samples/orders/</c> were made; <c>customers [COUNT]</c> times each stage of the
/// customer pipeline on that many car orders (a million by default), without BenchmarkDotNet's repetitions.
/// </summary>
internal static class CustomerCommands
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2026, 12, 31);

    public static int Orders(string[] args)
    {
        if (args.Length is < 2 or > 3 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            Console.Error.WriteLine("usage: orders MODEL.json COUNT [SEED]");
            return 2;
        }

        var seed = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var model = ModelCompiler.Compile(ProductModelJson.LoadFile(args[0]).GetModelOrThrow()).GetModelOrThrow();
        OrderGenerator.Write(Console.Out, OrderGenerator.For(model, seed).Generate(count, From, To));
        return 0;
    }

    public static int Time(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var car = Utils.Models.Compile("car");
        var orders = OrderGenerator.For(car, seed: 7).Generate(count, From, To);
        for (var run = 1; run <= 3; run++)
        {
            var (routes, demand, presets, stages) = CustomerAnalyticsBenchmark.Run(car, orders);
            var total = stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Time);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {count:N0} orders, {total.TotalSeconds:0.00} s ({string.Join(", ", stages.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:0} ms"))}); {routes:N0} customers beyond standard products, {demand.DistinctConfigurations:N0} configurations ordered last quarter, 5 presets cover {presets.CoverageCurve[^1]:P1}"));
        }

        return 0;
    }
}
