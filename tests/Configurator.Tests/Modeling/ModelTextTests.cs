using System.Globalization;
using Configurator.Modeling;

namespace Configurator.Tests.Modeling;

/// <summary>The fallback chain a name, a message and the engine's own words follow for a customer's culture.</summary>
public class ModelTextTests
{
    private static readonly Option Labelled = new("one")
    {
        Name = "One",
        Labels = new Dictionary<string, string> { ["zh"] = "一", ["zh-Hant"] = "壹", ["de-DE"] = "Eins", ["pt-br"] = "Um" }.ToEquatableDictionary(),
    };

    private static readonly ProductModel English = new ProductModelBuilder("m").WithDefaultCulture("en")
        .AddModule("n", m => m.AddOption("one")).Build();

    [Theory]
    [InlineData("zh-CN", "一")] // zh-CN, zh-Hans, zh: the neutral language's label
    [InlineData("zh-Hans-CN", "一")]
    [InlineData("zh-TW", "壹")] // zh-TW, zh-Hant: the script's label before the language's
    [InlineData("zh", "一")]
    [InlineData("de-DE", "Eins")]
    [InlineData("de-AT", "One")] // de-AT, de: no label, so the model's default text
    [InlineData("pt-BR", "Um")] // label keys match without regard to case
    [InlineData("fr-FR", "One")]
    public void Name_FollowsTheCultureThenItsParentsThenTheName(string culture, string expected) =>
        Assert.Equal(expected, ModelText.For(English, CultureInfo.GetCultureInfo(culture)).Name(Labelled));

    [Fact]
    public void Name_NoCulture_IsTheModelsDefaultText() =>
        Assert.Equal("One", ModelText.For(English).Name(Labelled));

    [Fact]
    public void Name_WithoutName_FallsToTheDefaultCulturesLabelThenTheId()
    {
        var unnamed = new Option("x") { Labels = new Dictionary<string, string> { ["en"] = "Ex", ["zh"] = "叉" }.ToEquatableDictionary() };
        var french = CultureInfo.GetCultureInfo("fr");

        Assert.Equal("Ex", ModelText.For(English, french).Name(unnamed));
        Assert.Equal("Ex", ModelText.For(English).Name(unnamed));
        Assert.Equal("叉", ModelText.For(English, CultureInfo.GetCultureInfo("zh-SG")).Name(unnamed));
        Assert.Equal("x", ModelText.For(English with { DefaultCulture = null }, french).Name(unnamed));
        Assert.Equal("x", ModelText.For(English, french).Name(new Option("x")));
    }

    [Fact]
    public void Message_LabelsTranslateTheMessageAndTheRuleIsTheLastResort()
    {
        var chinese = ModelText.For(English, CultureInfo.GetCultureInfo("zh-CN"));
        var constraint = new Constraint("c") { Name = "Weight rule", Message = "Too heavy.", Rule = "a == 'b'", Labels = new Dictionary<string, string> { ["zh"] = "太重了。" }.ToEquatableDictionary() };

        Assert.Equal("太重了。", chinese.Message(constraint));
        Assert.Equal("Too heavy.", ModelText.For(English, CultureInfo.GetCultureInfo("de")).Message(constraint));
        Assert.Equal("Weight rule", chinese.Message(constraint with { Message = null, Labels = default }));
        Assert.Equal("a == 'b'", chinese.Message(new Constraint("c") { Rule = "a == 'b'" }));
        Assert.Equal("a、b的组合表", chinese.Message(new Constraint("c") { Table = new TableConstraint(["a", "b"], TableKind.Allowed, []) }));
    }

    [Theory]
    [InlineData("zh-CN", null, "zh")]
    [InlineData("zh-TW", null, "zh")]
    [InlineData("en-GB", "zh", "en")]
    [InlineData("fr", "zh", "zh")] // no French words: the model's default culture's, so names and sentences agree
    [InlineData("fr", null, "en")]
    [InlineData(null, "zh-CN", "zh")]
    [InlineData(null, null, "en")]
    public void Phrases_TheCulturesLanguageElseTheModelsElseEnglish(string? culture, string? defaultCulture, string language) =>
        Assert.Equal(language, ModelText.For(English with { DefaultCulture = defaultCulture }, culture is null ? null : CultureInfo.GetCultureInfo(culture)).Phrases.Language);

    [Fact]
    public void Culture_IsInvariantWithoutOne()
    {
        Assert.Same(CultureInfo.InvariantCulture, ModelText.For(English).Culture);
        Assert.Equal("de-DE", ModelText.For(English, CultureInfo.GetCultureInfo("de-DE")).Culture.Name);
    }

    [Fact]
    public void EveryPhraseTable_FillsTheSamePlaces()
    {
        // A translation that drops or adds a {0} would throw or lose a name at run time; compare the placeholders.
        static IEnumerable<(string Name, string Places)> Places(Phrases phrases) => typeof(Phrases).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.Name is not (nameof(Phrases.Language) or nameof(Phrases.DatePattern)))
            .Select(p => (p.Name, string.Join(",", System.Text.RegularExpressions.Regex.Matches((string)p.GetValue(phrases)!, @"\{\d\}").Select(m => m.Value).Order(StringComparer.Ordinal))));

        Assert.Equal(Places(Phrases.English), Places(Phrases.Chinese));
    }
}
