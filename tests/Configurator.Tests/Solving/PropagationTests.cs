using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Solving.Search;

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
}
