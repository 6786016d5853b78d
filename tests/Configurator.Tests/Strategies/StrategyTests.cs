using Configurator.Pricing;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Strategies;
using Configurator.Strategies.Adaptive;
using Configurator.Strategies.Advice;
using Configurator.Strategies.Collaborative;
using Configurator.Strategies.Cosmetic;
using Configurator.Strategies.Transparent;

namespace Configurator.Tests.Strategies;

public class StrategyTests
{
    private static CompiledModel Compile(string file) =>
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel(file)).GetModelOrThrow()).GetModelOrThrow();

    private static readonly CompiledModel Windows = Compile("window-rules.json");

    [Fact]
    public void Profiles_FollowTheSourceMaterial()
    {
        Assert.Equal(new StrategyProfile(StrategyLevel.Low, StrategyLevel.High, StrategyLevel.Low, StrategyLevel.Low), new AdaptiveStrategy().Profile);
        Assert.Equal(new StrategyProfile(StrategyLevel.FairlyLow, StrategyLevel.FairlyHigh, StrategyLevel.Low, StrategyLevel.Low), new CosmeticStrategy().Profile);
        Assert.Equal(new StrategyProfile(StrategyLevel.High, StrategyLevel.Low, StrategyLevel.High, StrategyLevel.High), new CollaborativeStrategy().Profile);
        Assert.Equal(new StrategyProfile(StrategyLevel.FairlyHigh, StrategyLevel.FairlyLow, StrategyLevel.High, StrategyLevel.High), new TransparentStrategy().Profile);
    }

    [Fact]
    public void Adaptive_ChangesOnlyAdjustableModules()
    {
        var customization = new AdaptiveStrategy().Begin(Windows, "standard");
        Assert.Equal(["size", "colour", "extras"], customization.AdjustableModules);

        var refused = customization.Change("frame", "arched");
        Assert.False(refused.Accepted);
        Assert.Null(refused.Result);
        Assert.Contains("part of the standard product", refused.Message, StringComparison.Ordinal);

        var accepted = customization.Change("size", "l");
        Assert.True(accepted.Accepted);
        Assert.Empty(accepted.FilledModules);
        Assert.Equal(["l"], customization.Configuration.Choices["size"]);
        Assert.True(Windows.Validate(customization.Configuration).IsValid);
    }

    [Fact]
    public void Adaptive_ConflictsResolveOnlyThroughAdjustableModules()
    {
        var customization = new AdaptiveStrategy().Begin(Windows, "standard");

        // A blind needs a large window: the size (adjustable) may give way.
        var change = customization.Change("extras", "blind");
        Assert.False(change.Accepted);
        var diagnosis = Assert.Single(change.Result!.Diagnoses);
        Assert.Equal(["size=m"], diagnosis.Selections);
        Assert.Equal(ChoiceOrigin.Preset, Assert.Single(diagnosis.ChoicesToDrop).Origin);
        customization.Resolve(change, diagnosis);
        Assert.Equal(["blind"], customization.Configuration.Choices["extras"]);
        Assert.Equal(["l"], customization.Configuration.Choices["size"]);
        Assert.True(customization.Session.Undo());
        Assert.Equal(new Selection(Windows.Model.Presets[0].Selections).Choices, customization.Configuration.Choices);
        Assert.True(customization.Session.Redo());
        Assert.Equal(["l"], customization.Configuration.Choices["size"]);

        // Natural stain needs a wooden frame, which is fixed: refused.
        var fixedConflict = customization.Change("colour", "natural");
        Assert.False(fixedConflict.Accepted);
        Assert.Empty(fixedConflict.Result!.Diagnoses);
        Assert.StartsWith("Not possible with the standard product", fixedConflict.Message, StringComparison.Ordinal);

        customization.ReturnToStandard();
        Assert.Equal(new Selection(Windows.Model.Presets[0].Selections).Choices, customization.Configuration.Choices);
    }

    [Fact]
    public void Adaptive_AChangeThatNeedsAnOptionTheStandardLeftOut_TakesTheCheapestThatFits()
    {
        // The standard product leaves the optional packs empty; without the blind a pack is needed.
        var model = ModelCompiler.Compile(ProductModelJson.Load("""
            {
              "formatVersion": 1, "id": "gift", "currency": "EUR", "basePrice": 10,
              "modules": [
                { "id": "frame", "options": [ { "id": "wood" }, { "id": "pvc" } ] },
                { "id": "packs", "min": 0, "max": 2, "adjustable": true, "options": [ { "id": "card", "price": 2 }, { "id": "ribbon", "price": 1 } ] },
                { "id": "extras", "min": 0, "adjustable": true, "options": [ { "id": "blind", "price": 30 } ] }
              ],
              "constraints": [ { "id": "something", "rule": "count(extras) == 0 -> count(packs) > 0" } ],
              "presets": [ { "id": "standard", "selections": { "frame": "wood", "packs": null, "extras": "blind" } } ]
            }
            """).GetModelOrThrow()).GetModelOrThrow();
        var customization = new AdaptiveStrategy().Begin(model, "standard");
        Assert.Empty(customization.Configuration.Choices["packs"]);

        var change = customization.Change("extras");
        Assert.True(change.Accepted, change.Message);
        Assert.Equal(["packs"], change.FilledModules);
        Assert.Equal(["ribbon"], customization.Configuration.Choices["packs"]);
        Assert.Empty(customization.Configuration.Choices["extras"]);
        Assert.Equal(["wood"], customization.Configuration.Choices["frame"]);
        Assert.Same(customization.Session.State, change.Result!.State);
        Assert.True(model.Validate(customization.Configuration).IsValid);

        // The page tells what the customer changed from what the session filled in for them.
        var state = customization.Session.State;
        Assert.Equal(SelectionSource.Customer, state["extras"].Source);
        Assert.Equal(SelectionSource.Completion, state["packs"].Source);
        Assert.Equal((true, SelectionSource.Completion), (state["packs"]["ribbon"].IsSelected, state["packs"]["ribbon"].Source));
        Assert.Equal((false, true, SelectionSource.Completion), (state["packs"]["card"].IsSelected, state["packs"]["card"].IsAvailable, state["packs"]["card"].Source));
        Assert.All(customization.Session.Choices.Where(c => c.ModuleId == "packs"), c => Assert.Equal(ChoiceOrigin.Completion, c.Origin));

        // The origin is saved with the session, and a choice of the customer's own replaces it.
        var resumed = ConfigurationSession.Resume(model, customization.Session.Save()).Session;
        Assert.Equal(customization.Session.Choices, resumed.Choices);
        Assert.Equal(SelectionSource.Completion, resumed.State["packs"]["ribbon"].Source);
        Assert.Contains("\"completion\"", customization.Session.Save(), StringComparison.Ordinal);
        Assert.True(resumed.Select("packs", "card").Applied);
        Assert.Equal(SelectionSource.Customer, resumed.State["packs"]["card"].Source);
        Assert.Equal(SelectionSource.Completion, resumed.State["packs"]["ribbon"].Source);

        // One undo takes back the change and what it filled.
        Assert.True(customization.Session.Undo());
        Assert.Equal(new Selection(model.Model.Presets[0].Selections).Choices, customization.Configuration.Choices);
    }

    [Fact]
    public void Adaptive_AFillWhosePricesOverflow_TakesAFittingSelectionAndDoesNotThrow()
    {
        // Two packs of 5 × 10^28 make no price decimal holds, so there is no cheapest to take.
        var model = ModelCompiler.Compile(ProductModelJson.Load("""
            {
              "formatVersion": 1, "id": "gift", "currency": "EUR",
              "modules": [
                { "id": "packs", "min": 0, "max": 2, "adjustable": true, "options": [ { "id": "card", "price": 50000000000000000000000000000 }, { "id": "ribbon", "price": 50000000000000000000000000000 } ] },
                { "id": "extras", "min": 0, "adjustable": true, "options": [ { "id": "blind" } ] }
              ],
              "constraints": [ { "id": "something", "rule": "count(extras) == 0 -> count(packs) > 0" } ],
              "presets": [ { "id": "standard", "selections": { "packs": null, "extras": "blind" } } ]
            }
            """).GetModelOrThrow()).GetModelOrThrow();
        var customization = new AdaptiveStrategy().Begin(model, "standard");

        var change = customization.Change("extras");
        Assert.True(change.Accepted, change.Message);
        Assert.Equal(["packs"], change.FilledModules);
        Assert.True(model.Validate(customization.Configuration).IsValid);
    }

    [Fact]
    public void Cosmetic_ValidatesPersonalizationAndPricesIt()
    {
        var card = Compile("credit-card.json");
        var customization = new CosmeticStrategy().Begin(card, "everyday");
        Assert.False(customization.IsComplete);

        Assert.Equal(["'Name on card' does not have the required form."], customization.Set("cardholderName", "ada lovelace"));
        Assert.Equal(["'Name on card' takes at most 26 characters."], customization.Set("cardholderName", "ADA AUGUSTA KING COUNTESS OF LOVELACE"));
        Assert.Equal(["'Name on card' is required."], customization.Set("cardholderName", ""));
        Assert.Empty(customization.Set("cardholderName", "ADA LOVELACE"));
        Assert.Equal(["'Packaging' is one of: standard envelope, gift box."], customization.Set("packaging", "crate"));
        Assert.Empty(customization.Set("packaging", "gift box"));

        Assert.True(customization.IsComplete);
        Assert.Equal(4.5m, customization.Price().Total.Amount);
        Assert.Equal(ConfiguratorErrorCodes.InvalidPersonalization, Assert.Throws<ConfiguratorException>(() => customization.Set("monogram", "X")).Code);
        Assert.Throws<InvalidSelectionException>(() => new CosmeticStrategy().Begin(Windows, Selection.Parse("frame=arched")));
    }

    [Fact]
    public void Collaborative_AsksAboutEachModuleAtMostOnceAndEndsValid()
    {
        var dialogue = new CollaborativeStrategy().Begin(Windows, PricingPipeline.Default);
        var asked = new List<string>();
        while (dialogue.Current is { } question)
        {
            Assert.DoesNotContain(question.ModuleId, asked);
            asked.Add(question.ModuleId);
            Assert.All(question.Offers, o => Assert.True(o.ConfigurationsKept > 0));
            dialogue.Answer([.. question.Offers[^1].OptionIds]);
        }

        Assert.True(asked.Count <= Windows.Model.Modules.Count);
        Assert.True(Windows.Validate(dialogue.Configuration!).IsValid);
        Assert.True(dialogue.Back());
        Assert.NotNull(dialogue.Current);
        Assert.Equal(ConfiguratorErrorCodes.InvalidStep, Assert.Throws<ConfiguratorException>(() => dialogue.Answer("no-such-option")).Code);
    }

    [Fact]
    public void Collaborative_FirstQuestionSplitsTheSpaceMostEvenly()
    {
        var dialogue = new CollaborativeStrategy().Begin(Windows);
        var question = dialogue.Current!;

        // The module whose selections split the configurations most evenly: the smallest sum of squared counts.
        var all = Windows.Configurations().ToList();
        System.Numerics.BigInteger Score(string module) => all.GroupBy(c => string.Join("+", c.Choices[module].Order(StringComparer.Ordinal)))
            .Aggregate(System.Numerics.BigInteger.Zero, (sum, g) => sum + ((System.Numerics.BigInteger)g.Count() * g.Count()));
        var best = Windows.Model.Modules.MinBy(m => Score(m.Id))!;
        Assert.Equal(best.Id, question.ModuleId);

        // A multi-select module is asked option by option, each with how many configurations keep it.
        Assert.Equal(best.IsMultiSelect ? QuestionKind.AnyOf : QuestionKind.OneOf, question.Kind);
        Assert.All(question.Offers, o => Assert.Equal<System.Numerics.BigInteger?>(all.Count(c => c.Choices[best.Id].Contains(o.OptionIds[0])), o.ConfigurationsKept));
    }

    [Fact]
    public void Transparent_InfersAShirtFromMeasurementsAndPreferences()
    {
        var shirts = Compile("shirt.json");
        var profile = new CustomerProfile
        {
            Measurements = [new("neckCm", 41, 10)],
            Preferences = [new("collar", "button-down", 5), new("fit", "slim", 2)],
            PastConfigurations = [Selection.Parse("fabric=oxford"), Selection.Parse("fabric=oxford", "cuff=barrel")],
            PastPurchaseWeight = 2,
        };
        var inference = new TransparentStrategy().Infer(shirts, profile)!;

        Assert.Equal(["41"], inference.Configuration.Choices["size"]);
        Assert.Equal(["button-down"], inference.Configuration.Choices["collar"]);
        Assert.Equal(["oxford"], inference.Configuration.Choices["fabric"]);
        Assert.True(shirts.Validate(inference.Configuration).IsValid);
        Assert.Contains(inference.Notes, n => n.ModuleId == "size" && n.Reason.Contains("neckCm 41 for the measured 41", StringComparison.Ordinal));
        Assert.Contains(inference.Notes, n => n.ModuleId == "fabric" && n.Reason.Contains("bought 2 of 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CustomerValue.High, NeedsDiversity.Different, MarketingMode.CustomizationMarketing)]
    [InlineData(CustomerValue.High, NeedsDiversity.Similar, MarketingMode.FrequencyMarketing)]
    [InlineData(CustomerValue.Low, NeedsDiversity.Similar, MarketingMode.MassMarketing)]
    [InlineData(CustomerValue.Low, NeedsDiversity.Different, MarketingMode.NotTargeted)]
    public void Advice_MarketingMatrix(CustomerValue value, NeedsDiversity needs, MarketingMode expected) =>
        Assert.Equal(expected, StrategyAdvisor.Marketing(value, needs));

    [Theory]
    [InlineData(CustomerValue.High, CapabilityMatch.Good, SegmentSelection.Focus)]
    [InlineData(CustomerValue.High, CapabilityMatch.Poor, SegmentSelection.Opportunistic)]
    [InlineData(CustomerValue.Low, CapabilityMatch.Good, SegmentSelection.Passive)]
    [InlineData(CustomerValue.Low, CapabilityMatch.Poor, SegmentSelection.Abandon)]
    public void Advice_SelectionMatrix(CustomerValue value, CapabilityMatch match, SegmentSelection expected) =>
        Assert.Equal(expected, StrategyAdvisor.Selection(value, match));
}
