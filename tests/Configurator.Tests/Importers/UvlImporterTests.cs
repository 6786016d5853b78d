using System.Globalization;
using System.Numerics;
using System.Text;
using Configurator.Importers;
using Configurator.Solving;
using Configurator.Tests.Generators;

namespace Configurator.Tests.Importers;

public class UvlImporterTests
{
    private static BigInteger Count(ImportResult result) => ModelCompiler.Compile(result.GetModelOrThrow()).GetModelOrThrow().Count();

    private static BigInteger CountText(string uvl) => Count(ModelImporter.Import(uvl, "uvl", ImportFormat.Uvl));

    /// <summary>
    /// The UVL project's own parser test files: those within what a product model states exactly
    /// import with the count worked out by hand beside them; the rest, and the faulty folder, are
    /// refused at the line and column of the construct.
    /// </summary>
    public static TheoryData<string, int?, string?, int, int> TestResources() => new()
    {
        // Boolean level. boolean.uvl: B's or-group gives 3, E's alternative is forced to G by E => G.
        { "boolean_level/boolean.uvl", 3, null, 0, 0 },
        { "boolean_level/cardinality.uvl", 4, null, 0, 0 },            // [2..3] of 3: 3 + 1
        { "boolean_level/namespace.uvl", 3, null, 0, 0 },
        { "boolean_level/attributes.uvl", 4, null, 0, 0 },             // nested attribute kept in no property, with a warning
        { "language_level/boolean.uvl", 3, null, 0, 0 },
        { "language_level/arithmetic.uvl", 1, null, 0, 0 },            // B.Price + C.Price == 8 needs both
        { "arithmetic_level/arithmetic-simpleconstraints.uvl", 1, null, 0, 0 }, // B alone: 3 * 8 > 20 and 3 < 10
        { "syntax/comments.uvl", 0, null, 0, 0 },                      // 12 + 6 * 2 is 24, never 20
        { "composition/nested/nested_sub.uvl", 20, null, 0, 0 },       // 2 * 2 * (1 + 4)
        { "composition/nested_main.uvl", 21, null, 0, 0 },             // imports resolved from each file's own folder
        { "composition/composition_sub1_sub1.uvl", 1, null, 0, 0 },
        { "composition/composition_root.uvl", 0, null, 0, 0 },         // 10 - 15 == 25 never holds
        { "type_level/string-attributes.uvl", 288, null, 0, 0 },       // 2^5 * (1 + 2^3), external.E imported
        { "arithmetic_level/aggregate_functions/aggregate.uvl", null, "avg(...)", 9, 5 },
        { "arithmetic_level/expressions.uvl", null, "Division", 11, 19 },
        { "arithmetic_level/feature-cardinality.uvl", null, "feature cardinality", 2, 7 },
        { "arithmetic_level/aggregate_functions/lengthAggregation.uvl", null, "String feature", 4, 13 },
        { "language_level/type.uvl", null, "Real feature", 5, 5 },
        { "complex/bike.uvl", null, "String feature", 5, 13 },
        { "syntax/dash.uvl", null, "Integer feature", 4, 12 },
        { "faulty/illegalname.uvl", null, "name starts with a letter", 4, 13 },
        { "faulty/missingreference.uvl", null, "\"C\" names no feature", 7, 5 },
        { "faulty/same_feature_names.uvl", null, "\"Lightsaber\" is defined 2 times", 22, 0 },
        { "faulty/wrong_attribute_name.uvl", null, "no file nested/string-attributes-external.uvl", 2, 3 },
        { "faulty/wrongindent.uvl", null, "one root feature", 3, 5 },
    };

