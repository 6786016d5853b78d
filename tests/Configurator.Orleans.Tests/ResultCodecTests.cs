using Configurator.Sessions;
using Configurator.Solving;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Configurator.Orleans.Tests;

/// <summary>
/// A session's results cross the cluster in the wire format of ResultWire.cs: written and read back
/// they must equal the original and give the same JSON (so no field is lost on the way), for views
/// with explanations, conflicts with diagnoses, presets, prices and breakdowns, attributes, and
/// selections that include or exclude single options; damaged bytes are an error, never a crash or
/// a hang; a reader shares the strings it reads again.
/// </summary>
public sealed class ResultCodecTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public void RandomSessions_RoundTripThroughTheCodecs_Unchanged()
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

        // The sessions reached every part of a result at least once, so each field had something to lose.
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

    [Fact]
    public void EveryResultType_RoundTripsOnItsOwn()
    {
        // Each type with a codec, also as a call's argument or result by itself (an explanation, a sample's selections, a choice).
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Serializer>();
        var (view, conflict) = ViewAndConflict();
        var module = view.Modules.First(m => m.Options.Any(o => o.Reason is not null));
        var option = module.Options.First(o => o.Reason is not null);
        var complete = CompleteState();
        object[] values =
        [
            view, conflict, module, option, option.Reason!, conflict.Choice, conflict.Diagnoses[0], complete.Configuration!, complete.Price!, complete.Breakdown!,
            complete.Attributes[0],
        ];
        Assert.Equal(ResultTypes.Types.OrderBy(t => t.Name), values.Select(v => v.GetType()).Distinct().OrderBy(t => t.Name));
        foreach (var value in values)
        {
            var back = serializer.Deserialize<object>(serializer.SerializeToArray<object>(value));
            Assert.Equal(value, back);
        }
    }

    [Fact]
    public void Text_OfEveryKind_RoundTrips()
    {
        // More distinct strings than the reader's shared table holds, text beyond what it keeps, and text outside ASCII.
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Serializer>();
        var many = Enumerable.Range(0, 10_000).Select(i => $"module-{i}={(i % 7 == 0 ? "窗户-" : "o")}{i}").ToArray();
        var selection = Selection.Parse([.. many, $"long={new string('x', 300)}", "naïve=größe"]);
        for (var round = 0; round < 2; round++)
        {
            RoundTrip(serializer, selection);
        }
    }

    [Fact]
    public void Strings_ReadAgain_AreSharedNotAllocatedAgain()
    {
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Serializer>();
        var bytes = serializer.SerializeToArray(ViewAndConflict().View);
        var first = serializer.Deserialize<SessionState>(bytes)!;
        var second = serializer.Deserialize<SessionState>(bytes)!;
        var options = first.Modules.SelectMany(m => m.Options).Zip(second.Modules.SelectMany(m => m.Options)).ToList();
        Assert.NotEmpty(options);
        Assert.All(options, pair => Assert.Same(pair.First.OptionId, pair.Second.OptionId));
        Assert.All(options, pair => Assert.Same(pair.First.Name, pair.Second.Name));
        Assert.All(first.Modules.Zip(second.Modules), pair => Assert.Same(pair.First.ModuleId, pair.Second.ModuleId));

        // A string read again is found by its characters, not decoded into a new string first.
        var frame = System.Text.Encoding.UTF8.GetBytes("frame-größe");
        var kept = WireStrings.Get(frame);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var again = WireStrings.Get(frame);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Same(kept, again);
    }

    [Fact]
    public void DamagedBytes_AreAnErrorOrAValue_NeverACrash()
    {
        // Truncated, flipped and overwritten bytes of real results: the reader returns a value or throws InvalidDataException, nothing else.
        var (view, conflict) = ViewAndConflict();
        var complete = CompleteState();
        var random = new Random(5);
        var errors = 0;
        var trials = 0;
        foreach (var bytes in new[] { Wire((ref WireWriter w) => w.State(view)), Wire((ref WireWriter w) => w.Result(conflict)), Wire((ref WireWriter w) => w.State(complete)) })
        {
            for (var trial = 0; trial < 3_000; trial++)
            {
                var damaged = bytes.ToArray();
                switch (trial % 3)
                {
                    case 0:
                        damaged = damaged[..random.Next(1, damaged.Length)];
                        break;
                    case 1:
                        damaged[random.Next(1, damaged.Length)] ^= (byte)(1 << random.Next(8));
                        break;
                    default:
                        damaged[random.Next(1, damaged.Length)] = (byte)random.Next(256);
                        break;
                }

                trials++;
                try
                {
                    var reader = new WireReader(damaged);
                    _ = trial % 2 == 0 ? (object)reader.State() : reader.Result();
                }
                catch (InvalidDataException)
                {
                    errors++;
                }
            }
        }

        // Most damage is noticed (a truncated result always is); the rest reads as some other valid result.
        Assert.True(errors > trials / 2, $"{errors} errors in {trials} trials");
    }

    [Fact]
    public void ACountBeyondTheBytes_IsAnError_NotAnAllocation()
    {
        // A count of four billion items, or one over what is left, ends before any array is made.
        byte[] huge = [WireWriter.Format, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F];
        Assert.Throws<InvalidDataException>(() => new WireReader(huge).Texts());
        byte[] oneTooMany = [WireWriter.Format, 3, 2, (byte)'a', 1];
        Assert.Throws<InvalidDataException>(() => new WireReader(oneTooMany).Texts());
        byte[] exact = [WireWriter.Format, 2, 2, (byte)'a', 1];
        Assert.Equal(["a", ""], new WireReader(exact).Texts());
    }

    [Fact]
    public void AnotherFormat_IsAnErrorThatNamesTheCause()
    {
        var bytes = Wire((ref WireWriter w) => w.State(ViewAndConflict().View));
        bytes[0] = WireWriter.Format + 1;
        var error = Assert.Throws<InvalidDataException>(() => new WireReader(bytes).State());
        Assert.Contains("same version of Configurator.Orleans", error.Message);
    }

    private delegate void Writes(ref WireWriter writer);

    private static byte[] Wire(Writes write)
    {
        var writer = new WireWriter();
        try
        {
            write(ref writer);
            return writer.Written.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>A priced window-rules view with unavailable options explained, and a conflict with its diagnoses.</summary>
    private (SessionState View, ChoiceResult Conflict) ViewAndConflict()
    {
        var model = fixture.Catalog.Get("window-rules");
        var session = ConfigurationSession.Start(model, new SessionOptions { Pricing = fixture.Pricing });
        for (var step = 0; step < 10; step++)
        {
            var view = session.View();
            foreach (var module in view.Modules)
            {
                foreach (var option in module.Options.Where(o => o.Reason is not null))
                {
                    var result = session.Select(module.ModuleId, option.OptionId);
                    if (result.IsConflict && !result.Diagnoses.IsEmpty)
                    {
                        return (view, result);
                    }
                }
            }

            var free = view.Modules.First(m => !m.IsDecided);
            session.Select(free.ModuleId, free.Options.First(o => o.IsAvailable).OptionId);
        }

        throw new InvalidOperationException("window-rules gave no conflict with a diagnosis in ten steps.");
    }

    /// <summary>A complete priced car: a configuration, a price range and a breakdown, attributes.</summary>
    private SessionState CompleteState()
    {
        foreach (var modelId in new[] { "window-rules", "car", "shirt" })
        {
            var session = ConfigurationSession.Start(fixture.Catalog.Get(modelId), new SessionOptions { Pricing = fixture.Pricing });
            while (!session.State.IsComplete)
            {
                var free = session.State.Modules.First(m => !m.IsDecided);
                session.Select(free.ModuleId, free.Options.First(o => o.IsAvailable && !o.IsSelected).OptionId);
            }

            if (!session.State.Attributes.IsEmpty && session.State.Breakdown is not null)
            {
                return session.State;
            }
        }

        throw new InvalidOperationException("No sample model completes with attributes and a breakdown.");
    }

    private static void RoundTrip<T>(Serializer serializer, T value)
        where T : class
    {
        var back = serializer.Deserialize<T>(serializer.SerializeToArray(value));
        Assert.Equal(value, back);
        Assert.Equal(ConfiguratorJson.Serialize(value), ConfiguratorJson.Serialize(back));
    }
}
