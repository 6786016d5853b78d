using System.Collections.Immutable;
using Configurator.Internal;
using Configurator.Solving;
using Configurator.Solving.Explanations;

namespace Configurator.Sessions;

public sealed partial class ConfigurationSession
{
    /// <summary>The most diagnoses offered for one conflict.</summary>
    private const int MaxDiagnoses = 5;

    /// <summary>The most consistency checks spent looking for diagnoses, so that a conflict answers quickly.</summary>
    private const int MaxDiagnosisChecks = 4096;

    /// <summary>
    /// Chooses an option: in a single-select module it takes the place of the module's earlier
    /// selection (as a radio button does); in a multi-select module it adds the option. Either
    /// way it takes back the customer's own ruling-out of that option. An available option is
    /// always applied and never drops another choice; an unavailable one is a conflict with the
    /// ways out.
    /// </summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionId">The option.</param>
    /// <returns>Applied, or a conflict with the ways out (nothing changes until one is applied).</returns>
    /// <exception cref="InvalidSelectionException">The model has no such module or option.</exception>
    public ChoiceResult Select(string moduleId, string optionId) =>
        Choose(new CustomerChoice(ChoiceKind.Select, Guard.NotNull(moduleId), [Guard.NotNull(optionId)]));

    /// <summary>Rules an option out; it replaces the customer's own choice of that option, if any.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionId">The option.</param>
    /// <returns>Applied, or a conflict (for example when the option is forced).</returns>
    /// <exception cref="InvalidSelectionException">The model has no such module or option.</exception>
    public ChoiceResult Deselect(string moduleId, string optionId) =>
        Choose(new CustomerChoice(ChoiceKind.Deselect, Guard.NotNull(moduleId), [Guard.NotNull(optionId)]));

    /// <summary>
    /// Sets a whole module to exactly these options (none for an optional module left empty),
    /// replacing every earlier choice on it. In a multi-select module this becomes one choice per
    /// option: the listed ones selected, the others ruled out.
    /// </summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionIds">The options.</param>
    /// <exception cref="InvalidSelectionException">The model has no such module or option, or the module does not permit that many.</exception>
    public ChoiceResult SetModule(string moduleId, params string[] optionIds) =>
        Choose(new CustomerChoice(ChoiceKind.Set, Guard.NotNull(moduleId), [.. Guard.NotNull(optionIds)]));

    /// <summary>Forgets the customer's choices on a module (its default, if any, applies again); an undoable step.</summary>
    /// <param name="moduleId">The module.</param>
    /// <returns>The state after the step.</returns>
    /// <exception cref="InvalidSelectionException">The model has no such module.</exception>
    public SessionState ClearModule(string moduleId)
    {
        lock (_gate)
        {
            using var telemetry = Diagnostics.Telemetry.Start("configurator.session.step", Diagnostics.Telemetry.SessionStepDuration, Diagnostics.Telemetry.SessionSteps, "step", "clear", Model.Model.Id);
            Model.ModuleIndexOf(Guard.NotNull(moduleId));
            Commit([.. Choices.Where(c => c.ModuleId != moduleId)]);
            telemetry?.End("applied");
            return Current();
        }
    }

    /// <summary>Forgets the customer's choice on one option (selected or ruled out), so that it is free again; an undoable step.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="optionId">The option.</param>
    /// <returns>The state after the step (unchanged when there was no such choice).</returns>
    /// <exception cref="InvalidSelectionException">The model has no such module or option.</exception>
    public SessionState Forget(string moduleId, string optionId)
    {
        lock (_gate)
        {
            RestrictionOf([new CustomerChoice(ChoiceKind.Select, Guard.NotNull(moduleId), [Guard.NotNull(optionId)])]);
            using var telemetry = Diagnostics.Telemetry.Start("configurator.session.step", Diagnostics.Telemetry.SessionStepDuration, Diagnostics.Telemetry.SessionSteps, "step", "forget", Model.Model.Id);
            var kept = Choices.Where(c => c.ModuleId != moduleId || !c.OptionIds.Contains(optionId)).ToImmutableArray();
            if (kept.Length != Choices.Length)
            {
                Commit(kept);
            }

            telemetry?.End(kept.Length != Choices.Length ? "applied" : "unchanged");
            return Current();
        }
    }

