using Configurator.Importers;
using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Solving.Boolean;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>
/// Eliminating auxiliary variables keeps what the clauses say about modules: on random models
/// (multi-select and optional modules, tables, properties, nested rules) and random feature models,
/// counts under random partial selections equal the diagram engine's, and every solution the
/// reduced clauses give is a valid configuration.
/// </summary>
public class DefinedVariableEliminationTests
{
    [Fact]
    public void RandomModels_ReducedClauses_CountAndSolveAsTheModel()
    {
        var eliminated = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = SmallModels.Create(seed);
            eliminated += CheckReduced(model, new Random(seed));
        }, iter: 600, threads: 1);

        // Not vacuous: the random rules nest, so their encodings have auxiliary variables to remove.
        Assert.True(eliminated > 100, $"only {eliminated} auxiliary variables were eliminated over all models");
    }

    [Fact]
    public void RandomFeatureModels_ReducedClauses_CountAndSolveAsTheModel()
    {
        var eliminated = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = ModelImporter.Import(BooleanEngineTests.RandomFeatureModel(random), "random.xml").GetModelOrThrow();
            eliminated += CheckReduced(model, random);
        }, iter: 600, threads: 1);

        Assert.True(eliminated > 100, $"only {eliminated} auxiliary variables were eliminated over all models");
    }

    [Fact]
    public void Resolve_MergesByVariable_AndRefusesTautologies()
    {
        Assert.Equal([-2, 3, 5], DefinedVariableElimination.Resolve([1, -2, 5], [-1, 3], 1)!);
        Assert.Equal([2, 4], DefinedVariableElimination.Resolve([2, 3, 4], [2, -3], 3)!);
        Assert.Null(DefinedVariableElimination.Resolve([1, 2], [-1, -2], 1));
        Assert.Equal([], DefinedVariableElimination.Resolve([4], [-4], 4)!);
    }

    /// <summary>Checks the reduced clauses of one model against the diagram engine; returns how many variables went.</summary>
    private static int CheckReduced(ProductModel model, Random random)
    {
        var compiled = SmallModels.Compile(model, SolverEngineKind.Diagram);
        if (CnfEncoder.TryEncode(compiled.Domains, compiled.Constraints, out _) is not { } encoded)
        {
            return 0;
        }

        var reduced = DefinedVariableElimination.Eliminate(encoded);
        Assert.True(reduced.VariableCount <= encoded.VariableCount);
        var oracle = new BruteForceOracle(model);
        for (var round = 0; round < 4; round++)
        {
            var partial = round == 0 ? Selection.Empty : SmallModels.RandomPartial(random, model, oracle);
            var restriction = compiled.ToRestriction(partial);
            var units = new List<int>();
            var open = Enumerable.Range(0, compiled.Domains.Length)
                .All(m => restriction.AllowedValues(m) is not { } allowed || reduced.AddRestriction(m, allowed, units));
            var expected = compiled.Count(partial);
            Assert.Equal(expected, open ? new ClauseSearch(reduced).Count(units) : 0);

            var solution = new bool[reduced.VariableCount + 1];
            if (open && new ClauseSearch(reduced).Solve(units, solution))
            {
                var values = Enumerable.Range(0, compiled.Domains.Length).Select(m => reduced.ValueOf(m, v => solution[v])).ToArray();
                Assert.True(compiled.Satisfies(values) && Enumerable.Range(0, values.Length).All(m => restriction.Allows(m, values[m])));
            }
            else
            {
                Assert.True(expected.IsZero);
            }
        }

        return encoded.VariableCount - reduced.VariableCount;
    }
}
