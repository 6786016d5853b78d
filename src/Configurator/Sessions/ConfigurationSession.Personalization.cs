using System.Collections.Immutable;
using Configurator.Modeling;
using Configurator.Validation;

namespace Configurator.Sessions;

public sealed partial class ConfigurationSession
{
    /// <summary>The personalization values entered so far (field id to value); they are priced and saved with the session.</summary>
    public EquatableDictionary<string> Personalization => _request.Personalization;

    /// <summary>
    /// Sets a personalization field (a name printed on the product, the packaging), checked against
    /// the field (required, length, pattern, choices). An accepted value is priced from the next
    /// state on and saved with the session; it is not an undo step. Null or empty clears the field.
    /// </summary>
    /// <param name="fieldId">The field's id.</param>
    /// <param name="value">The value.</param>
    /// <returns>Why the value is refused, for the customer; empty when it was accepted.</returns>
    /// <exception cref="ConfiguratorException">The model has no such field (<see cref="ConfiguratorErrorCodes.InvalidPersonalization"/>).</exception>
    public ImmutableArray<string> Personalize(string fieldId, string? value)
    {
        Internal.Guard.NotNull(fieldId);
        var field = Model.Model.Personalization.FirstOrDefault(f => f.Id == fieldId)
            ?? throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidPersonalization,
                $"There is no personalization field '{fieldId}'. Fields: {string.Join(", ", Model.Model.Personalization.Select(f => f.Id))}.");
        var result = new PersonalizationValueValidator(field).Validate(value ?? "");
        if (!result.IsValid)
        {
            return [.. result.Errors.Select(e => e.ErrorMessage)];
        }

        lock (_gate)
        {
            var values = _request.Personalization.ToDictionary(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(value))
            {
                values.Remove(fieldId);
            }
            else
            {
                values[fieldId] = value;
            }

            _request = _request with { Personalization = values.ToEquatableDictionary() };
            Show(_history[_position]);
        }

        return [];
    }
}
