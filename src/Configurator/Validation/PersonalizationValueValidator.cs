using System.Text.RegularExpressions;
using Configurator.Modeling;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks one personalization value against its field: required, length, pattern, choices.</summary>
internal sealed class PersonalizationValueValidator : AbstractValidator<string?>
{
    public PersonalizationValueValidator(PersonalizationField field)
    {
        var name = field.Name ?? field.Id;
        RuleFor(value => value)
            .NotEmpty().When(_ => field.Required).WithMessage($"'{name}' is required.")
            .Must(value => value is null || field.MaxLength is null || value.Length <= field.MaxLength)
            .WithMessage($"'{name}' takes at most {field.MaxLength} characters.")
            .Must(value => string.IsNullOrEmpty(value) || field.Pattern is null || Regex.IsMatch(value, field.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            .WithMessage($"'{name}' does not have the required form.")
            .Must(value => string.IsNullOrEmpty(value) || field.Type != PersonalizationType.Choice || field.Choices.Contains(value))
            .WithMessage($"'{name}' is one of: {string.Join(", ", field.Choices)}.");
    }
}
