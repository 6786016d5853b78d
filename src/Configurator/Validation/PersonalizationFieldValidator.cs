using System.Text.RegularExpressions;
using Configurator.Modeling;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks one personalization field: its length limit, pattern and choices.</summary>
internal sealed class PersonalizationFieldValidator : AbstractValidator<PersonalizationField>
{
    public PersonalizationFieldValidator()
    {
        RuleFor(f => f.Id)
            .Must(ValidationFailures.IsPlainId)
            .WithErrorCode(ModelErrorCodes.InvalidId)
            .WithMessage("A personalization field id must be a non-empty text without control characters.");

        RuleFor(f => f.MaxLength)
            .GreaterThanOrEqualTo(1)
            .When(f => f.MaxLength is not null)
            .WithErrorCode(ModelErrorCodes.InvalidMaxLength)
            .WithMessage(f => $"Field '{f.Id}' has maxLength {f.MaxLength}; it must be at least 1 (leave it out for no limit).");

        // The ! is safe: the rule runs only .When a pattern is present.
        RuleFor(f => f.Pattern!)
            .Must(CompilesAsRegex)
            .When(f => f.Pattern is not null)
            .WithErrorCode(ModelErrorCodes.InvalidPattern)
            .WithMessage(f => $"Field '{f.Id}' has a pattern that is not a valid regular expression: {RegexError(f.Pattern!)}");

        RuleFor(f => f.Choices)
            .Must((field, choices) => field.Type == PersonalizationType.Choice ? choices.Count > 0 : choices.Count == 0)
            .WithErrorCode(ModelErrorCodes.InvalidChoices)
            .WithMessage(f => f.Type == PersonalizationType.Choice
                ? $"Choice field '{f.Id}' needs a non-empty \"choices\" list."
                : $"Text field '{f.Id}' has \"choices\"; make it \"type\": \"choice\" or remove them.")
            .Must(choices => choices.Distinct(StringComparer.Ordinal).Count() == choices.Count)
            .WithErrorCode(ModelErrorCodes.InvalidChoices)
            .WithMessage(f => $"Field '{f.Id}' lists a choice twice.");
    }

    private static bool CompilesAsRegex(string pattern) => RegexError(pattern) is null;

    private static string? RegexError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
