using Configurator.Sessions;
using Orleans.TestingHost;

namespace Configurator.Orleans.Tests;

/// <summary>Session grains on a 3-silo cluster against the same sessions run in one process.</summary>
public sealed class SessionGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly string[] Models = ["window-rules", "car", "shirt", "credit-card"];

    /// <summary>A local session with the id and options a grain gives it.</summary>
    private ConfigurationSession Local(string id, string modelId, string? presetId)
    {
        var options = new SessionOptions { SessionId = id, Pricing = fixture.Pricing };
        var model = fixture.Catalog.Get(modelId);
        return presetId is null ? ConfigurationSession.Start(model, options) : ConfigurationSession.StartFromPreset(model, presetId, options);
    }

    private static string Json(SessionState state) => ConfiguratorJson.Serialize(state);

    /// <summary>The state without its step number, which counts from the activation (the document holds only the choices).</summary>
    private static string Content(SessionState state) => ConfiguratorJson.Serialize(state with { Step = 0 });

    /// <summary>
    /// One random walk, through a grain and locally side by side: mostly valid selections, some
    /// unavailable ones (a conflict, then its first diagnosis), deselections, undo and redo.
    /// </summary>
    private async Task<(SessionState Grain, SessionState Local)> WalkAsync(int seed, int steps, Func<int, string, Task>? between = null)
    {
        var compare = between is null ? Json : (Func<SessionState, string>)Content;
        return await WalkAsync(seed, steps, between, compare);
    }

    private async Task<(SessionState Grain, SessionState Local)> WalkAsync(int seed, int steps, Func<int, string, Task>? between, Func<SessionState, string> compare)
    {
        var random = new Random(seed);
        var id = $"walk-{seed}-{Guid.NewGuid():N}";
        var modelId = Models[seed % Models.Length];
        var local = Local(id, modelId, null);
        var grain = fixture.Client.GetGrain<ISessionGrain>(id);
        Assert.Equal(compare(local.View()), compare(await grain.StartAsync(modelId, null)));
        for (var step = 0; step < steps; step++)
        {
            if (between is not null)
            {
                await between(step, id);
            }

            var view = local.View();
            var options = view.Modules.SelectMany(m => m.Options.Select(o => (Module: m.ModuleId, Option: o))).ToList();
            var pick = random.Next(10);
            // Undo history is not in the document, so a walk that reactivates the grain leaves it out.
            if (pick == 0 && between is null && local.CanUndo)
            {
                local.Undo();
                Assert.Equal(compare(local.View()), compare(await grain.UndoAsync()));
                continue;
            }

            if (pick == 1 && between is null && local.CanRedo)
            {
                local.Redo();
                Assert.Equal(compare(local.View()), compare(await grain.RedoAsync()));
                continue;
            }

            var candidates = pick == 2 ? options.Where(o => !o.Option.IsAvailable).ToList() : options.Where(o => o.Option.IsAvailable && !o.Option.IsSelected).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var (module, option) = candidates[random.Next(candidates.Count)];
            var choice = new CustomerChoice(pick == 3 ? ChoiceKind.Deselect : ChoiceKind.Select, module, [option.OptionId]);
            var expected = choice.Kind == ChoiceKind.Select ? local.Select(module, option.OptionId) : local.Deselect(module, option.OptionId);
            var actual = await grain.ChooseAsync(choice);
            Assert.Equal(expected.Applied, actual.Applied);
            Assert.Equal(expected.Diagnoses, actual.Diagnoses);
            if (!expected.Applied && expected.Diagnoses.Count > 0)
            {
                local.Resolve(expected, 0);
                Assert.Equal(compare(local.View()), compare(await grain.ResolveAsync(choice, 0)));
            }
        }

        return (await grain.ViewAsync(), local.View());
    }

    [Fact]
    public async Task ThousandSessionsThroughTheCluster_EndAsInOneProcess()
    {
        var results = new (string Grain, string Local)[1000];
        await Parallel.ForAsync(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var (grain, local) = await WalkAsync(i, steps: 8);
            results[i] = (Json(grain), Json(local));
        });

        Assert.All(results, r => Assert.Equal(r.Local, r.Grain));
    }

    [Fact]
    public async Task DeactivatedMidSession_ContinuesFromStorage()
    {
        var deactivations = 0;
        var (grain, local) = await WalkAsync(7, steps: 12, async (step, id) =>
        {
            if (step % 3 == 2)
            {
                await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<ISessionGrain>(id));
                deactivations++;
            }
        });

        Assert.Equal(4, deactivations);
        Assert.Equal(Content(local), Content(grain));
        Assert.Equal(local.Choices, grain.Choices);
    }

    [Fact]
    public async Task StartedInACulture_SpeaksItAfterADeactivation()
    {
        var id = $"zh-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<ISessionGrain>(id);
        var first = await grain.StartAsync("window-rules", null, "zh-CN");
        Assert.Equal("框架", first["frame"].Name);

        Assert.True((await grain.ChooseAsync(new CustomerChoice(ChoiceKind.Set, "glass", ["clear"]))).Applied);
        await fixture.Cluster.DeactivateAsync(grain);
        var resumed = await grain.ViewAsync();
        Assert.Equal("框架", resumed["frame"].Name);
        Assert.Equal("拱形（框架）不能与玻璃：透明玻璃同时选择。异形框架只能配夹层玻璃或三层中空玻璃。", resumed["frame"]["arched"].Reason!.Message);

        var unknown = await Assert.ThrowsAsync<ConfiguratorException>(() => fixture.Client.GetGrain<ISessionGrain>($"q-{Guid.NewGuid():N}").StartAsync("window-rules", null, "klingon"));
        Assert.Equal(ConfiguratorErrorCodes.InvalidInput, unknown.Code);
    }

    [Fact]
    public async Task LiveSession_FindsAndDeletesItsDocument_AsStored()
    {
        // A grain lets go of the document text once storage has it; the live session answers for it.
        var id = $"doc-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<ISessionGrain>(id);
        var local = Local(id, "window-rules", null);
        await grain.StartAsync("window-rules", null);
        Assert.True((await grain.ChooseAsync(new CustomerChoice(ChoiceKind.Select, "glass", ["laminated"]))).Applied);
        Assert.True((await grain.ChooseAsync(new CustomerChoice(ChoiceKind.Select, "frame", ["arched"]))).Applied);
        local.Select("glass", "laminated");
        local.Select("frame", "arched");

        var live = await grain.FindDocumentAsync();
        Assert.NotNull(live);
        Assert.Equal(local.Choices, live.Choices);
        Assert.Equal("window-rules", live.ModelId);

        // The same document from storage, read by a fresh activation.
        await fixture.Cluster.DeactivateAsync(grain);
        var stored = await grain.FindDocumentAsync();
        Assert.NotNull(stored);
        Assert.Equal(live.ToJson(), stored.ToJson());

        // Deleting a live session (one more step since the activation) says it existed, and after it nothing is found.
        Assert.True((await grain.ChooseAsync(new CustomerChoice(ChoiceKind.Select, "strength", ["3"]))).Applied);
        Assert.True(await grain.DeleteAsync());
        Assert.Null(await grain.FindDocumentAsync());
        Assert.False(await grain.DeleteAsync());
    }

    [Fact]
    public async Task UnknownSession_IsASpecificError()
    {
        var grain = fixture.Client.GetGrain<ISessionGrain>($"never-started-{Guid.NewGuid():N}");
        var error = await Assert.ThrowsAsync<ConfiguratorException>(() => grain.ViewAsync());
        Assert.Equal(ConfiguratorErrorCodes.UnknownSession, error.Code);

        // A bad selection keeps its type, code, module and option; the session stays usable.
        var id = $"bad-{Guid.NewGuid():N}";
        var started = fixture.Client.GetGrain<ISessionGrain>(id);
        await started.StartAsync("window-rules", null);
        var bad = await Assert.ThrowsAsync<Solving.InvalidSelectionException>(() => started.ChooseAsync(new CustomerChoice(ChoiceKind.Select, "frame", ["no-such-frame"])));
        Assert.Equal(("frame", "no-such-frame"), (bad.ModuleId, bad.OptionId));
        Assert.Contains("no-such-frame", bad.Message, StringComparison.Ordinal);
        var unknownModel = await Assert.ThrowsAsync<ConfiguratorException>(() => fixture.Client.GetGrain<ISessionGrain>($"m-{Guid.NewGuid():N}").StartAsync("no-such-model", null));
        Assert.Equal(ConfiguratorErrorCodes.UnknownModel, unknownModel.Code);
        Assert.Empty((await started.ViewAsync()).Choices);
    }
}

