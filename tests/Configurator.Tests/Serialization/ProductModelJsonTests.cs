using Configurator.Modeling;
using Configurator.Serialization;
using Configurator.Tests.Generators;
using Configurator.Validation;
using CsCheck;

namespace Configurator.Tests.Serialization;

public class ProductModelJsonTests
{
    public static TheoryData<string> SampleFiles() => [.. RepositoryPaths.AllSampleModels().Select(path => Path.GetFileName(path))];

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Load_Sample_IsValid(string file)
    {
        var result = ProductModelJson.LoadFile(RepositoryPaths.SampleModel(file));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SaveThenLoad_Sample_GivesAnEqualModel(string file)
    {
        var model = ProductModelJson.LoadFile(RepositoryPaths.SampleModel(file)).GetModelOrThrow();
        var saved = ProductModelJson.Save(model);
        var reloaded = ProductModelJson.Load(saved).GetModelOrThrow();
        Assert.Equal(model, reloaded);
        Assert.Equal(saved, ProductModelJson.Save(reloaded));
    }

    [Fact]
    public void SaveThenLoad_RandomModels_GiveEqualModels() =>
        Gen.Int.Sample(seed =>
        {
            var model = RandomModels.Create(new Random(seed));
            var validation = model.Validate();
            Assert.True(validation.IsValid, string.Join(Environment.NewLine, validation.Errors));

            var reloaded = ProductModelJson.Load(ProductModelJson.Save(model));
            Assert.True(reloaded.Succeeded, string.Join(Environment.NewLine, reloaded.Errors));
            Assert.Equal(model, reloaded.Model);
        }, iter: 2000);

    [Fact]
    public void Save_ToStream_WritesTheSameJson()
    {
        var model = ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow();
        using var stream = new MemoryStream();
        ProductModelJson.Save(model, stream);
        Assert.Equal(ProductModelJson.Save(model), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Save_LeavesOutDefaults()
    {
        var model = new ProductModelBuilder("m").AddModule("a", m => m.AddOption("x")).Build();
        var json = ProductModelJson.Save(model);
        Assert.DoesNotContain("min", json, StringComparison.Ordinal);
        Assert.DoesNotContain("price", json, StringComparison.Ordinal);
        Assert.DoesNotContain("constraints", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_WritesEitherOrValuesInTheirJsonForm()
    {
        var model = ProductModelJson.LoadFile(RepositoryPaths.SampleModel("car.json")).GetModelOrThrow();
        var json = ProductModelJson.Save(model);
        Assert.Contains("\"packs\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"packs\": [\n", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"finish\": \"solid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"powerHp\": 100", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"formatVersion\": 1,\n  \"id\": \"w\",\n  \"modules\": [}", 3, 15)]
    [InlineData("", 1, 1)]
    [InlineData("{\"id\": \"w\" \"modules\": []}", 1, 12)]
    [InlineData("[1, 2", 1, 6)]
    public void Load_MalformedJson_ReportsLineAndBytePosition(string json, long line, long position)
    {
        var error = Assert.Single(ProductModelJson.Load(json).Errors);
        Assert.Equal(ModelErrorCodes.InvalidJson, error.Code);
        Assert.Equal(line, error.Line);
        Assert.Equal(position, error.BytePosition);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidUtf8_IsAJsonError()
    {
        byte[] bytes = [.. "{\"formatVersion\":1,\"id\":\""u8, 0xC3, 0x28, .. "\",\"modules\":[]}"u8];
        var error = Assert.Single(ProductModelJson.Load(bytes).Errors);
        Assert.Equal(ModelErrorCodes.InvalidJson, error.Code);
    }

    [Fact]
    public void Load_UnpairedSurrogate_IsAJsonErrorWithItsPosition()
    {
        var error = Assert.Single(ProductModelJson.Load("{\n  \"id\": \"é\uD800\"}").Errors);
        Assert.Equal(ModelErrorCodes.InvalidJson, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Equal(12, error.BytePosition); // two spaces, "id": and a quote are 9 bytes, é is 2
    }

    [Fact]
    public void Load_DeepNesting_IsAJsonErrorNotAStackOverflow()
    {
        var json = "{\"formatVersion\": 1, \"id\": \"x\", \"modules\": " + new string('[', 10_000) + new string(']', 10_000) + "}";
        var error = Assert.Single(ProductModelJson.Load(json).Errors);
        Assert.Equal(ModelErrorCodes.InvalidJson, error.Code);
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_AreAccepted()
    {
        const string json = """
            // A hand-written model.
            {
              "formatVersion": 1, "id": "m", /* inline */
              "modules": [ { "id": "a", "options": [ { "id": "x" }, ] }, ],
            }
            """;
        Assert.True(ProductModelJson.Load(json).Succeeded);
    }

    [Fact]
    public void Load_MisspelledProperty_SuggestsTheKnownOne()
    {
        var error = Assert.Single(ProductModelJson.Load("""{"formatVersion": 1, "id": "m", "modules": [ { "id": "a", "optoins": [], "options": [ { "id": "x" } ] } ]}""").Errors);
        Assert.Equal(ModelErrorCodes.UnknownProperty, error.Code);
        Assert.Equal("$.modules[0].optoins", error.Path);
        Assert.Contains("Did you mean \"options\"?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingConstraintIds_AreGeneratedByPosition()
    {
        var model = ProductModelJson.Load("""
            {"formatVersion": 1, "id": "m",
             "modules": [ { "id": "a", "options": [ { "id": "x" }, { "id": "y" } ] } ],
             "constraints": [ { "rule": "a == 'x'" }, { "id": "named", "rule": "true" }, { "rule": "true" } ]}
            """).GetModelOrThrow();
        Assert.Equal(["c1", "named", "c3"], model.Constraints.Select(c => c.Id));
    }

    [Fact]
    public void Load_SelectionForms_AreOneIdAListOrNull()
    {
        var model = ProductModelJson.LoadFile(RepositoryPaths.SampleModel("car.json")).GetModelOrThrow();
        var family = model.Presets.Single(p => p.Id == "family");
        var city = model.Presets.Single(p => p.Id == "city");
        Assert.Equal(["estate"], family.Selections["body"]);
        Assert.Equal(["winter", "tow"], family.Selections["packs"]);
        Assert.Empty(city.Selections["packs"]);
    }

    [Fact]
    public void Load_WrongTypesEverywhere_ReportsEachWithItsPath()
    {
        const string json = """
            {"formatVersion": "1", "id": 7, "basePrice": "80", "labels": [],
             "modules": [ { "id": "a", "min": 0.5, "adjustable": "yes", "default": 3,
                            "options": [ { "id": "x", "properties": { "w": [1] }, "labels": { "de": 1 } } ] } ],
             "constraints": [ { "rule": 5, "table": "t" } ],
             "priceRules": [ { "id": "p", "add": true } ],
             "presets": [ { "id": "s", "selections": [] } ],
             "personalization": [ { "id": "f", "type": "colour", "choices": "a" } ]}
            """;
        var errors = ProductModelJson.Load(json).Errors;
        string[] expected =
        [
            "$.formatVersion", "$.id", "$.labels", "$.basePrice", "$.modules[0].min", "$.modules[0].default", "$.modules[0].adjustable",
            "$.modules[0].options[0].properties.w", "$.modules[0].options[0].labels.de", "$.constraints[0].rule", "$.constraints[0].table",
            "$.priceRules[0].add", "$.presets[0].selections", "$.personalization[0].type", "$.personalization[0].choices",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Where(e => e.Code is ModelErrorCodes.WrongType or ModelErrorCodes.NumberOutOfRange).Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GetModelOrThrow_Invalid_ThrowsWithEveryError()
    {
        var result = ProductModelJson.Load("""{"formatVersion": 2, "id": "", "modules": []}""");
        var exception = Assert.Throws<ModelValidationException>(result.GetModelOrThrow);
        Assert.Equal(3, exception.Errors.Length);
        Assert.Contains("$.formatVersion", exception.Message, StringComparison.Ordinal);
    }
}