    /// <summary>Applies a choice that conflicted, giving up the choices the diagnosis names.</summary>
    /// <param name="conflict">The conflicting result.</param>
    /// <param name="diagnosis">One of its diagnoses.</param>
    /// <returns>The state after the step.</returns>
    /// <exception cref="ConfiguratorException">The diagnosis does not belong to the conflict, or the choices changed since (<see cref="ConfiguratorErrorCodes.StaleConflict"/>).</exception>
    public SessionState Resolve(ChoiceResult conflict, Diagnosis diagnosis)
    {
        Guard.NotNull(conflict);
        Guard.NotNull(diagnosis);
        lock (_gate)
        {
            using var telemetry = Diagnostics.Telemetry.Start("configurator.session.step", Diagnostics.Telemetry.SessionStepDuration, Diagnostics.Telemetry.SessionSteps, "step", "resolve", Model.Model.Id);
            if (!conflict.Diagnoses.Contains(diagnosis))
            {
                throw new ConfiguratorException(ConfiguratorErrorCodes.StaleConflict, "The diagnosis is not one of the conflict's.");
            }

            var added = Expand(conflict.Choice);
            var others = Normalize(Choices, conflict.Choice);
            var kept = others.Where(c => !diagnosis.ChoicesToDrop.Contains(c)).ToImmutableArray();
            if (kept.Length != others.Length - diagnosis.ChoicesToDrop.Count || !Model.HasCompletion(RestrictionOf([.. kept, .. added])))
            {
                throw new ConfiguratorException(ConfiguratorErrorCodes.StaleConflict, "The session's choices changed since the conflict; choose again.");
            }

            Commit([.. kept, .. added]);
            telemetry?.End("applied");
            return Current();
        }
    }

    /// <summary>Applies a choice that conflicted with the diagnosis at <paramref name="diagnosisIndex"/> (as a page posts it).</summary>
    /// <param name="conflict">The conflicting result.</param>
    /// <param name="diagnosisIndex">The index of one of its diagnoses.</param>
    /// <returns>The state after the step.</returns>
    /// <exception cref="ConfiguratorException">No diagnosis has that index, or the choices changed since (<see cref="ConfiguratorErrorCodes.StaleConflict"/>).</exception>
    public SessionState Resolve(ChoiceResult conflict, int diagnosisIndex)
    {
        Guard.NotNull(conflict);
        return diagnosisIndex >= 0 && diagnosisIndex < conflict.Diagnoses.Count
            ? Resolve(conflict, conflict.Diagnoses[diagnosisIndex])
            : throw new ConfiguratorException(ConfiguratorErrorCodes.StaleConflict, $"The conflict has {conflict.Diagnoses.Count} diagnoses; there is none at index {diagnosisIndex}.");
    }

    /// <summary>Whether there is a step to take back (a page's undo button).</summary>
    public bool CanUndo
    {
        get
        {
            lock (_gate)
            {
                return _position > 0;
            }
        }
    }

    /// <summary>Whether there is a step taken back to repeat (a page's redo button).</summary>
    public bool CanRedo
    {
        get
        {
            lock (_gate)
            {
                return _position < _history.Count - 1;
            }
        }
    }

    /// <summary>Takes back the last step; false when there is none.</summary>
    public bool Undo()
    {
        lock (_gate)
        {
            using var telemetry = Diagnostics.Telemetry.Start("configurator.session.step", Diagnostics.Telemetry.SessionStepDuration, Diagnostics.Telemetry.SessionSteps, "step", "undo", Model.Model.Id);
            if (_position == 0)
            {
                telemetry?.End("unchanged");
                return false;
            }

            _position--;
            Show(_history[_position]);
            telemetry?.End("applied");
            return true;
        }
    }

