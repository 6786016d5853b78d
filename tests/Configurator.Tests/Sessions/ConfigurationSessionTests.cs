using System.Collections.Concurrent;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Tests.Sessions;

public class ConfigurationSessionTests
{
    private static readonly CompiledModel Windows = Compile("window-rules.json");

    private static CompiledModel Compile(string file) =>
        ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel(file)).GetModelOrThrow()).GetModelOrThrow();

    [Fact]
    public void Start_AppliesDefaultsAsSoftChoices()
    {
        var session = ConfigurationSession.Start(Windows);
        Assert.Empty(session.Choices);
        Assert.Equal(SelectionSource.Default, session.State["frame"].Source);
        Assert.Equal(["rect"], session.State["frame"].SelectedOptionIds);
        Assert.Equal(["handle"], session.State["extras"].SelectedOptionIds);
        Assert.True(session.State.IsComplete);
        Assert.True(Windows.Validate(session.State.Configuration!).IsValid);
        Assert.Equal(Windows.Count(), session.State.Completions);
    }

    [Fact]
    public void Select_OverridesADefaultSilentlyAndForcesWhatFollows()
    {
        var session = ConfigurationSession.Start(Windows);
        var result = session.Select("frame", "arched");

        Assert.True(result.Applied);
        Assert.Equal(SelectionSource.Customer, session.State["frame"].Source);
        Assert.Equal(SelectionSource.Forced, session.State["strength"].Source);
        Assert.Equal(["3"], session.State["strength"].SelectedOptionIds);
        Assert.Equal(["laminated", "triple"], session.State["glass"].AvailableOptionIds);

        // The frame's alternatives stay visible: the customer may switch.
        Assert.Equal(["rect", "arched", "round", "oak"], session.State["frame"].AvailableOptionIds);
        Assert.Equal(Windows.Count(Selection.Parse("frame=arched")), session.State.Completions);
    }

    [Fact]
    public void Explain_UnavailableOption_NamesTheChoiceAndTheRule()
    {
        var session = ConfigurationSession.Start(Windows);
        session.Select("frame", "arched");

        var explanation = session.Explain("strength", "1")!;
        Assert.Equal([new CustomerChoice(ChoiceKind.Select, "frame", ["arched"])], explanation.Choices);
        Assert.Equal(["frame=arched"], explanation.Selections);
        Assert.Equal(["arched-needs-strongest"], explanation.Constraints.Select(c => c.ConstraintId));
        Assert.Equal("Grade 1 (Strength grade) is not available with Frame: Arched. Arched and round frames need the strongest grade.", explanation.ToString());
        Assert.Null(session.Explain("strength", "3"));
    }

    /// <summary>
    /// Two conflicts share a choice (a with c, b with c): dropping c alone lets the tow bar in, and
    /// so does dropping a and b, while a and c together is not minimal. Every engine gives exactly
    /// those two, the smaller first.
    /// </summary>
    [Theory]
    [InlineData(SolverEngineKind.Diagram)]
    [InlineData(SolverEngineKind.Search)]
    [InlineData(SolverEngineKind.Boolean)]
    public void Select_TwoConflictsSharingAChoice_OffersTheTwoMinimalWaysOut(SolverEngineKind engine)
    {
        static string Feature(string id) => $$"""{ "id": "{{id}}", "name": "{{id}}", "min": 0, "max": 1, "options": [ { "id": "yes", "name": "yes" } ] }""";
        var json = $$"""
            { "formatVersion": 1, "id": "shared", "name": "Shared", "currency": "EUR", "basePrice": 0,
              "modules": [ {{Feature("a")}}, {{Feature("b")}}, {{Feature("c")}}, {{Feature("tow")}} ],
              "constraints": [
                { "id": "ac", "message": "a and c leave no room for a tow bar.", "rule": "tow == 'yes' -> not (a == 'yes' and c == 'yes')" },
                { "id": "bc", "message": "b and c leave no room for a tow bar.", "rule": "tow == 'yes' -> not (b == 'yes' and c == 'yes')" } ] }
            """;
        var compiled = Solving.SmallModels.Compile(ProductModelJson.Load(json).GetModelOrThrow(), engine);
        var session = ConfigurationSession.Start(compiled);
        session.Select("a", "yes");
        session.Select("b", "yes");
        session.Select("c", "yes");

        var conflict = session.Select("tow", "yes");

        Assert.True(conflict.IsConflict);
        Assert.Equal([["c"], ["a", "b"]], conflict.Diagnoses.Select(d => d.ChoicesToDrop.Select(c => c.ModuleId).ToArray()).ToArray());
    }

    [Fact]
    public void Select_Conflict_OffersDiagnosesAndAppliesTheChosenOne()
    {
        var session = ConfigurationSession.Start(Windows);
        session.Select("frame", "arched");
        session.Select("colour", "white");
        var before = session.Choices;

        var conflict = session.Select("colour", "natural");
        Assert.True(conflict.IsConflict);
        Assert.Equal(before, session.Choices);
        var diagnosis = Assert.Single(conflict.Diagnoses);
        Assert.Equal(["frame+=arched"], diagnosis.ChoicesToDrop.Select(c => c.ToString()));
        Assert.Contains("colour-matches-material", conflict.Explanation!.Constraints.Select(c => c.ConstraintId));

        session.Resolve(conflict, diagnosis);
        Assert.Equal(["colour+=natural"], session.Choices.Select(c => c.ToString()));
        Assert.True(session.Undo());
        Assert.Equal(before, session.Choices);
        Assert.True(session.Redo());
        Assert.False(session.Redo());
    }

    [Fact]
    public void MultiSelect_SelectAndDeselectEachOption()
    {
        var session = ConfigurationSession.Start(Windows);
        session.Select("extras", "screen");
        session.Select("extras", "lock");
        Assert.Equal(["lock", "screen"], session.State["extras"].SelectedOptionIds.Order());
        Assert.DoesNotContain("handle", session.State["extras"].AvailableOptionIds);
        Assert.Equal("one-handle", session.Explain("extras", "handle")!.Constraints.Single().ConstraintId);

        session.Deselect("extras", "lock");
        Assert.Contains("handle", session.State["extras"].AvailableOptionIds);
    }

    [Fact]
    public void Presets_StartChangeReturnAndMeasureDistance()
    {
        var session = ConfigurationSession.StartFromPreset(Windows, "heritage");
        Assert.Equal(new PresetDistance("heritage", 0, []), session.NearestPreset());

        session.SetModule("size", "l");
        session.Select("colour", "white");
        Assert.Equal(1, session.NearestPreset()!.Distance);
        Assert.Equal(["size"], session.NearestPreset()!.DifferingModules);

        session.ReturnToPreset();
        Assert.Equal(0, session.NearestPreset()!.Distance);
        Assert.Equal(ConfiguratorErrorCodes.UnknownPreset, Assert.Throws<ConfiguratorException>(() => ConfigurationSession.StartFromPreset(Windows, "nope")).Code);
    }

    [Fact]
    public void SaveAndResume_GivesTheSameState()
    {
        var session = ConfigurationSession.StartFromPreset(Windows, "standard");
        session.Select("frame", "oak");
        session.Select("extras", "screen");
        var json = session.Save();

        var resumed = ConfigurationSession.Resume(Windows, json);
        Assert.Empty(resumed.Dropped);
        Assert.False(resumed.ModelChanged);
        Assert.Equal(session.Choices, resumed.Session.Choices);
        Assert.Equal(session.State.Configuration, resumed.Session.State.Configuration);
        Assert.Equal("standard", resumed.Session.PresetId);
    }

    [Fact]
    public void Resume_ChangedModel_ReportsTheChoicesThatNoLongerApply()
    {
        var session = ConfigurationSession.Start(Windows);
        session.Select("colour", "anthracite");
        session.Select("glass", "triple");
        session.Select("size", "l");

        // The new model drops anthracite and makes triple glazing need a small window.
        var model = Windows.Model;
        var changed = model with
        {
            Version = "2027.1",
            Modules = [.. model.Modules.Select(m => m.Id == "colour" ? m with { Options = [.. m.Options.Where(o => o.Id != "anthracite")] } : m)],
            Constraints = [.. model.Constraints, new Configurator.Modeling.Constraint("small-triple") { Rule = "glass == 'triple' -> size == 's'", Message = "Triple glazing only in small windows." }],
        };
        var resumed = ConfigurationSession.Resume(ModelCompiler.Compile(changed).GetModelOrThrow(), session.Save());

        Assert.True(resumed.ModelChanged);
        Assert.Equal(["colour+=anthracite", "size+=l"], resumed.Dropped.Select(d => d.Choice.ToString()));
        Assert.Contains("no option 'anthracite'", resumed.Dropped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Triple glazing only in small windows.", resumed.Dropped[1].Reason, StringComparison.Ordinal);
        Assert.Equal(["glass+=triple"], resumed.Session.Choices.Select(c => c.ToString()));
    }

    [Fact]
    public void Resume_PresetTheModelNoLongerHas_IsReportedNotSilentlyDropped()
    {
        var preset = Windows.Model.Presets[0].Id;
        var session = ConfigurationSession.StartFromPreset(Windows, preset);
        var withoutPresets = ModelCompiler.Compile(Windows.Model with { Version = "2027.2", Presets = [] }).GetModelOrThrow();

        var resumed = ConfigurationSession.Resume(withoutPresets, session.Save());

        Assert.Equal(preset, resumed.DroppedPreset);
        Assert.Null(resumed.Session.PresetId);
        Assert.Null(ConfigurationSession.Resume(Windows, session.Save()).DroppedPreset);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"formatVersion\": 99, \"model\": \"window\", \"choices\": []}")]
    public void Resume_EmptyObjectOrFormatVersion99_IsAnInvalidSessionDocument(string json) =>
        Assert.Equal(ConfiguratorErrorCodes.InvalidSessionDocument, Assert.Throws<ConfiguratorException>(() => ConfigurationSession.Resume(Windows, json)).Code);

    [Fact]
    public void Resume_Garbage_IsAnInvalidSessionDocument() =>
        Assert.Equal(ConfiguratorErrorCodes.InvalidSessionDocument, Assert.Throws<ConfiguratorException>(() => ConfigurationSession.Resume(Windows, "{not json")).Code);

    [Fact]
    public void Select_UnknownIds_ThrowAndLeaveTheSessionAsItWas()
    {
        var session = ConfigurationSession.Start(Windows);
        session.Select("frame", "oak");
        Assert.Throws<InvalidSelectionException>(() => session.Select("frame", "oval"));
        Assert.Throws<InvalidSelectionException>(() => session.Select("roof", "flat"));
        Assert.Throws<InvalidSelectionException>(() => session.SetModule("frame", "rect", "oak"));
        Assert.Equal(["frame+=oak"], session.Choices.Select(c => c.ToString()));
    }

    [Fact]
    public void ClearModuleAndReset_AreUndoableSteps()
    {
        var session = ConfigurationSession.Start(Windows);
        session.Select("frame", "oak");
        session.Select("size", "l");
        session.ClearModule("frame");
        Assert.Equal(["size+=l"], session.Choices.Select(c => c.ToString()));
        session.Reset();
        Assert.Empty(session.Choices);
        session.Undo();
        session.Undo();
        Assert.Equal(2, session.Choices.Length);
    }

    [Fact]
    public void Sessions_InParallelOverOneModel_MatchTheSameSessionsRunInTurn()
    {
        var models = new[] { Windows, Compile("car.json"), Compile("shirt.json") };
        string Run(int seed)
        {
            var random = new Random(seed);
            var model = models[seed % models.Length];
            var session = ConfigurationSession.Start(model);
            var log = new System.Text.StringBuilder();
            for (var step = 0; step < 8; step++)
            {
                var module = model.Model.Modules[random.Next(model.Model.Modules.Count)];
                var option = module.Options[random.Next(module.Options.Count)].Id;
                var result = random.Next(4) == 0 ? session.Deselect(module.Id, option) : session.Select(module.Id, option);
                if (result.IsConflict && result.Diagnoses.Count > 0 && random.Next(2) == 0)
                {
                    session.Resolve(result, result.Diagnoses[0]);
                }

                log.Append(result.Applied).Append(';').Append(session.State.Completions).Append(';')
                    .AppendJoin(',', session.State.Modules.SelectMany(m => m.AvailableOptionIds)).Append('|');
            }

            return log.Append(session.State.Configuration).ToString();
        }

        var sequential = Enumerable.Range(0, 2000).Select(Run).ToList();
        var parallel = new ConcurrentDictionary<int, string>();
        Parallel.For(0, 2000, i => parallel[i] = Run(i));
        Assert.Equal(sequential, Enumerable.Range(0, 2000).Select(i => parallel[i]));
    }
}
