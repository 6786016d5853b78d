using Configurator.Modeling;
using Configurator.Serialization;
using Configurator.Validation;

namespace Configurator.Tests.Modeling;

public class ProductModelBuilderTests
{
    [Fact]
    public void Build_WindowInCode_EqualsTheSameWindowInJson()
    {
        var built = new ProductModelBuilder("w")
            .Named("Window").WithVersion("1").WithCurrency("EUR").WithBasePrice(80).WithLabel("de", "Fenster")
            .AddModule("frame", m => m.Named("Frame").WithDefault("rect")
                .AddOption("rect", properties: [new("weightKg", 4)])
                .AddOption("arched", price: 40, name: "Arched", properties: [new("weightKg", 5)]))
            .AddModule("extras", m => m.Selecting(0, 2).Adjustable().AddOption("handle", 15).AddOption("lock", 25))
            .AddRule("arched-lock", "frame == 'arched' -> has(extras, 'lock')", "Arched frames need a lock.")
            .AddTable("t", ["frame"], TableKind.Forbidden, [["rect"]])
            .AddSurcharge("s", "frame == 'arched'", 25)
            .AddSurcharge("weight", "true", "frame.weightKg * 2")
            .AddPercentage("bundle", "count(extras) == 2", -10)
            .AddPreset("std", p => p.Named("Standard").Select("frame", "arched").Select("extras", "lock"))
            .AddPersonalization(new PersonalizationField("engraving", PersonalizationType.Text) { MaxLength = 20 })
            .Build();

        const string json = """
            {"formatVersion": 1, "id": "w", "name": "Window", "version": "1", "currency": "EUR", "basePrice": 80, "labels": {"de": "Fenster"},
             "modules": [
               {"id": "frame", "name": "Frame", "default": "rect", "options": [
                 {"id": "rect", "properties": {"weightKg": 4}}, {"id": "arched", "name": "Arched", "price": 40, "properties": {"weightKg": 5}}]},
               {"id": "extras", "min": 0, "max": 2, "adjustable": true, "options": [{"id": "handle", "price": 15}, {"id": "lock", "price": 25}]}],
             "constraints": [
               {"id": "arched-lock", "message": "Arched frames need a lock.", "rule": "frame == 'arched' -> has(extras, 'lock')"},
               {"id": "t", "table": {"modules": ["frame"], "forbidden": [["rect"]]}}],
             "priceRules": [
               {"id": "s", "when": "frame == 'arched'", "add": 25}, {"id": "weight", "when": "true", "add": "frame.weightKg * 2"},
               {"id": "bundle", "when": "count(extras) == 2", "percent": -10}],
             "presets": [{"id": "std", "name": "Standard", "selections": {"frame": "arched", "extras": ["lock"]}}],
             "personalization": [{"id": "engraving", "type": "text", "maxLength": 20}]}
            """;

        Assert.Equal(ProductModelJson.Load(json).GetModelOrThrow(), built);
        Assert.True(built.Validate().IsValid);
    }

    [Fact]
    public void Build_Twice_IsRefused()
    {
        var builder = new ProductModelBuilder("m").AddModule("a", m => m.AddOption("x"));
        builder.Build();
        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.WithBasePrice(1));
    }

    [Fact]
    public void Constructor_EmptyId_Throws() => Assert.Throws<ArgumentException>(() => new ProductModelBuilder(""));

    [Fact]
    public void Build_InvalidModel_IsReturnedAndValidationReportsIt()
    {
        var model = new ProductModelBuilder("m").AddModule("a", m => m.Selecting(2, 1).AddOption("x")).Build();
        Assert.Equal(ModelErrorCodes.InvalidCardinality, Assert.Single(model.Validate().Errors).Code);
        Assert.Throws<ModelValidationException>(model.Validate().ThrowIfInvalid);
    }
}
