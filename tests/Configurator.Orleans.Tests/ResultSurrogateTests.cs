using Configurator.Sessions;
using Configurator.Solving;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Configurator.Orleans.Tests;

/// <summary>
/// A session's results cross the cluster through Orleans surrogates: written and read back they
/// must equal the original and give the same JSON (so no field is lost on the way), for views with
/// explanations, conflicts with diagnoses, presets, prices and breakdowns, attributes, and
/// selections that include or exclude single options.
/// </summary>
public sealed class ResultSurrogateTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public void RandomSessions_RoundTripThroughTheSurrogates_Unchanged()
    {
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Serializer>();
        var random = new Random(17);
        var checkedResults = 0;
        var seen = (Conflicts: 0, Reasons: 0, Breakdowns: 0, Presets: 0, Attributes: 0);
        foreach (var modelId in new[] { "window", "window-rules", "car", "shirt", "credit-card" })
        {
            var model = fixture.Catalog.Get(modelId);
            for (var round = 0; round < 12; round++)
            {
                var options = new SessionOptions { Pricing = round % 3 == 0 ? null : fixture.Pricing };
                var session = round % 4 == 1 && !model.Model.Presets.IsEmpty
                    ? ConfigurationSession.StartFromPreset(model, model.Model.Presets[random.Next(model.Model.Presets.Count)].Id, options)
                    : ConfigurationSession.Start(model, options);
                for (var step = 0; step < 8; step++)
                {
                    var view = session.View();
                    RoundTrip(serializer, view);
                    var all = view.Modules.SelectMany(m => m.Options.Select(o => (m.ModuleId, o.OptionId))).ToList();
                    var (moduleId, optionId) = all[random.Next(all.Count)];
                    var result = session.Select(moduleId, optionId);
                    RoundTrip(serializer, result);
                    checkedResults += 2;
                    seen.Conflicts += result.IsConflict && !result.Diagnoses.IsEmpty ? 1 : 0;
                    seen.Reasons += view.Modules.Any(m => m.Options.Any(o => o.Reason is not null)) ? 1 : 0;
                    seen.Breakdowns += result.State.Breakdown is not null ? 1 : 0;
                    seen.Presets += result.State.Choices.Any(c => c.Origin == ChoiceOrigin.Preset) ? 1 : 0;
                    seen.Attributes += result.State.Attributes.IsEmpty ? 0 : 1;
                }
            }
        }

        // The sessions reached every part of a result at least once, so each converter had something to lose.
        Assert.True(seen.Conflicts > 0 && seen.Reasons > 0 && seen.Breakdowns > 0 && seen.Presets > 0 && seen.Attributes > 0, $"{seen}");
        Assert.True(checkedResults >= 800);
    }

    [Fact]
    public void Selection_WithIncludedAndExcludedOptions_RoundTrips()
    {
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Serializer>();
        RoundTrip(serializer, Selection.Parse("frame=arched", "extras+=blind", "extras-=screen", "colour=white+natural"));
        RoundTrip(serializer, Selection.Empty);
    }

    [Fact]
    public void SessionState_WithNoCountWithinTheBudget_RoundTrips()
    {
        // A model too large to count within the budget: the view's completions are null, not zero.
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Serializer>();
        var text = "p cnf 40 20\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{(2 * i) + 1} {(2 * i) + 2} 0\n"));
        var model = ModelCompiler.Compile(Importers.ModelImporter.Import(text, "pairs.dimacs").GetModelOrThrow(), new CompilerOptions { ForceBooleanEngine = true, CircuitDecisionBudget = 5 }).GetModelOrThrow();
        var view = ConfigurationSession.Start(model).View();
        Assert.Null(view.Completions);
        RoundTrip(serializer, view);
        Assert.Null(serializer.Deserialize<SessionState>(serializer.SerializeToArray(view))!.Completions);
    }

    private static void RoundTrip<T>(Serializer serializer, T value)
        where T : class
    {
        var back = serializer.Deserialize<T>(serializer.SerializeToArray(value));
        Assert.Equal(value, back);
        Assert.Equal(ConfiguratorJson.Serialize(value), ConfiguratorJson.Serialize(back));
    }
}
