using Configurator.Modeling;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Tests.Solving;
using CsCheck;

namespace Configurator.Tests.Sessions;

/// <summary>The model's attributes in the session view: exact ranges over the completions of the customer's choices.</summary>
public class SessionAttributeTests
{
    private static readonly CompiledModel Windows = ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow()).GetModelOrThrow();

    [Fact]
    public void View_WindowRules_ShowsWeightAndUValueAsTheyNarrow()
    {
        var session = ConfigurationSession.Start(Windows);

        var start = session.State.Attributes;
        Assert.Equal(["weight", "insulation"], start.Select(a => a.AttributeId));
        Assert.Equal(new AttributeState("weight", "Weight", "kg", 14, 29, 14), start[0]);
        Assert.Equal(new AttributeState("insulation", "U-value", "W/m²K", 0.6m, 1.1m, 1.1m), start[1]);

        var arched = session.Select("frame", "arched").State.Attributes;
        Assert.Equal(new AttributeState("weight", "Weight", "kg", 19, 29, null), arched[0]);
        Assert.Equal((0.6m, 1.0m), (arched[1].Min, arched[1].Max));

        var json = ConfiguratorJson.Serialize(session.State);
        Assert.Contains("\"attributes\":[{\"id\":\"weight\",\"name\":\"Weight\",\"unit\":\"kg\",\"min\":19,\"max\":29,\"value\":null}", json, StringComparison.Ordinal);
        Assert.Equal(session.State, ConfiguratorJson.Deserialize<SessionState>(json));
    }

    /// <summary>
    /// On a model too wide for an exact sum (no circuit within the compiler's budgets, as the Linux
    /// kernel's) a session did not start: the weight's range threw LimitExceeded. It now starts, the
    /// sum has no range until the configuration is complete, and a maximum's range stays exact.
    /// </summary>
    [Fact]
    public void View_ModelTooWideForAnExactSum_GoesOnWithoutTheSumsRange()
    {
        var model = ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow();
        var wide = ModelCompiler.Compile(model, new CompilerOptions { ForceBooleanEngine = true, NodeBudget = 1, CircuitDecisionBudget = 0 }).GetModelOrThrow();
        var (session, exact) = (ConfigurationSession.Start(wide), ConfigurationSession.Start(Windows));

        foreach (var (module, option) in new[] { ("frame", "arched"), ("glass", "triple"), ("size", "l") })
        {
            var (shown, expected) = (session.Select(module, option).State, exact.Select(module, option).State);
            Assert.Equal(expected.Attributes[0] with { Min = null, Max = null }, shown.Attributes[0]);
            Assert.Equal(expected.Attributes[1], shown.Attributes[1]);
        }

        // Complete (the defaults fill the rest), the weight is the configuration's own.
        Assert.NotNull(session.State.Configuration);
        Assert.Equal(exact.State.Attributes[0].Value, session.State.Attributes[0].Value);
        Assert.NotNull(session.State.Attributes[0].Value);
        Assert.Contains("\"min\":null,\"max\":null", ConfiguratorJson.Serialize(session.State), StringComparison.Ordinal);
    }

    [Fact]
    public void View_ModelWithoutAttributes_HasNone() =>
        Assert.Empty(ConfigurationSession.Start(ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window.json")).GetModelOrThrow()).GetModelOrThrow()).State.Attributes);

    [Fact]
    public void View_RandomModelsAndChoices_EqualsTheRangeOverTheChoicesAndTheConfigurationsOwnValue() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            if (model.Attributes.IsEmpty)
            {
                return;
            }

            var attribute = model.Attributes[0];
            var compiled = SmallModels.Compile(model, (SolverEngineKind)random.Next(3));
            var session = ConfigurationSession.Start(compiled);
            var within = Selection.Empty;
            for (var step = 0; step < 4 && session.State.IsValid; step++)
            {
                var state = session.State;
                var shown = Assert.Single(state.Attributes);
                var expected = compiled.AttributeRange(attribute.Property, attribute.Aggregation, within)!;
                Assert.True((attribute.Id, attribute.Name ?? attribute.Id, expected.Min, expected.Max) == (shown.AttributeId, shown.Name, shown.Min, shown.Max),
                    $"step {step} within '{within}' (choices {string.Join(", ", state.Choices)}): {shown} against {expected.Min} to {expected.Max}, {attribute.Aggregation}");
                if (state.Configuration is { } configuration)
                {
                    var exact = compiled.AttributeRange(attribute.Property, attribute.Aggregation, configuration)!;
                    Assert.Equal(exact.Min, shown.Value);
                    Assert.InRange(exact.Min, shown.Min!.Value, shown.Max!.Value);
                }
                else
                {
                    Assert.Null(shown.Value);
                }

                var available = state.Modules.SelectMany(m => m.Options.Where(o => o.IsAvailable && !o.IsSelected).Select(o => (m.ModuleId, o.OptionId))).ToList();
                if (available.Count == 0)
                {
                    break;
                }

                var (moduleId, optionId) = available[random.Next(available.Count)];
                Assert.True(session.Select(moduleId, optionId).Applied);
                within = model.FindModule(moduleId)!.IsMultiSelect ? within.Including(moduleId, optionId) : within.With(moduleId, optionId);
            }
        }, iter: 400, threads: 1);
}