    [Theory]
    [MemberData(nameof(TestResources))]
    public void UvlProjectTestFiles_ImportExactlyOrAreRefusedWhereTheProblemIs(string file, int? count, string? message, int line, int column)
    {
        var result = ModelImporter.ImportFile(SharedModels.Path(["uvl-models", "test_resources", "parsing", .. file.Split('/')]));
        Assert.Equal(ImportFormat.Uvl, result.Format);
        if (count is { } expected)
        {
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            Assert.Equal(new BigInteger(expected), Count(result));
            return;
        }

        Assert.False(result.Succeeded);
        var error = result.Errors.First(e => e.Message.Contains(message!, StringComparison.Ordinal));
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void UvlProjectTestFiles_EveryFileIsEitherImportedOrRefusedWithALine()
    {
        var folder = Path.GetDirectoryName(SharedModels.Path("uvl-models", "test_resources", "parsing", "boolean_level", "boolean.uvl"))!;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, ".."), "*.uvl", SearchOption.AllDirectories))
        {
            var result = ModelImporter.ImportFile(file);
            Assert.True(result.Succeeded || result.Errors.All(e => e.Line > 0), $"{file}: {string.Join("; ", result.Errors)}");
            Assert.True(!file.Contains("faulty", StringComparison.Ordinal) || !result.Succeeded, $"{file} is faulty but was imported");
        }
    }

    public static TheoryData<string, string> RealModels() => new()
    {
        { "Operating_Systems/KConfig/axTLS.uvl", "featureide-knueppel2017/axTLS.xml" },
        { "Operating_Systems/KConfig/uClibc.uvl", "featureide-knueppel2017/uClibc.xml" },
        { "Operating_Systems/KConfig/embtoolkit.uvl", "ddnnife-sundermann2023/embtoolkit.dimacs" },
        { "Automotive/Automotive02/automotive2_4.uvl", "featureide-knueppel2017/automotive2_4.xml" },
    };

    /// <summary>The UVL forms of the industrial models count what counts.tsv gives for their XML or DIMACS forms (automotive2_4 takes about a minute).</summary>
    [Theory]
    [MemberData(nameof(RealModels))]
    public void RealModels_CountExactlyWhatTheirOtherFormsCount(string uvl, string original)
    {
        var path = SharedModels.Path(["uvl-models", "Feature_Models", .. uvl.Split('/')]);
        var line = File.ReadLines(SharedModels.Path("counts.tsv")).Single(l => l.StartsWith(original + "\t", StringComparison.Ordinal));
        Assert.Equal(BigInteger.Parse(line.Split('\t')[1], CultureInfo.InvariantCulture), Count(ModelImporter.ImportFile(path)));
    }

    [Fact]
    public void FinancialServices_UvlCountsTheSameAsItsOriginalXml()
    {
        var folder = new[] { "uvl-models", "Feature_Models", "Financial_Services", "Financial_Services_01" };
        var uvl = Count(ModelImporter.ImportFile(SharedModels.Path([.. folder, "financialservices01.uvl"])));
        var xml = Count(ModelImporter.ImportFile(SharedModels.Path([.. folder, "original", "financialservices01.xml"])));
        Assert.Equal(xml, uvl);
        Assert.Equal(BigInteger.Parse("97451212554676", CultureInfo.InvariantCulture), uvl);
    }

    [Fact]
    public void Groups_FollowTheirCardinalities()
    {
        const string Tree = """
            features
                Root
                    [GROUP]
                        A
                        B
                        C
                        D
            """;
        Assert.Equal(new BigInteger(6), CountText(Tree.Replace("[GROUP]", "[2]", StringComparison.Ordinal)));
        Assert.Equal(new BigInteger(11), CountText(Tree.Replace("[GROUP]", "[2..*]", StringComparison.Ordinal)));
        Assert.Equal(new BigInteger(5), CountText(Tree.Replace("[GROUP]", "[0..1]", StringComparison.Ordinal)));
        Assert.Equal(new BigInteger(4), CountText(Tree.Replace("[GROUP]", "alternative", StringComparison.Ordinal)));
        Assert.Equal(new BigInteger(15), CountText(Tree.Replace("[GROUP]", "or", StringComparison.Ordinal)));
        Assert.Equal(new BigInteger(16), CountText(Tree.Replace("[GROUP]", "optional", StringComparison.Ordinal)));
        Assert.Equal(new BigInteger(1), CountText(Tree.Replace("[GROUP]", "mandatory", StringComparison.Ordinal)));
    }

    [Fact]
    public void Attributes_BecomePropertiesThatSumsAndComparisonsRead()
    {
        const string Model = """
            namespace Shop
            features
                Bike {abstract}
                    optional
                        Bell {Price 10, Colour 'red'}
                        Light {Price 25.5, Colour 'black'}
                        Rack {Price -5}
            constraints
                sum(Price) <= 30
                Light.Colour != 'black' | Bell
            """;
        var result = ModelImporter.Import(Model, "shop");
        Assert.Equal(ImportFormat.Uvl, result.Format);
        var model = result.GetModelOrThrow();
        Assert.Equal(25.5m, model.Modules.Single(m => m.Name == "Light").Options[0].Properties["Price"].Number);
        Assert.Equal("red", model.Modules.Single(m => m.Name == "Bell").Options[0].Properties["Colour"].Text);

        // Sets of {Bell, Light, Rack} with price at most 30, Light only with Bell: all 8 but {Bell, Light} (35.5),
        // {Light} and {Light, Rack} (no Bell); {Bell, Light, Rack} is 30.5.
        Assert.Equal(new BigInteger(4), Count(result));
    }

    public static TheoryData<string, string, int, int> Refusals() => new()
    {
        { "imports\n    other\nfeatures\n    A\n        optional\n            other.B\n", "no folder", 2, 5 },
        { "features\n    A\n        optional\n            B\n              C\n", "Expected a group", 5, 15 },
        { "features\n    A\n        optional\n            B\n          C\n", "matches no enclosing level", 5, 11 },
        { "features\n    A\n        optional\n            or\n", "keyword", 4, 13 },
        { "features\n    A {Price 2}\n        optional\n            B {Price 3}\nconstraints\n    A.Price / B.Price > 1\n", "Division", 6, 13 },
        { "features\n    A\n        optional\n            B\nconstraints\n    B + 1 > 2\n", "Expected a number", 6, 5 },
        { "features\n    A\n        optional\n            B\nconstraints\n    B.Weight > 2\n", "has no number or text attribute 'Weight'", 6, 5 },
        { "features\n    A\n        optional\n            B\nconstraints\n    B &\n", "Expected a feature", 6, 8 },
        { "features\n    A\n        [3..1]\n            B\n", "is empty", 3, 9 },
        { "features\n    'A'\n", "Expected a feature name", 2, 5 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refusals_NameTheLineAndColumn(string text, string message, int line, int column)
    {
        var result = ModelImporter.Import(text, "bad", ImportFormat.Uvl);
        Assert.False(result.Succeeded);
        var error = result.Errors[0];
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"line {line}, column {column}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HostileNesting_IsRefusedWithoutExhaustingTheStack()
    {
        var deepTree = new StringBuilder("features\n");
        for (var level = 0; level < 5_000; level++)
        {
            deepTree.Append(' ', (level * 2) + 2).Append('F').Append(level).Append('\n');
            deepTree.Append(' ', (level * 2) + 3).Append("optional\n");
        }

        Assert.Contains("nests more than", ModelImporter.Import(deepTree.ToString(), "deep", ImportFormat.Uvl).Errors[0].Message, StringComparison.Ordinal);
        var deepRule = "features\n    A\nconstraints\n    " + new string('(', 100_000) + "A" + new string(')', 100_000) + "\n";
        Assert.Contains("nests more than", ModelImporter.Import(deepRule, "deep", ImportFormat.Uvl).Errors[0].Message, StringComparison.Ordinal);
        var negations = "features\n    A\nconstraints\n    " + new string('!', 100_000) + "A\n";
        Assert.Contains("nests more than", ModelImporter.Import(negations, "deep", ImportFormat.Uvl).Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportCycles_AreRefused()
    {
        var folder = Directory.CreateTempSubdirectory("configurator-uvl-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.uvl"), "imports\n    b\nfeatures\n    A\n        optional\n            b.B\n");
            File.WriteAllText(Path.Combine(folder.FullName, "b.uvl"), "imports\n    a\nfeatures\n    B\n        optional\n            a.A\n");
            var result = ModelImporter.ImportFile(Path.Combine(folder.FullName, "a.uvl"));
            Assert.Contains(result.Errors, e => e.Message.Contains("imports itself", StringComparison.Ordinal));

            File.WriteAllText(Path.Combine(folder.FullName, "c.uvl"), "imports\n    \"x/../b\" as z\nfeatures\n    C\n        optional\n            z.B\n");
            Assert.Contains("not a file name", ModelImporter.ImportFile(Path.Combine(folder.FullName, "c.uvl")).Errors[0].Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Random feature trees (every group kind, cardinalities), Boolean constraints with every
    /// operator and attribute sums, counted by the engine after import and by an oracle that
    /// applies UVL's semantics to every assignment of the features directly.
    /// </summary>
    [Fact]
    public void RandomFeatureModels_CountLikeTheirSemantics() => Parallel.For(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
    {
        var random = new Random(seed);
        var model = RandomUvl.Create(random);
        var result = ModelImporter.Import(model.Text, "random", ImportFormat.Uvl);
        Assert.True(result.Succeeded, $"seed {seed}: {string.Join("; ", result.Errors)}\n{model.Text}");
        Assert.True(model.Oracle() == Count(result), $"seed {seed}: oracle {model.Oracle()}, engine {Count(result)}\n{model.Text}");
    });
}
