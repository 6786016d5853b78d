using System.Collections.Immutable;
using System.Text.Json;
using Configurator.Internal;
using Configurator.Solving;

namespace Configurator.Sessions;

public sealed partial class ConfigurationSession
{
    /// <summary>The session as JSON: model id and version, the preset it started from, and the customer's choices in order.</summary>
    public string Save() => JsonSerializer.Serialize(
        new SessionDocument(1, Model.Model.Id, Model.Model.Version, PresetId, [.. Choices.Select(c => new ChoiceDocument(c.Kind.ToString().ToLowerInvariant(), c.ModuleId, [.. c.OptionIds]))]),
        SessionJsonContext.Default.SessionDocument);

    /// <summary>
    /// Resumes a saved session on any machine. Against a changed model, the choices that no longer
    /// apply (unknown modules or options, or no longer possible with the earlier ones) are left out
    /// and reported instead of failing.
    /// </summary>
    /// <param name="model">The compiled model to resume on.</param>
    /// <param name="json">What <see cref="Save"/> wrote.</param>
    /// <exception cref="FormatException">The text is not a saved session.</exception>
    public static ResumedSession Resume(CompiledModel model, string json)
    {
        Guard.NotNull(model);
        Guard.NotNull(json);
        SessionDocument document;
        try
        {
            document = JsonSerializer.Deserialize(json, SessionJsonContext.Default.SessionDocument)
                ?? throw new FormatException("The saved session is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"This is not a saved session: {e.Message}", e);
        }

        var changed = document.Model != model.Model.Id || document.ModelVersion != model.Model.Version;
        var presetExists = document.Preset is { } preset && model.Model.Presets.Any(p => p.Id == preset);
        var session = new ConfigurationSession(model, presetExists ? document.Preset : null);
        var dropped = ImmutableArray.CreateBuilder<DroppedChoice>();
        foreach (var saved in document.Choices ?? [])
        {
            var kind = saved.Kind switch
            {
                "select" => ChoiceKind.Select,
                "deselect" => ChoiceKind.Deselect,
                "set" => ChoiceKind.Set,
                _ => (ChoiceKind?)null,
            };
            var choice = new CustomerChoice(kind ?? ChoiceKind.Set, saved.Module ?? "", [.. saved.Options ?? []]);
            if (kind is null || (kind != ChoiceKind.Set && choice.OptionIds.Count != 1))
            {
                dropped.Add(new DroppedChoice(choice, $"'{saved.Kind}' with {choice.OptionIds.Count} option(s) is not a choice this library writes."));
                continue;
            }

            try
            {
                var result = session.Choose(choice);
                if (!result.Applied)
                {
                    dropped.Add(new DroppedChoice(choice, $"No longer possible together with the earlier choices: {result.Explanation}"));
                }
            }
            catch (InvalidSelectionException e)
            {
                dropped.Add(new DroppedChoice(choice, e.Message));
            }
        }

        // Resuming is one step, not a history to undo through.
        session._history.RemoveRange(0, session._history.Count - 1);
        session._position = 0;
        return new ResumedSession(session, dropped.ToImmutable(), changed);
    }
}
