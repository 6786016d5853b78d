using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Solving.Search;
using Configurator.Tests.Generators;

namespace Configurator.Tests.Solving;

/// <summary>Random models small enough for the brute-force oracle, compiled both ways.</summary>
internal static class SmallModels
{
    public const long MaxRawSpace = 5000;

    public static ProductModel Create(int seed, bool withPresets = false)
    {
        var random = new Random(seed);
        while (true)
        {
            var model = RandomModels.Create(random);
            if (BruteForceOracle.RawSpace(model) <= MaxRawSpace)
            {
                return withPresets ? model : model with { Presets = [] };
            }
        }
    }

    public static CompiledModel Compile(ProductModel model, SolverEngineKind engine, PropagatorChoice propagators = PropagatorChoice.Strongest) =>
        ModelCompiler.Compile(model, new CompilerOptions { ForceSearchEngine = engine == SolverEngineKind.Search, ForceBooleanEngine = engine == SolverEngineKind.Boolean, Propagators = propagators }).GetModelOrThrow();

    /// <summary>
    /// One of the three engines, each a third of the time: the clause engine takes a model whose
    /// rules it can encode exactly (and records its circuit), the search engine the others.
    /// </summary>
    public static SolverEngineKind AnyEngine(Random random) =>
        random.Next(3) switch { 0 => SolverEngineKind.Search, 1 => SolverEngineKind.Boolean, _ => SolverEngineKind.Diagram };

    /// <summary>The model with no option prices and no price rules (every configuration costs the base price), a quarter of the time.</summary>
    public static ProductModel MaybeUnpriced(Random random, ProductModel model) => random.Next(4) != 0 ? model : model with
    {
        PriceRules = [],
        Modules = [.. model.Modules.Select(m => m with { Options = [.. m.Options.Select(o => o with { Price = 0 })] })],
    };

    /// <summary>A random partial selection: each module fixed with some probability to one of its permitted selections.</summary>
    public static Selection RandomPartial(Random random, ProductModel model, BruteForceOracle oracle)
    {
        var combination = oracle.AllCombinations().ElementAt(random.Next((int)BruteForceOracle.RawSpace(model)));
        var selection = Selection.Empty;
        foreach (var module in model.Modules.Where(_ => random.Next(3) == 0))
        {
            selection = selection.With(module.Id, combination[module.Id]);
        }

        return selection;
    }

    public static bool Extends(Dictionary<string, string[]> configuration, Selection partial) =>
        partial.Choices.All(choice => configuration[choice.Key].Order(StringComparer.Ordinal).SequenceEqual(choice.Value.Order(StringComparer.Ordinal)));

    public static string Key(Selection selection, ProductModel model) =>
        string.Join(" ", model.Modules.Select(m => m.Id + "=" + string.Join("+", selection.Choices[m.Id].Order(StringComparer.Ordinal))));

    /// <summary>
    /// A reduced ordered diagram is unique for its order, so the residual builder must build exactly
    /// the compiled model's (frontier-built) diagram.
    /// </summary>
    public static void AssertResidualBuilderAgrees(CompiledModel compiled)
    {
        var frontier = compiled.Diagram!;
        var residual = Configurator.Solving.Diagrams.ResidualDiagramBuilder.Build(frontier.Plan, compiled.Domains, new Propagation(compiled.Domains, compiled.Constraints), int.MaxValue, long.MaxValue)!;
        Assert.Equal(frontier.LevelStart, residual.LevelStart);
        Assert.Equal(frontier.EdgeStart, residual.EdgeStart);
        Assert.Equal(frontier.EdgeValue, residual.EdgeValue);
        Assert.Equal(frontier.EdgeChild, residual.EdgeChild);
    }
}
