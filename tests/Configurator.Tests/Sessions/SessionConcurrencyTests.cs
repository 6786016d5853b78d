using System.Collections.Concurrent;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Tests.Sessions;

public class SessionConcurrencyTests
{
    [Fact]
    public void OneSession_HammeredFrom16Threads_EndsAsSomeSequentialOrder()
    {
        var car = ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel("car.json")).GetModelOrThrow()).GetModelOrThrow();
        var session = ConfigurationSession.Start(car);
        var results = new ConcurrentBag<ChoiceResult>();
        var failures = new ConcurrentBag<Exception>();
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            for (var i = 0; i < 40; i++)
            {
                var module = car.Model.Modules[random.Next(car.Model.Modules.Count)];
                var option = module.Options[random.Next(module.Options.Count)].Id;
                try
                {
                    results.Add(random.Next(4) == 0 ? session.Deselect(module.Id, option) : session.Select(module.Id, option));
                    _ = session.View();
                }
#pragma warning disable CA1031 // any exception at all is the failure this test looks for
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures.Add(e);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);

        // Each applied call made one step, so the steps give the order; replaying it alone gives every result again.
        var applied = results.Where(r => r.Applied).OrderBy(r => r.State.Step).ToList();
        Assert.Equal(Enumerable.Range(1, applied.Count), applied.Select(r => r.State.Step));
        var conflicts = results.Where(r => !r.Applied).ToLookup(r => r.State.Step);
        var replay = ConfigurationSession.Start(car);
        for (var step = 0; step <= applied.Count; step++)
        {
            foreach (var conflict in conflicts[step])
            {
                Assert.True(Choose(replay, conflict.Choice).IsConflict, $"{conflict.Choice} conflicted at step {step} but not in the replay");
            }

            if (step < applied.Count)
            {
                var result = Choose(replay, applied[step].Choice);
                Assert.True(result.Applied);
                Assert.Equal(applied[step].State with { SessionId = "", Step = 0 }, result.State with { SessionId = "", Step = 0 });
            }
        }

        Assert.Equal(session.State with { SessionId = "", Step = 0 }, replay.State with { SessionId = "", Step = 0 });
    }

    private static ChoiceResult Choose(ConfigurationSession session, CustomerChoice choice) =>
        choice.Kind == ChoiceKind.Select ? session.Select(choice.ModuleId, choice.OptionIds[0]) : session.Deselect(choice.ModuleId, choice.OptionIds[0]);
}
