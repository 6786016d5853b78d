using Configurator.Modeling;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Tests.Solving;
using CsCheck;

namespace Configurator.Tests.Sessions;

/// <summary>Sessions against brute force on random small models and random sequences of choices.</summary>
public class ConfigurationSessionPropertyTests
{
    private static CustomerChoice RandomChoice(Random random, ProductModel model)
    {
        var module = model.Modules[random.Next(model.Modules.Count)];
        var option = module.Options[random.Next(module.Options.Count)].Id;
        return random.Next(5) switch
        {
            0 => new CustomerChoice(ChoiceKind.Deselect, module.Id, [option]),
            1 => new CustomerChoice(ChoiceKind.Set, module.Id, [.. module.Options.Where(_ => random.Next(2) == 0).Take(module.Max).Select(o => o.Id)]),
            _ => new CustomerChoice(ChoiceKind.Select, module.Id, [option]),
        };
    }

    private static ChoiceResult Apply(ConfigurationSession session, CustomerChoice choice) => choice.Kind switch
    {
        ChoiceKind.Select => session.Select(choice.ModuleId, choice.OptionIds[0]),
        ChoiceKind.Deselect => session.Deselect(choice.ModuleId, choice.OptionIds[0]),
        _ => session.SetModule(choice.ModuleId, [.. choice.OptionIds]),
    };

    /// <summary>Runs random steps; yields after each the session, the result, and the choices before the step.</summary>
    internal static IEnumerable<(ConfigurationSession Session, ChoiceResult? Result, List<CustomerChoice> Before)> Walk(int seed, out ProductModel model, out SessionOracle oracle)
    {
        var random = new Random(seed);
        model = SmallModels.Create(seed);
        oracle = new SessionOracle(model);
        var compiled = SmallModels.Compile(model, random.Next(4) == 0 ? SolverEngineKind.Search : SolverEngineKind.Diagram);
        return Steps(random, model, compiled);

        static IEnumerable<(ConfigurationSession, ChoiceResult?, List<CustomerChoice>)> Steps(Random random, ProductModel model, CompiledModel compiled)
        {
            var session = ConfigurationSession.Start(compiled);
            yield return (session, null, []);
            for (var step = 0; step < 6; step++)
            {
                var choice = RandomChoice(random, model);
                ChoiceResult result;
                var before = session.Choices.ToList();
                try
                {
                    result = Apply(session, choice);
                }
                catch (InvalidSelectionException)
                {
                    continue; // a Set with a count the module does not permit
                }

                yield return (session, result, before);
            }
        }
    }

    [Fact]
    public void Steps_AvailableOptionsAndCompletions_MatchBruteForce() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            foreach (var (session, result, before) in Walk(seed, out var model, out var oracle))
            {
                var choices = session.Choices;
                Assert.Equal(oracle.Count(choices), (int)session.State.Completions);
                foreach (var module in model.Modules)
                {
                    var state = session.State[module.Id];
                    Assert.All(state.Options, option => Assert.Equal(oracle.IsAvailable(choices, module, option.OptionId), option.IsAvailable));
                }

                if (session.State.Configuration is { } configuration)
                {
                    var dictionary = model.Modules.ToDictionary(m => m.Id, m => configuration.Choices[m.Id].ToArray());
                    Assert.True(oracle.IsConsistent(choices.Select(c => c)) && new BruteForceOracle(model).ViolatedConstraints(dictionary).Count == 0);
                    Assert.All(choices, c => Assert.True(SessionOracle.Satisfies(dictionary, c)));
                }

                if (result is not null)
                {
                    var joined = oracle.Normalized(before, result.Choice).Append(result.Choice).ToList();
                    Assert.Equal(oracle.IsConsistent(joined), result.Applied);
                    Assert.Equal(result.Applied ? joined : before, choices);
                }
            }
        }, iter: 400, threads: 1);

    [Fact]
    public void Conflicts_AreRealAndEveryDiagnosisIsMinimalAndRestoresConsistency() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            foreach (var (session, result, before) in Walk(seed, out _, out var oracle))
            {
                if (result is not { IsConflict: true } conflict)
                {
                    continue;
                }

                // The choices the new one would join: what Resolve keeps, less the dropped ones.
                var others = oracle.Normalized(before, conflict.Choice);
                foreach (var diagnosis in conflict.Diagnoses)
                {
                    Assert.All(diagnosis.ChoicesToDrop, c => Assert.Contains(c, others));
                    var kept = others.Where(c => !diagnosis.ChoicesToDrop.Contains(c)).Append(conflict.Choice).ToList();
                    Assert.True(oracle.IsConsistent(kept), "the diagnosis does not restore consistency");
                    foreach (var spared in diagnosis.ChoicesToDrop)
                    {
                        Assert.False(oracle.IsConsistent(kept.Append(spared)), "the diagnosis is not minimal");
                    }
                }

                Assert.Equal(conflict.Diagnoses.OrderBy(d => d.ChoicesToDrop.Count).Select(d => d.ChoicesToDrop.Count), conflict.Diagnoses.Select(d => d.ChoicesToDrop.Count));
                if (conflict.Diagnoses.Count > 0)
                {
                    session.Resolve(conflict, conflict.Diagnoses[0]);
                    Assert.Contains(conflict.Choice, session.Choices);
                }
            }
        }, iter: 400, threads: 1);

    [Fact]
    public void Explanations_AreSufficientAndMinimal() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            foreach (var (session, _, _) in Walk(seed, out var model, out var oracle))
            {
                foreach (var module in model.Modules)
                {
                    foreach (var option in session.State[module.Id].Options.Where(o => !o.IsAvailable))
                    {
                        var explanation = session.Explain(module.Id, option.OptionId)!;
                        var target = new CustomerChoice(ChoiceKind.Select, module.Id, [option.OptionId]);
                        var ids = explanation.Constraints.Select(c => c.ConstraintId).ToList();
                        Assert.False(oracle.IsConsistent(explanation.Choices.Append(target), ids), "the explanation does not rule the option out");
                        foreach (var choice in explanation.Choices)
                        {
                            Assert.True(oracle.IsConsistent(explanation.Choices.Where(c => c != choice).Append(target), ids), "a choice in the explanation is not needed");
                        }

                        foreach (var id in ids)
                        {
                            Assert.True(oracle.IsConsistent(explanation.Choices.Append(target), [.. ids.Where(i => i != id)]), "a constraint in the explanation is not needed");
                        }

                        Assert.All(explanation.Choices, c => Assert.Contains(c, session.Choices));
                    }
                }
            }
        }, iter: 300, threads: 1);
}
