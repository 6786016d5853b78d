using System.Diagnostics;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Tests.Solving;

/// <summary>
/// Hardening item 5: counting 300 modules of 40 options under 300 random pairwise tables gave no
/// answer in 240 s and ignored Ctrl+C. Every long operation now takes a token and stops soon after it
/// is cancelled, and the compiled model stays usable.
/// </summary>
[Collection(TimingTests.Name)]
public class CancellationTests
{
    // The target is 100 ms (the console measures 35-90 ms); the bound here leaves room for a
    // 2-core CI machine running other tests beside this one.
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(1);

    private static readonly Lazy<CompiledModel> Hard = new(() => ModelCompiler.Compile(HardModel(), new CompilerOptions { NodeBudget = 50_000 }).GetModelOrThrow());

    /// <summary>The shape, with prices and a percentage rule per module so that pricing is hard too.</summary>
    internal static ProductModel HardModel(int modules = 300)
    {
        var random = new Random(5);
        var builder = new ProductModelBuilder("hard").WithCurrency("EUR");
        for (var i = 0; i < modules; i++)
        {
            builder.AddModule($"m{i}", m =>
            {
                for (var o = 0; o < 40; o++)
                {
                    m.AddOption($"o{o}", random.Next(1, 100));
                }
            });
        }

        for (var t = 0; t < modules; t++)
        {
            var (a, b) = (random.Next(modules), random.Next(modules));
            if (a != b)
            {
                builder.AddTable($"t{t}", [$"m{a}", $"m{b}"], TableKind.Allowed, Enumerable.Range(0, 800).Select(_ => new[] { $"o{random.Next(40)}", $"o{random.Next(40)}" }));
            }
        }

        for (var r = 0; r < modules / 10; r++)
        {
            builder.AddPercentage($"p{r}", $"m{random.Next(modules)} == 'o{random.Next(40)}' or m{random.Next(modules)} == 'o{random.Next(40)}'", 5);
        }

        return builder.Build();
    }

    // The clause engine's whole count: 20 independent blocks of 60 yes/no modules under random
    // three-literal clauses (2 per variable) take about 45 s to count, on two threads where there are two cores.
    private static readonly Lazy<CompiledModel> HardClauses = new(() =>
    {
        var random = new Random(7);
        var text = new System.Text.StringBuilder("p cnf 1200 2400\n");
        for (var clause = 0; clause < 2400; clause++)
        {
            var block = clause / 120;
            text.AppendLine(string.Join(' ', Enumerable.Range((block * 60) + 1, 60).OrderBy(_ => random.Next()).Take(3).Select(v => random.Next(2) == 0 ? v : -v)) + " 0");
        }

        var compiled = ModelCompiler.Compile(Configurator.Importers.ModelImporter.Import(text.ToString(), "hard.dimacs").GetModelOrThrow()).GetModelOrThrow();
        Assert.Equal(SolverEngineKind.Boolean, compiled.Engine);
        return compiled;
    });

    public static TheoryData<string> Operations() => ["count", "clause count", "count per option", "price range", "session start", "compile"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task LongOperation_Cancelled_StopsSoonAndLeavesTheModelUsable(string operation)
    {
        var model = operation == "compile" ? null : operation == "clause count" ? HardClauses.Value : Hard.Value;
        var large = operation == "compile" ? HardModel(3000) : null; // 1.2 million options: compiling takes seconds
        using var cancellation = new CancellationTokenSource();
        var token = cancellation.Token;
        Action run = operation switch
        {
            "count" or "clause count" => () => model!.Count(cancellationToken: token),
            "count per option" => () => model!.CountPerOption(cancellationToken: token),
            "price range" => () => PricingPipeline.Default.Range(model!, cancellationToken: token),
            "session start" => () => ConfigurationSession.Start(model!, cancellationToken: token),
            _ => () => ModelCompiler.Compile(large!, cancellationToken: token),
        };

        var clock = new Stopwatch();
        var worker = Task.Run(() =>
        {
            try
            {
                run();
                return false;
            }
            catch (OperationCanceledException)
            {
                clock.Stop();
                return true;
            }
        }, TestContext.Current.CancellationToken);

        // Long enough to be deep in the work: none of these ends by itself within minutes.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(worker.IsCompleted, $"{operation} ended before it was cancelled, so it proves nothing");
        clock.Start();
        cancellation.Cancel();
        var stopped = await worker.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(stopped, $"{operation} finished instead of stopping");
        Assert.True(clock.Elapsed < Soon, $"{operation} took {clock.Elapsed.TotalMilliseconds:F0} ms to stop");

        // Still usable: the same operation with a fresh token does not fail at once (a cancelled
        // step, such as recording the circuit, is not kept as its answer): it runs until stopped again,
        // or finishes.
        using var second = new CancellationTokenSource();
        token = second.Token;
        var again = Task.Run(() =>
        {
            try
            {
                run();
                return "finished";
            }
            catch (OperationCanceledException)
            {
                return second.IsCancellationRequested ? "stopped" : "failed at once";
            }
        }, TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        second.Cancel();
        Assert.NotEqual("failed at once", await again);
    }

    [Fact]
    public void AlreadyCancelledToken_StopsBeforeAnyWork()
    {
        var model = ModelCompiler.Compile(HardModel(20)).GetModelOrThrow();
        Assert.ThrowsAny<OperationCanceledException>(() => model.Count(cancellationToken: new CancellationToken(canceled: true)));

        // Importing is quick (automotive2_4 in 0.7 s), so only a token cancelled before it starts is tested here.
        Assert.ThrowsAny<OperationCanceledException>(() => Configurator.Importers.ModelImporter.Import("p cnf 1 1\n1 0\n", "x", cancellationToken: new CancellationToken(canceled: true)));
        Assert.True(model.Count() >= 0);
    }
}
