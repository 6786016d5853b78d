using Configurator.Modeling;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Tests.Solving;
using CsCheck;

namespace Configurator.Tests.Sessions;

/// <summary>
/// Sessions against brute force on random small models (single-select, multi-select and optional
/// modules), started empty or from a random valid preset, after random sequences of select,
/// deselect, set-module, undo, redo and reset.
/// </summary>
public class ConfigurationSessionPropertyTests
{
    private enum StepKind
    {
        Choice,
        Undo,
        Redo,
        Reset,
    }

    private static CustomerChoice RandomChoice(Random random, ProductModel model)
    {
        var module = model.Modules[random.Next(model.Modules.Count)];
        var option = module.Options[random.Next(module.Options.Count)].Id;
        return random.Next(6) switch
        {
            0 or 1 => new CustomerChoice(ChoiceKind.Deselect, module.Id, [option]),
            2 => new CustomerChoice(ChoiceKind.Set, module.Id, [.. module.Options.Where(_ => random.Next(2) == 0).Take(module.Max).Select(o => o.Id)]),
            _ => new CustomerChoice(ChoiceKind.Select, module.Id, [option]),
        };
    }

    private static ChoiceResult Apply(ConfigurationSession session, CustomerChoice choice) => choice.Kind switch
    {
        ChoiceKind.Select => session.Select(choice.ModuleId, choice.OptionIds[0]),
        ChoiceKind.Deselect => session.Deselect(choice.ModuleId, choice.OptionIds[0]),
        _ => session.SetModule(choice.ModuleId, [.. choice.OptionIds]),
    };

    /// <summary>One step of a walk: the session after it, the choice result (for choices), the choices before, and the choices the test expects now.</summary>
    internal sealed record Step(ConfigurationSession Session, ChoiceResult? Result, List<CustomerChoice> Before, List<CustomerChoice> Expected);

    /// <summary>Runs random steps, tracking independently what the choices must be; yields after each.</summary>
    internal static IEnumerable<Step> Walk(int seed, out ProductModel model, out SessionOracle oracle)
    {
        var random = new Random(seed);
        model = SmallModels.Create(seed);

        // Half the walks start from a preset: a random valid configuration made a standard product.
        var valid = new BruteForceOracle(model).ValidConfigurations().ToList();
        var fromPreset = valid.Count > 0 && random.Next(2) == 0;
        if (fromPreset)
        {
            var configuration = valid[random.Next(valid.Count)];
            model = model with { Presets = [new Preset("standard", configuration.Select(kv => new KeyValuePair<string, EquatableArray<string>>(kv.Key, [.. kv.Value])).ToEquatableDictionary())] };
        }

        oracle = new SessionOracle(model);
        var compiled = SmallModels.Compile(model, random.Next(4) switch { 0 => SolverEngineKind.Search, 1 => SolverEngineKind.Boolean, _ => SolverEngineKind.Diagram });
        return Steps(random, model, compiled, oracle, fromPreset);

        static IEnumerable<Step> Steps(Random random, ProductModel model, CompiledModel compiled, SessionOracle oracle, bool fromPreset)
        {
            var session = fromPreset ? ConfigurationSession.StartFromPreset(compiled, "standard") : ConfigurationSession.Start(compiled);
            // A session from a preset starts at it: no undo goes back before it.
            List<List<CustomerChoice>> history = fromPreset ? [oracle.PresetChoices(model.Presets[0])] : [[]];
            var position = history.Count - 1;
            yield return new Step(session, null, [], history[position]);
            for (var step = 0; step < 7; step++)
            {
                var before = session.Choices.ToList();
                var kind = random.Next(10) switch { 0 => StepKind.Undo, 1 => StepKind.Redo, 2 when random.Next(3) == 0 => StepKind.Reset, _ => StepKind.Choice };
                ChoiceResult? result = null;
                switch (kind)
                {
                    case StepKind.Undo:
                        Assert.Equal(position > 0, session.Undo());
                        position = Math.Max(0, position - 1);
                        break;
                    case StepKind.Redo:
                        Assert.Equal(position < history.Count - 1, session.Redo());
                        position = Math.Min(history.Count - 1, position + 1);
                        break;
                    case StepKind.Reset:
                        session.Reset();
                        Push([]);
                        break;
                    default:
                        var choice = RandomChoice(random, model);
                        try
                        {
                            result = Apply(session, choice);
                        }
                        catch (InvalidSelectionException)
                        {
                            continue; // a Set with a count the module does not permit
                        }

                        var joined = oracle.Normalized(before, choice).Concat(oracle.Expanded(choice)).ToList();
                        if (oracle.IsConsistent(joined))
                        {
                            Push(joined);
                        }

                        break;
                }

                yield return new Step(session, result, before, history[position]);
            }

            void Push(List<CustomerChoice> choices)
            {
                history.RemoveRange(position + 1, history.Count - position - 1);
                history.Add(choices);
                position++;
            }
        }
    }