    /// <summary>Repeats the step last taken back; false when there is none.</summary>
    public bool Redo()
    {
        lock (_gate)
        {
            using var telemetry = Diagnostics.Telemetry.Start("configurator.session.step", Diagnostics.Telemetry.SessionStepDuration, Diagnostics.Telemetry.SessionSteps, "step", "redo", Model.Model.Id);
            if (_position == _history.Count - 1)
            {
                telemetry?.End("unchanged");
                return false;
            }

            _position++;
            Show(_history[_position]);
            telemetry?.End("applied");
            return true;
        }
    }

    /// <summary>Forgets every choice (an undoable step).</summary>
    /// <returns>The state after the step.</returns>
    public SessionState Reset()
    {
        lock (_gate)
        {
            using var telemetry = Diagnostics.Telemetry.Start("configurator.session.step", Diagnostics.Telemetry.SessionStepDuration, Diagnostics.Telemetry.SessionSteps, "step", "reset", Model.Model.Id);
            Commit([]);
            telemetry?.End("applied");
            return Current();
        }
    }

    /// <summary>Returns to a preset's standard product in one (undoable) step: its selections replace every choice.</summary>
    /// <param name="presetId">The preset; null for the one the session started from.</param>
    /// <returns>The state after the step.</returns>
    /// <exception cref="ConfiguratorException">No such preset (<see cref="ConfiguratorErrorCodes.UnknownPreset"/>), or none given and the session did not start from one (<see cref="ConfiguratorErrorCodes.InvalidStep"/>).</exception>
    public SessionState ReturnToPreset(string? presetId = null)
    {
        var id = presetId ?? PresetId ?? throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidStep, "The session did not start from a preset; name one.");
        var choices = PresetChoices(Model, id, Pinned);
        lock (_gate)
        {
            using var telemetry = Diagnostics.Telemetry.Start("configurator.session.step", Diagnostics.Telemetry.SessionStepDuration, Diagnostics.Telemetry.SessionSteps, "step", "preset", Model.Model.Id);
            Commit(choices);
            telemetry?.End("applied");
            return Current();
        }
    }

    /// <summary>The preset nearest to the current configuration; null when the model has no presets.</summary>
    public PresetDistance? NearestPreset()
    {
        var state = State;
        PresetDistance? best = null;
        foreach (var preset in Model.Model.Presets)
        {
            var differing = state.Modules
                .Where(m => (m.SelectedOptionIds.IsEmpty && m.Min > 0)
                    || !m.SelectedOptionIds.Order(StringComparer.Ordinal).SequenceEqual((preset.Selections.TryGetValue(m.ModuleId, out var s) ? s : default).Order(StringComparer.Ordinal)))
                .Select(m => m.ModuleId)
                .ToImmutableArray();
            if (best is null || differing.Length < best.Distance)
            {
                best = new PresetDistance(preset.Id, differing.Length, differing);
            }
        }

        return best;
    }

    private ChoiceResult Choose(CustomerChoice choice)
    {
        lock (_gate)
        {
            var step = StepName(choice.Kind);
            using var telemetry = Diagnostics.Telemetry.Start("configurator.session.step", Diagnostics.Telemetry.SessionStepDuration, Diagnostics.Telemetry.SessionSteps, "step", step, Model.Model.Id);

            // Expand checks the module, its options and how many are selected before anything changes.
            var added = Expand(choice);
            var others = Normalize(Choices, choice);
            if (Model.HasCompletion(RestrictionOf([.. others, .. added])))
            {
                Commit([.. others, .. added]);
                telemetry?.End("applied");
                return new ChoiceResult(true, choice, [], null, Current());
            }

            var conflict = new ChoiceResult(false, choice, Diagnose(others, added), ExplainChoice(others, added, choice), Current());
            Diagnostics.Telemetry.Add(Diagnostics.Telemetry.Conflicts, 1, "step", step);
            telemetry?.End("conflict");
            return conflict;
        }
    }

    /// <summary>
    /// Sets more modules within the step just taken, so that one undo takes them back with it: for
    /// a strategy that completes the product a step left open. Each set must keep a completion.
    /// </summary>
    internal void ExtendStep(IEnumerable<CustomerChoice> sets)
    {
        lock (_gate)
        {
            var choices = _history[_position];
            foreach (var set in sets)
            {
                choices = [.. Normalize(choices, set), .. Expand(set)];
            }

            _history[_position] = choices;
            Show(choices);
        }
    }

    /// <summary>A choice's kind as metrics and traces tag its step.</summary>
    private static string StepName(ChoiceKind kind) => kind switch
    {
        ChoiceKind.Select => "select",
        ChoiceKind.Deselect => "deselect",
        _ => "set",
    };

    /// <summary>
    /// The choices a step adds: the choice itself, or for a whole multi-select module one choice per
    /// option (selected or ruled out), so that a later choice on one option never drops the others.
    /// </summary>
    private ImmutableArray<CustomerChoice> Expand(CustomerChoice choice)
    {
        var m = Model.ModuleIndexOf(choice.ModuleId);
        var module = Model.Model.Modules[m];
        if (choice.Kind != ChoiceKind.Set)
        {
            if (choice.OptionIds.Count != 1)
            {
                throw new InvalidSelectionException($"A {choice.Kind.ToString().ToLowerInvariant()} names exactly one option; this one names {choice.OptionIds.Count}.", choice.ModuleId, null);
            }

            // The option itself is checked when the step's restriction is built, before anything changes.
            return [choice];
        }

        Model.ValueOf(m, choice.OptionIds);
        return module.IsMultiSelect
            ? [.. module.Options.Select(o => new CustomerChoice(choice.OptionIds.Contains(o.Id) ? ChoiceKind.Select : ChoiceKind.Deselect, choice.ModuleId, [o.Id]) { Origin = choice.Origin })]
            : [choice];
    }

    /// <summary>The earlier choices that stay when <paramref name="choice"/> is made.</summary>
    private ImmutableArray<CustomerChoice> Normalize(ImmutableArray<CustomerChoice> choices, CustomerChoice choice)
    {
        var multi = Model.Model.Modules[Model.ModuleIndexOf(choice.ModuleId)].IsMultiSelect;
        return [.. choices.Where(earlier => !Replaces(choice, earlier, multi))];
    }

    /// <summary>
    /// Whether a new choice takes the place of an earlier one. A whole-module choice replaces every
    /// choice on the module. Ruling an option out replaces a choice of that option (unticking a box).
    /// Selecting an option replaces an earlier choice of that same option, a repeat or a ruling-out
    /// (ticking the box again), and in a single-select module also the module's earlier selection
    /// (a radio button); what else the customer ruled out stays. A preset's ruling-out (only a
    /// strategy that fixes a module makes one) is never taken back this way: selecting that option
    /// is a conflict whose way out gives it up.
    /// </summary>
    private static bool Replaces(CustomerChoice choice, CustomerChoice earlier, bool multiSelect)
    {
        if (earlier.ModuleId != choice.ModuleId)
        {
            return false;
        }

        if (choice.Kind == ChoiceKind.Set)
        {
            return true;
        }

        var sameOption = earlier.OptionIds.Contains(choice.OptionIds[0]);
        var takenBack = sameOption && earlier.Kind == ChoiceKind.Deselect && earlier.Origin != ChoiceOrigin.Preset;
        return (choice.Kind, multiSelect) switch
        {
            (ChoiceKind.Deselect, _) => sameOption,
            (_, true) => (sameOption && earlier.Kind == ChoiceKind.Select) || takenBack,
            _ => earlier.Kind != ChoiceKind.Deselect || takenBack,
        };
    }

    /// <summary>A preset's selections as choices: one per option in a multi-select module, a selection (or none) in a single-select one.</summary>
    private static ImmutableArray<CustomerChoice> PresetChoices(CompiledModel model, string presetId, Func<Modeling.Module, bool>? pinned = null)
    {
        var preset = model.Model.Presets.FirstOrDefault(p => p.Id == presetId)
            ?? throw new ConfiguratorException(ConfiguratorErrorCodes.UnknownPreset,
                $"There is no preset '{presetId}'. Presets: {(model.Model.Presets.Count == 0 ? "none" : string.Join(", ", model.Model.Presets.Select(p => p.Id)))}.");
        var choices = ImmutableArray.CreateBuilder<CustomerChoice>();
        foreach (var module in model.Model.Modules)
        {
            var selected = preset.Selections.TryGetValue(module.Id, out var s) ? s : default;
            if (module.IsMultiSelect)
            {
                choices.AddRange(pinned?.Invoke(module) == true
                    ? module.Options.Select(o => new CustomerChoice(selected.Contains(o.Id) ? ChoiceKind.Select : ChoiceKind.Deselect, module.Id, [o.Id]) { Origin = ChoiceOrigin.Preset })
                    : selected.Select(o => new CustomerChoice(ChoiceKind.Select, module.Id, [o]) { Origin = ChoiceOrigin.Preset }));
            }
            else if (preset.Selections.ContainsKey(module.Id))
            {
                choices.Add(selected.Count == 1
                    ? new CustomerChoice(ChoiceKind.Select, module.Id, [selected[0]]) { Origin = ChoiceOrigin.Preset }
                    : new CustomerChoice(ChoiceKind.Set, module.Id, []) { Origin = ChoiceOrigin.Preset });
            }
        }

        return choices.ToImmutable();
    }

    /// <summary>
    /// Minimal sets of earlier choices whose removal lets <paramref name="added"/> in: the smallest
    /// first, those of one size in the order of the choices they drop (earliest first), at most
    /// <see cref="MaxDiagnoses"/>.
    /// </summary>
    /// <remarks>
    /// Reiter's hitting-set tree, breadth first: a set of dropped choices either lets the choice in
    /// (a diagnosis) or leaves a conflict among the kept choices (<see cref="EarliestConflict"/>),
    /// one of which any diagnosis must drop, so the next level drops one more of those. Every
    /// minimal diagnosis of a size appears on that level, and supersets of those found are pruned.
    /// Only choices in some conflict are ever tried: on automotive2_4 with a dozen choices, a conflict
    /// tried every set of up to three of them (thousands of checks, seconds) before.
    /// </remarks>
    private ImmutableArray<Diagnosis> Diagnose(ImmutableArray<CustomerChoice> others, ImmutableArray<CustomerChoice> added)
    {
        var found = new List<int[]>();
        var checks = 0;
        bool IsConsistent(IReadOnlyList<int> kept)
        {
            checks++;
            return Model.HasCompletion(RestrictionOf(kept.Select(i => others[i]).Concat(added)));
        }

        List<int[]> level = [[]];
        while (level.Count > 0 && found.Count < MaxDiagnoses && checks < MaxDiagnosisChecks)
        {
            var diagnoses = new List<int[]>();
            var next = new SortedSet<int[]>(ByEarliestChoice);
            foreach (var dropped in level)
            {
                if (checks >= MaxDiagnosisChecks)
                {
                    break;
                }

                if (found.Any(d => d.All(dropped.Contains)))
                {
                    continue;
                }

                var kept = Enumerable.Range(0, others.Length).Where(i => Array.BinarySearch(dropped, i) < 0).ToList();
                var conflict = EarliestConflict.Find(kept, IsConsistent);
                if (conflict is null)
                {
                    diagnoses.Add(dropped);
                }
                else if (conflict.Count == 0)
                {
                    // The choice is impossible with no earlier choice at all: nothing to drop helps.
                    return [];
                }
                else
                {
                    foreach (var index in conflict)
                    {
                        next.Add([.. dropped.Append(index).Order()]);
                    }
                }
            }

            // The level came in order, so its diagnoses did.
            found.AddRange(diagnoses.Take(MaxDiagnoses - found.Count));
            level = [.. next];
        }

        return [.. found.Select(d =>
        {
            var dropped = d.Select(i => others[i]).ToList();
            return new Diagnosis([.. dropped], [.. dropped.Select(Notation)]);
        })];
    }

    /// <summary>Sets of choice indices (ascending, of one size) in the order of their earliest differing choice.</summary>
    private static readonly Comparer<int[]> ByEarliestChoice = Comparer<int[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));

    /// <summary>A choice in command-line notation, <c>=</c> for a single-select module's selection.</summary>
    private string Notation(CustomerChoice choice) =>
        choice.ToNotation(Model.Model.Modules[Model.ModuleIndexOf(choice.ModuleId)].IsMultiSelect);
}
