using System.Numerics;
using Configurator.Modeling;
using Configurator.Solving;
using Configurator.Solving.Search;
using CsCheck;

namespace Configurator.Tests.Solving;

/// <summary>
/// The search engine's counting (component caching over row-based table propagation, allowed and
/// forbidden rows) against brute force, on random models made only of plain tables: loosely linked
/// ones, so that they fall apart into parts, and dense ones, so that propagation does the work.
/// </summary>
public class ComponentCountingTests
{
    [Fact]
    public void Count_RandomTableModels_MatchesTheOracle() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = TableModel(random);
            var oracle = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, SolverEngineKind.Search);

            Assert.Equal(new BigInteger(oracle.ValidConfigurations().Count()), compiled.Count());
            var partial = SmallModels.RandomPartial(random, model, oracle);
            Assert.Equal(new BigInteger(oracle.ValidConfigurations(c => SmallModels.Extends(c, partial)).Count()), compiled.Count(partial));
        }, iter: 800, threads: 1);

    [Fact]
    public void Propagate_ForbiddenRows_RemovesExactlyTheValuesWithNoAllowedCombination() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = TableModel(random, tables: 1, kind: TableKind.Forbidden);
            var oracle = new BruteForceOracle(model);
            var compiled = SmallModels.Compile(model, SolverEngineKind.Search);
            var store = new DomainStore(compiled.Domains, new Restriction(model.Modules.Count));
            var propagation = new Propagation(compiled.Domains, compiled.Constraints);
            var valid = oracle.ValidConfigurations().ToList();
            Assert.Equal(valid.Count > 0, propagation.Run(store, -1));
            if (valid.Count == 0)
            {
                return;
            }

            // One table alone: generalized arc consistency keeps exactly the values some valid configuration uses.
            for (var module = 0; module < model.Modules.Count; module++)
            {
                var id = model.Modules[module].Id;
                var options = compiled.Model.Modules[module].Options;
                var kept = store.Values(module).Select(v => compiled.Domains[module].Values[v] is [var o] ? options[o].Id : "").Order(StringComparer.Ordinal);
                var used = valid.Select(c => c[id].FirstOrDefault() ?? "").Distinct().Order(StringComparer.Ordinal);
                Assert.Equal(used, kept);
            }
        }, iter: 500, threads: 1);

    [Fact]
    public void Count_ManyIndependentParts_MultipliesTheirCounts()
    {
        // 40 pairs, each allowing 3 of its 4 combinations: 3^40 configurations, found only by splitting into parts.
        var builder = new ProductModelBuilder("pairs");
        for (var i = 0; i < 40; i++)
        {
            builder.AddModule($"a{i}", m => m.AddOption("x").AddOption("y"))
                .AddModule($"b{i}", m => m.AddOption("x").AddOption("y"))
                .AddTable($"t{i}", [$"a{i}", $"b{i}"], TableKind.Forbidden, [["y", "y"]]);
        }

        var compiled = SmallModels.Compile(builder.Build(), SolverEngineKind.Search);
        Assert.Equal(BigInteger.Pow(3, 40), compiled.Count());
        Assert.Equal(BigInteger.Pow(3, 39), compiled.Count(Selection.Parse("a7=y")));
    }

    /// <summary>3 to 8 (2 to 5 for one table over all of them) single-select modules of 2 to 4 options (some optional), linked by plain tables of 1 to 3 columns.</summary>
    private static ProductModel TableModel(Random random, int? tables = null, TableKind? kind = null)
    {
        var builder = new ProductModelBuilder("tables");
        var modules = new List<(string Id, string[] Options)>();
        for (var m = tables == 1 ? random.Next(2, 6) : random.Next(3, 9); m > 0; m--)
        {
            var id = $"m{modules.Count}";
            var options = Enumerable.Range(0, random.Next(2, 5)).Select(o => $"o{o}").ToArray();
            var optional = random.Next(4) == 0;
            builder.AddModule(id, module =>
            {
                foreach (var option in options)
                {
                    module.AddOption(option);
                }

                if (optional)
                {
                    module.Optional();
                }
            });
            modules.Add((id, options));
        }

        for (var t = tables ?? random.Next(1, 7); t > 0; t--)
        {
            var columns = modules.OrderBy(_ => random.Next()).Take(tables == 1 ? modules.Count : random.Next(1, 4)).ToList();
            var combinations = columns.Aggregate(1, (product, c) => product * c.Options.Length);
            var rows = Enumerable.Range(0, random.Next(0, combinations + 1))
                .Select(_ => columns.Select(c => (string?)c.Options[random.Next(c.Options.Length)]).ToArray())
                .ToArray();
            builder.AddTable($"t{t}", [.. columns.Select(c => c.Id)], kind ?? (random.Next(2) == 0 ? TableKind.Allowed : TableKind.Forbidden), rows);
        }

        return builder.Build();
    }
}
