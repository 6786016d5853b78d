using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Solving.Search;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>What each propagator removes at the root, before any decision.</summary>
public class PropagationTests
{
    private static readonly ProductModel Model = new ProductModelBuilder("p")
        .AddModule("a", m => m.AddOption("x", properties: [new("w", 1)]).AddOption("y", properties: [new("w", 5)]).AddOption("z", properties: [new("w", 9)]))
        .AddModule("b", m => m.AddOption("x", properties: [new("w", 1)]).AddOption("y", properties: [new("w", 5)]).AddOption("z", properties: [new("w", 9)]))
        .AddModule("extras", m => m.Selecting(0, 2).AddOption("p").AddOption("q").AddOption("r"))
        .AddTable("pairs", ["a", "b"], TableKind.Allowed, [["x", "y"], ["y", "z"]])
        .AddRule("light", "a.w + b.w <= 8")
        .AddRule("two-extras", "count(extras) >= 2")
        .Build();

    [Theory]
    [InlineData((int)PropagatorChoice.Strongest, "a=x b=y extras=2")] // compact-table on all three, to a fixpoint
    [InlineData((int)PropagatorChoice.Bounds, "a=x,y b=x,y extras=2")] // bounds on the sum and the count; the table waits
    public void Start_RemovesUnsupportedValues(int propagators, string expected)
    {
        var choice = (PropagatorChoice)propagators;
        var compiled = ModelCompiler.Compile(Model, new CompilerOptions { ForceSearchEngine = true, Propagators = choice }).GetModelOrThrow();
        var store = new DomainStore(compiled.Domains, new Restriction(3));
        Assert.True(new Propagation(compiled.Domains, compiled.Constraints, choice).Run(store, -1));

        string Describe(int module) => string.Join(",", store.Values(module).Select(v => string.Join("+", compiled.Domains[module].Values[v].Select(o => compiled.Model.Modules[module].Options[o].Id))));
        var extras = store.Values(2).Select(v => compiled.Domains[2].Values[v].Length).Distinct().Single();
        Assert.Equal(expected, $"a={Describe(0)} b={Describe(1)} extras={extras}");
    }

    [Fact]
    public void Run_Contradiction_Fails()
    {
        var compiled = ModelCompiler.Compile(Model, new CompilerOptions { ForceSearchEngine = true }).GetModelOrThrow();
        var restriction = compiled.ToRestriction(Selection.Parse("a=z"));
        Assert.False(new Propagation(compiled.Domains, compiled.Constraints).Run(new DomainStore(compiled.Domains, restriction), -1));
        Assert.Equal(0, (int)compiled.Count(Selection.Parse("a=z")));
    }

    /// <summary>
    /// A run of some of a model's propagators (explanations ask these over and over) reaches the
    /// same fixpoint, or fails alike, as a propagation wired from those propagators alone; and
    /// undoing to a mark taken before leaves the store as a new one, so one store serves many checks.
    /// </summary>
    [Fact]
    public void Run_OfSomePositions_IsThePropagationOfThoseAlone() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var compiled = SmallModels.Compile(SmallModels.Create(seed), SolverEngineKind.Search);
            var domains = compiled.Domains;
            Propagator[] propagators = [.. compiled.Constraints.Select(c => Propagator.Create(c, domains))];
            var all = new Propagation(domains.Length, propagators, domains);
            for (var round = 0; round < 6; round++)
            {
                var restriction = compiled.ToRestriction(compiled.Model.Modules.Where(_ => random.Next(3) == 0)
                    .Aggregate(Selection.Empty, (selection, module) => selection.With(module.Id, [module.Options[random.Next(module.Options.Count)].Id])));
                List<int> positions = [.. Enumerable.Range(0, propagators.Length).Where(_ => random.Next(2) == 0).OrderBy(_ => random.Next())];
                var store = new DomainStore(domains, restriction);
                var alone = new DomainStore(domains, restriction);
                var mark = store.Mark();
                var ran = all.Run(store, positions);
                Assert.Equal(new Propagation(domains.Length, [.. positions.Select(p => propagators[p])], domains).Run(alone, -1), ran);
                if (ran)
                {
                    Assert.Equal(Domains(alone, domains.Length), Domains(store, domains.Length));
                }

                store.Undo(mark);
                Assert.Equal(Domains(new DomainStore(domains, restriction), domains.Length), Domains(store, domains.Length));
            }
        }, iter: 1000, threads: 1);

    private static string Domains(DomainStore store, int moduleCount) =>
        string.Join(" | ", Enumerable.Range(0, moduleCount).Select(m => string.Join(",", store.Values(m))));
}
