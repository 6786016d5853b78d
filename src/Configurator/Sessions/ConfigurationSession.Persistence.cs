using System.Collections.Immutable;
using Configurator.Internal;
using Configurator.Solving;

namespace Configurator.Sessions;

public sealed partial class ConfigurationSession
{
    /// <summary>The session as a document: its id, model id and version, the preset it started from, the strategy, and the choices in order.</summary>
    public SessionDocument ToDocument() =>
        new(SessionDocument.CurrentFormatVersion, Model.Model.Id, Model.Model.Version, PresetId, [.. Choices])
        {
            SessionId = Id,
            Strategy = Strategy,
            Personalization = Personalization.Count == 0 ? null : Personalization.ToDictionary(StringComparer.Ordinal),
            Culture = Culture?.Name,
        };

    /// <summary>The session as JSON (see <see cref="ToDocument"/>); <see cref="SessionDocument.Parse"/> reads it.</summary>
    public string Save() => ToDocument().ToJson();

    /// <summary>
    /// Resumes a saved session on any machine. Against a changed version of the model, the choices
    /// that no longer apply (unknown modules or options, or no longer possible with the earlier
    /// ones) are left out and reported instead of failing.
    /// </summary>
    /// <param name="model">The compiled model to resume on (pick it by <see cref="SessionDocument.ModelId"/>).</param>
    /// <param name="json">What <see cref="Save"/> wrote.</param>
    /// <param name="options">Pricing, history limit; the saved id and strategy are kept unless these name others.</param>
    /// <exception cref="ConfiguratorException">The text is not a saved session (<see cref="ConfiguratorErrorCodes.InvalidSessionDocument"/>), or it was made with another model (<see cref="ConfiguratorErrorCodes.SessionModelMismatch"/>).</exception>
    public static ResumedSession Resume(CompiledModel model, string json, SessionOptions? options) =>
        Resume(model, SessionDocument.Parse(Guard.NotNull(json)), options);

    /// <summary>Resumes a saved session with the default options (see <see cref="Resume(CompiledModel, string, SessionOptions?)"/>).</summary>
    /// <param name="model">The compiled model to resume on.</param>
    /// <param name="json">What <see cref="Save"/> wrote.</param>
    /// <exception cref="ConfiguratorException">The text is not a saved session, or it was made with another model.</exception>
    public static ResumedSession Resume(CompiledModel model, string json) => Resume(model, json, null);

    /// <summary>Resumes a saved session from its document (see <see cref="Resume(CompiledModel, string, SessionOptions?)"/>).</summary>
    /// <param name="model">The compiled model to resume on.</param>
    /// <param name="document">The saved document.</param>
    /// <param name="options">Pricing, history limit; the saved id and strategy are kept unless these name others.</param>
    /// <exception cref="ConfiguratorException">The document was made with another model (<see cref="ConfiguratorErrorCodes.SessionModelMismatch"/>).</exception>
    public static ResumedSession Resume(CompiledModel model, SessionDocument document, SessionOptions? options)
    {
        Guard.NotNull(model);
        Guard.NotNull(document);
        if (document.ModelId != model.Model.Id)
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.SessionModelMismatch,
                $"The saved session was made with model '{document.ModelId}', not '{model.Model.Id}'; resume it on that model.");
        }

        var changed = document.ModelVersion != model.Model.Version;
        var presetExists = document.Preset is { } preset && model.Model.Presets.Any(p => p.Id == preset);
        var resumeOptions = new SessionOptions
        {
            HistoryLimit = options?.HistoryLimit ?? new SessionOptions().HistoryLimit,
            Pricing = options?.Pricing,
            Request = options?.Request,
            SessionId = options?.SessionId ?? document.SessionId,
            Strategy = options?.Strategy ?? document.Strategy,
            // A saved culture this runtime does not know reads the model's default text: it is not an error.
            Culture = options?.Culture ?? (string.IsNullOrEmpty(document.Culture) ? null : Modeling.ModelText.FindCulture(document.Culture)),
        };
        var session = new ConfigurationSession(model, presetExists ? document.Preset : null, resumeOptions);
        var dropped = ImmutableArray.CreateBuilder<DroppedChoice>();
        foreach (var choice in document.Choices)
        {
            try
            {
                var result = session.Choose(choice);
                if (!result.Applied)
                {
                    dropped.Add(new DroppedChoice(choice, session.Text.Format(session.Text.Phrases.NoLongerPossible, result.Explanation)));
                }
            }
            catch (InvalidSelectionException e)
            {
                dropped.Add(new DroppedChoice(choice, e.Message));
            }
        }

        // Values a changed model no longer accepts are left out, as choices are.
        foreach (var (field, value) in document.Personalization ?? new Dictionary<string, string>())
        {
            if (model.Model.Personalization.Any(f => f.Id == field))
            {
                session.Personalize(field, value);
            }
        }

        // Resuming is one step, not a history to undo through.
        session._history.RemoveRange(0, session._history.Count - 1);
        session._position = 0;
        return new ResumedSession(session, dropped.ToImmutable(), changed) { DroppedPreset = document.Preset is { } saved && !presetExists ? saved : null };
    }
}
