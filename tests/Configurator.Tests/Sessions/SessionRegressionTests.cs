using Configurator.Pricing;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Strategies.Collaborative;
using Configurator.Strategies.Adaptive;

namespace Configurator.Tests.Sessions;

/// <summary>The cases a shop engineer reported, each named after what went wrong.</summary>
public class SessionRegressionTests
{
    private static readonly CompiledModel Car = Compile("car.json");
    private static readonly CompiledModel Windows = Compile("window-rules.json");

    private static CompiledModel Compile(string file) =>
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel(file)).GetModelOrThrow()).GetModelOrThrow();

    [Fact]
    public void MultiSelect_TwoPacksSelected_StateTicksBothBoxes()
    {
        var session = ConfigurationSession.Start(Car);
        Assert.True(session.Select("packs", "winter").Applied);
        Assert.True(session.Select("packs", "tech").Applied);

        var packs = session.State["packs"];
        Assert.Equal(["winter", "tech"], packs.SelectedOptionIds);
        Assert.Equal(SelectionSource.Customer, packs.Source);
        Assert.Equal((true, SelectionSource.Customer), (packs["winter"].IsSelected, packs["winter"].Source));
        Assert.Equal((true, SelectionSource.Customer), (packs["tech"].IsSelected, packs["tech"].Source));
        Assert.Equal((false, SelectionSource.None), (packs["tow"].IsSelected, packs["tow"].Source));
        Assert.True(packs["tow"].IsAvailable);
        Assert.Equal(["winter", "tech"], session.State.Configuration!.Choices["packs"]);
    }

    [Fact]
    public void MultiSelect_WindowExtrasLock_TicksTheBoxAndDefaultsGiveWay()
    {
        var session = ConfigurationSession.Start(Windows);
        Assert.True(session.Select("extras", "lock").Applied);

        // "one-handle": the default designer handle gives way to the lockable one.
        var extras = session.State["extras"];
        Assert.Equal(["lock"], extras.SelectedOptionIds);
        Assert.Equal((true, SelectionSource.Customer), (extras["lock"].IsSelected, extras["lock"].Source));
        Assert.False(extras["handle"].IsAvailable);

        // Another box keeps the default ticked.
        session.Undo();
        Assert.True(session.Select("extras", "screen").Applied);
        extras = session.State["extras"];
        Assert.Equal(["handle", "screen"], extras.SelectedOptionIds);
        Assert.Equal(SelectionSource.Default, extras["handle"].Source);
        Assert.Equal(SelectionSource.Customer, extras["screen"].Source);

        // Unticking a default rules it out; the state says so, and so does the explanation.
        Assert.True(session.Deselect("extras", "handle").Applied);
        Assert.Equal((false, SelectionSource.Customer), (session.State["extras"]["handle"].IsSelected, session.State["extras"]["handle"].Source));
        Assert.Equal(["screen"], session.State.Configuration!.Choices["extras"]);
    }

    [Fact]
    public void Preset_CarGtThenWinterPack_IsAvailableAndKeepsSportStyling()
    {
        var session = ConfigurationSession.StartFromPreset(Car, "gt");
        var packs = session.State["packs"];
        Assert.Equal((true, SelectionSource.Preset), (packs["sport-styling"].IsSelected, packs["sport-styling"].Source));
        Assert.True(packs["winter"].IsAvailable);
        Assert.Null(session.Explain("packs", "winter"));

        var result = session.Select("packs", "winter");
        Assert.True(result.Applied);
        Assert.Equal(["winter", "sport-styling"], session.State["packs"].SelectedOptionIds);
        Assert.Contains(session.Choices, c => c.ModuleId == "packs" && c.OptionIds[0] == "sport-styling" && c.Origin == ChoiceOrigin.Preset);

        // The tow bar needs another body: unavailable, with the preset's body as the reason, and a conflict to resolve.
        Assert.False(session.State["packs"]["tow"].IsAvailable);
        var tow = session.Select("packs", "tow");
        Assert.True(tow.IsConflict);
        Assert.Contains(tow.Diagnoses, d => d.Selections.SequenceEqual(["body=coupe"]));

        session.ReturnToPreset();
        Assert.Equal(0, session.NearestPreset()!.Distance);
    }

    [Fact]
    public void Deselect_ColourBlack_RulesItOut_AndSelectingItTakesThatBack()
    {
        var session = ConfigurationSession.Start(Car);
        var all = session.State.Completions;
        Assert.True(session.Deselect("colour", "black").Applied);

        // Ruled out: no completion takes black, yet choosing it is one click, so it is available and unexplained.
        var black = session.State["colour"]["black"];
        Assert.Equal((false, SelectionSource.Customer, true), (black.IsSelected, black.Source, black.IsAvailable));
        Assert.True(session.State.Completions < all);
        Assert.Null(session.Explain("colour", "black"));
        Assert.Null(session.View()["colour"]["black"].Reason);

        var again = session.Select("colour", "black");
        Assert.True(again.Applied);
        Assert.Equal((true, SelectionSource.Customer), (session.State["colour"]["black"].IsSelected, session.State["colour"]["black"].Source));
        Assert.Equal(["colour=black"], session.Choices.Select(c => c.ToNotation(multiSelect: false)));

        // Undo brings the ruling-out back.
        session.Undo();
        Assert.Equal(["colour-=black"], session.Choices.Select(c => c.ToNotation(multiSelect: false)));
    }

    [Fact]
    public void View_AnOptionRuledOutTwice_IsExplainedByTheRuleNotByTheCustomer()
    {
        // An arched frame rules out clear and double glass; the customer also rules out double.
        // Selecting double would take that back, so the page's reason is the frame, as Explain says.
        var session = ConfigurationSession.Start(Windows);
        Assert.True(session.Select("frame", "arched").Applied);
        Assert.True(session.Deselect("glass", "double").Applied);
        var shown = session.View()["glass"]["double"].Reason!;
        Assert.Equal(["frame=arched"], shown.Selections);
        Assert.Equal(session.Explain("glass", "double"), shown);
    }

    [Fact]
    public void Adaptive_WhatTheStandardProductLeavesOutOfAFixedModule_StaysOut()
    {
        // The car's packs are not adjustable: the family car's standard product leaves out the tech pack for good.
        var session = new AdaptiveStrategy().Begin(Car, "family").Session;
        var tech = session.State["packs"]["tech"];
        Assert.Equal((false, SelectionSource.Preset, false), (tech.IsSelected, tech.Source, tech.IsAvailable));
        Assert.Equal("The standard product leaves out Technology pack (Packs).", session.Explain("packs", "tech")!.Message);
        var insisted = session.Select("packs", "tech");
        Assert.True(insisted.IsConflict);
        Assert.Equal(["packs-=tech"], insisted.Diagnoses[0].Selections);
    }

    [Fact]
    public void Select_AvailableOption_NeverDropsAnotherChoice()
    {
        var session = ConfigurationSession.Start(Car);
        session.Select("packs", "winter");
        session.Select("engine", "hybrid-140");
        session.Deselect("colour", "green");
        var before = session.Choices;
        foreach (var module in session.State.Modules)
        {
            foreach (var option in module.Options.Where(o => o.IsAvailable))
            {
                var probe = ConfigurationSession.Resume(Car, session.Save()).Session;
                Assert.True(probe.Select(module.ModuleId, option.OptionId).Applied);
                // What the selection replaces: the module's selection in a single-select module, and the customer's own ruling-out of the option.
                var sameModuleSingle = !Car.Model.FindModule(module.ModuleId)!.IsMultiSelect;
                var replaced = before.Where(c => c.ModuleId == module.ModuleId && ((sameModuleSingle && c.Kind != ChoiceKind.Deselect) || (c.Kind == ChoiceKind.Deselect && c.OptionIds[0] == option.OptionId))).ToList();
                Assert.All(before.Except(replaced), c => Assert.Contains(c, probe.Choices));
                Assert.All(replaced.Where(c => c.Kind == ChoiceKind.Deselect), c => Assert.DoesNotContain(c, probe.Choices));
            }
        }
    }

    [Fact]
    public void Resume_WithPricing_ReportsPricesAndTheDocumentNamesItsModel()
    {
        var session = ConfigurationSession.Start(Windows, new SessionOptions { Pricing = PricingPipeline.Default, Strategy = "adaptive" });
        session.Select("frame", "arched");
        session.Select("glass", "triple");
        var json = session.Save();

        var document = SessionDocument.Parse(json);
        Assert.Equal(("window-rules", Windows.Model.Version, "adaptive", session.Id), (document.ModelId, document.ModelVersion, document.Strategy, document.SessionId));

        var resumed = ConfigurationSession.Resume(Windows, json, new SessionOptions { Pricing = PricingPipeline.Default });
        Assert.Equal(session.Id, resumed.Session.Id);
        Assert.Equal("adaptive", resumed.Session.Strategy);
        Assert.Equal(session.State.Price, resumed.Session.State.Price);
        Assert.NotNull(resumed.Session.State["glass"]["triple"].PriceDifference);
        Assert.Equal(session.State.Breakdown, resumed.Session.State.Breakdown);
        Assert.NotNull(resumed.Session.State.Breakdown);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"formatVersion":99,"model":"window-rules","choices":[]}""")]
    [InlineData("""{"formatVersion":1,"model":"window-rules","choices":[{"kind":"frobnicate","module":"frame","options":["rect"]}]}""")]
    [InlineData("""{"formatVersion":1,"model":"window-rules","choices":[{"kind":"select","options":["rect"]}]}""")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public void Resume_MalformedDocument_IsInvalidSessionDocument(string json)
    {
        var error = Assert.Throws<ConfiguratorException>(() => ConfigurationSession.Resume(Windows, json));
        Assert.Equal(ConfiguratorErrorCodes.InvalidSessionDocument, error.Code);
    }

    [Fact]
    public void Resume_AnotherModelsDocument_IsAMismatch()
    {
        var json = ConfigurationSession.Start(Car).Save();
        Assert.Equal(ConfiguratorErrorCodes.SessionModelMismatch, Assert.Throws<ConfiguratorException>(() => ConfigurationSession.Resume(Windows, json)).Code);
    }

    [Fact]
    public void BadInput_EveryCaseHasItsCode()
    {
        var session = ConfigurationSession.Start(Windows);
        Assert.Equal(ConfiguratorErrorCodes.UnknownModule, Assert.Throws<InvalidSelectionException>(() => session.Select("nope", "x")).Code);
        Assert.Equal(ConfiguratorErrorCodes.UnknownOption, Assert.Throws<InvalidSelectionException>(() => session.Select("frame", "x")).Code);
        Assert.Equal(ConfiguratorErrorCodes.UnknownModule, Assert.Throws<InvalidSelectionException>(() => session.State["nope"]).Code);
        Assert.Equal(ConfiguratorErrorCodes.UnknownOption, Assert.Throws<InvalidSelectionException>(() => session.Explain("frame", "x")).Code);
        Assert.Equal(ConfiguratorErrorCodes.InvalidSelection, Assert.Throws<InvalidSelectionException>(() => session.SetModule("frame", "rect", "oak")).Code);
        Assert.Equal(ConfiguratorErrorCodes.UnknownPreset, Assert.Throws<ConfiguratorException>(() => session.ReturnToPreset("nope")).Code);
        Assert.Equal(ConfiguratorErrorCodes.InvalidStep, Assert.Throws<ConfiguratorException>(() => session.ReturnToPreset()).Code);
        var conflict = session.Select("colour", "natural");
        Assert.Equal(ConfiguratorErrorCodes.StaleConflict, Assert.Throws<ConfiguratorException>(() => session.Resolve(conflict, 9)).Code);
        Assert.Throws<ArgumentNullException>(() => session.Select(null!, "x"));
        Assert.True(session.Select("frame", "oak").Applied);
    }

    [Fact]
    public void History_IsBoundedByTheOption()
    {
        var session = ConfigurationSession.Start(Windows, new SessionOptions { HistoryLimit = 3 });
        foreach (var size in new[] { "s", "m", "l", "s", "m" })
        {
            session.Select("size", size);
        }

        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => session.Undo()));
        Assert.Equal(["size=m"], session.Choices.Select(c => c.ToString().Replace("+=", "=", StringComparison.Ordinal)));
        Assert.Equal(100, new SessionOptions().HistoryLimit);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfigurationSession.Start(Windows, new SessionOptions { HistoryLimit = 0 }));
    }

    [Fact]
    public void Collaborative_CarPacks_AskedOptionByOptionNotAsEverySubset()
    {
        var dialogue = new CollaborativeStrategy().Begin(Car, PricingPipeline.Default);
        while (dialogue.Current is { ModuleId: not "packs" } question)
        {
            dialogue.Answer([.. question.Offers[0].OptionIds]);
        }

        var packs = dialogue.Current!;
        Assert.Equal(QuestionKind.AnyOf, packs.Kind);
        Assert.Equal((0, 3), (packs.Min, packs.Max));
        Assert.All(packs.Offers, o => Assert.Single(o.OptionIds));
        Assert.True(packs.Offers.Count <= 4);
        Assert.Contains(packs.Offers, o => o.Names.SequenceEqual(["Winter pack"]) && o.PriceDifference is { Amount: > 0 });
        Assert.True(dialogue.Answer("winter").Applied);
        Assert.Equal(["winter"], dialogue.Session.State["packs"].SelectedOptionIds);
    }
}