    [Fact]
    public void Steps_AvailabilitySelectionAndSourceMatchBruteForce() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            foreach (var (session, result, before, expected) in Walk(seed, out var model, out var oracle))
            {
                var choices = session.Choices;
                Assert.Equal(expected, choices);
                Assert.Equal(oracle.Count(choices), (int?)session.State.Completions);
                var (options, configuration) = oracle.Expected(choices);
                foreach (var module in model.Modules)
                {
                    var state = session.State[module.Id];
                    foreach (var option in state.Options)
                    {
                        Assert.True(oracle.IsAvailable(choices, module, option.OptionId) == option.IsAvailable, $"{module.Id}={option.OptionId} available: {option.IsAvailable}, oracle: {!option.IsAvailable}; choices {string.Join(" ", choices)}");
                        Assert.Equal(options[(module.Id, option.OptionId)], (option.IsSelected, option.Source));
                    }

                    Assert.Equal(state.Options.Where(o => o.IsSelected).Select(o => o.OptionId), state.SelectedOptionIds);
                }

                Assert.Equal(configuration is null, session.State.Configuration is null);
                if (session.State.Configuration is { } actual)
                {
                    Assert.All(model.Modules, m => Assert.Equal(configuration![m.Id].Order(StringComparer.Ordinal), actual.Choices[m.Id].Order(StringComparer.Ordinal)));
                }

                if (result is not null)
                {
                    // Applied exactly when consistent; an applied choice drops only what it replaces.
                    var joined = oracle.Normalized(before, result.Choice).Concat(oracle.Expanded(result.Choice)).ToList();
                    Assert.Equal(oracle.IsConsistent(joined), result.Applied);
                    Assert.Equal(session.State, result.State);
                    if (result.Choice.Kind == ChoiceKind.Select && before.Count > 0)
                    {
                        var module = model.FindModule(result.Choice.ModuleId)!;
                        var wasAvailable = oracle.IsAvailable(before, module, result.Choice.OptionIds[0]);
                        Assert.Equal(wasAvailable, result.Applied);
                    }
                }
            }
        }, iter: 400, threads: 1);

    [Fact]
    public void ReleasedState_IsComputedAgainEqual_AndTheWalkGoesOnFromTheChoicesAlone() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            foreach (var (session, result, _, expected) in Walk(seed, out _, out _))
            {
                // The walk's own record of the choices: a session released at earlier steps still takes each next step from the right ones.
                Assert.Equal(expected, session.Choices);
                var state = session.State;
                var view = random.Next(2) == 0 ? session.View() : null;
                session.ReleaseState();
                Assert.Equal(expected, session.Choices);
                var again = session.State;
                Assert.NotSame(state, again);
                Assert.Equal(state, again);
                Assert.Equal(expected, again.Choices);
                if (view is not null)
                {
                    Assert.Equal(view, session.View());
                }

                if (result is not null)
                {
                    Assert.Equal(result.State, again);
                }

                if (random.Next(2) == 0)
                {
                    session.ReleaseState();
                }
            }
        }, iter: 300, threads: 1);

    [Fact]
    public void Conflicts_AreRealAndEveryDiagnosisIsMinimalAndRestoresConsistency() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            foreach (var (session, result, before, _) in Walk(seed, out _, out var oracle))
            {
                if (result is not { IsConflict: true } conflict)
                {
                    continue;
                }

                // The choices the new one would join: what Resolve keeps, less the dropped ones.
                var others = oracle.Normalized(before, conflict.Choice);
                var added = oracle.Expanded(conflict.Choice);
                foreach (var diagnosis in conflict.Diagnoses)
                {
                    Assert.All(diagnosis.ChoicesToDrop, c => Assert.Contains(c, others));
                    var kept = others.Where(c => !diagnosis.ChoicesToDrop.Contains(c)).Concat(added).ToList();
                    Assert.True(oracle.IsConsistent(kept), "the diagnosis does not restore consistency");
                    foreach (var spared in diagnosis.ChoicesToDrop)
                    {
                        Assert.False(oracle.IsConsistent(kept.Append(spared)), "the diagnosis is not minimal");
                    }
                }

                Assert.Equal(conflict.Diagnoses.OrderBy(d => d.ChoicesToDrop.Count).Select(d => d.ChoicesToDrop.Count), conflict.Diagnoses.Select(d => d.ChoicesToDrop.Count));

                // Exactly the first five minimal diagnoses of every set of choices, by size and then
                // by the earliest choice dropped: none missed, none out of order.
                Assert.Equal(SmallestDiagnoses(oracle, others, added), conflict.Diagnoses.Select(d => d.ChoicesToDrop.ToList()));
                if (conflict.Diagnoses.Count > 0)
                {
                    session.Resolve(conflict, 0);
                    Assert.All(added, c => Assert.Contains(c, session.Choices));
                    break; // the walk's own bookkeeping no longer matches the session
                }
            }
        }, iter: 400, threads: 1);

    [Fact]
    public void Explanations_AreSufficientAndMinimal() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            foreach (var step in Walk(seed, out var model, out var oracle))
            {
                var view = step.Session.View();
                foreach (var module in model.Modules)
                {
                    foreach (var option in view[module.Id].Options.Where(o => !o.IsAvailable))
                    {
                        var explanation = step.Session.Explain(module.Id, option.OptionId)!;
                        Assert.Equal(explanation, option.Reason);
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

                        Assert.All(explanation.Choices, c => Assert.Contains(c, step.Session.Choices));
                        Assert.Equal(explanation.Choices.Count, explanation.Selections.Count);
                        Assert.False(string.IsNullOrWhiteSpace(explanation.Message));
                    }

                    Assert.All(view[module.Id].Options.Where(o => o.IsAvailable), o => Assert.Null(o.Reason));
                }
            }
        }, iter: 300, threads: 1);

    /// <summary>By brute force: the first five minimal sets of <paramref name="others"/> whose removal lets <paramref name="added"/> in, by size and then in the order of the choices they drop.</summary>
    private static List<List<CustomerChoice>> SmallestDiagnoses(SessionOracle oracle, List<CustomerChoice> others, IReadOnlyList<CustomerChoice> added)
    {
        var found = new List<int[]>();
        for (var size = 1; size <= others.Count && found.Count < 5; size++)
        {
            foreach (var subset in Subsets(others.Count, size, 0))
            {
                if (found.Count < 5 && !found.Any(d => d.All(subset.Contains))
                    && oracle.IsConsistent([.. others.Where((_, i) => !subset.Contains(i)), .. added]))
                {
                    found.Add(subset);
                }
            }
        }

        return [.. found.Select(d => d.Select(i => others[i]).ToList())];

        static IEnumerable<int[]> Subsets(int n, int size, int from)
        {
            if (size == 0)
            {
                yield return [];
                yield break;
            }

            for (var first = from; first <= n - size; first++)
            {
                foreach (var rest in Subsets(n, size - 1, first + 1))
                {
                    yield return [first, .. rest];
                }
            }
        }
    }
}