/// <summary>A silo stopped mid-session: its sessions go on on the others, no choice lost (own cluster, since it loses a silo).</summary>
public sealed class SiloLossTests
{
    [Fact]
    public async Task SiloStoppedMidSession_SessionsContinueOnTheOthers()
    {
        var fixture = new ClusterFixture();
        await fixture.InitializeAsync();
        try
        {
            var ids = Enumerable.Range(0, 30).Select(i => $"loss-{i}-{Guid.NewGuid():N}").ToList();
            var grains = ids.Select(id => fixture.Client.GetGrain<ISessionGrain>(id)).ToList();
            foreach (var grain in grains)
            {
                var view = await grain.StartAsync("window-rules", null);
                var first = view.Modules[0];
                Assert.True((await grain.ChooseAsync(new CustomerChoice(ChoiceKind.Select, first.ModuleId, [first.Options[^1].OptionId]))).Applied);
            }

            var before = await Task.WhenAll(grains.Select(g => g.ViewAsync()));

            // Stop a silo that is not the primary; 30 sessions over 3 silos leave some of them there.
            var stopped = fixture.Cluster.Silos[1];
            await fixture.Cluster.StopSiloAsync(stopped);
            Assert.False(stopped.IsActive);

            for (var i = 0; i < grains.Count; i++)
            {
                var after = await grains[i].ViewAsync();
                Assert.Equal(before[i].Choices, after.Choices);
                var next = after.Modules[1];
                var option = next.Options.First(o => o.IsAvailable && !o.IsSelected);
                var result = await grains[i].ChooseAsync(new CustomerChoice(ChoiceKind.Select, next.ModuleId, [option.OptionId]));
                Assert.True(result.Applied);
                Assert.Equal(before[i].Choices.Count + 1, result.State.Choices.Count);
            }
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
