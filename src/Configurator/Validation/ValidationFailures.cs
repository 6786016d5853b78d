using FluentValidation;
using FluentValidation.Results;

namespace Configurator.Validation;

/// <summary>Adds failures with an explicit JSON path, code and optional rule-text column.</summary>
internal static class ValidationFailures
{
    /// <param name="context">The validation context.</param>
    /// <param name="jsonPath">Where the problem is.</param>
    /// <param name="code">Its code.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="column">The column in rule text, for rule errors.</param>
    /// <param name="moduleId">The module whose options or properties the problem is about, if one: an error that only follows from that module being malformed in the file is then left out.</param>
    public static void Fail<T>(this ValidationContext<T> context, string jsonPath, string code, string message, int? column = null, string? moduleId = null) =>
        context.AddFailure(new ValidationFailure(jsonPath, message) { ErrorCode = code, CustomState = new FailureState(column, moduleId) });

    /// <summary>The JSON path of the value the context is validating.</summary>
    public static string JsonPath<T>(this ValidationContext<T> context) => JsonPaths.FromPropertyPath(context.PropertyPath);

    /// <summary>Reports every item after the first that repeats an earlier item's id; <paramref name="under"/> is the list's path below the context's (<c>.options</c>), when the rule is the owner's.</summary>
    public static void FailDuplicates<T, TItem>(this ValidationContext<T> context, IReadOnlyList<TItem> items, Func<TItem, string> id, string code, string what, string under = "")
    {
        // Most lists are a feature's one option: no dictionary for them, and no path unless an id repeats
        // (both were a fifth of what validating automotive2_4's 18,616 modules allocated).
        if (items.Count < 2)
        {
            return;
        }

        var first = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        string? path = null;
        for (var i = 0; i < items.Count; i++)
        {
            var key = id(items[i]);
            if (!first.TryAdd(key, i))
            {
                path ??= context.JsonPath() + under;
                context.Fail($"{JsonPaths.Index(path, i)}.id", code, $"{what} id '{key}' is already used at {JsonPaths.Index(path, first[key])}; ids must be unique (they are case-sensitive).");
            }
        }
    }

    /// <summary>Whether an id is non-empty and free of control characters.</summary>
    public static bool IsPlainId(string? id) => !string.IsNullOrEmpty(id) && !id.Any(char.IsControl);
}

/// <summary>What a failure carries beyond FluentValidation's own fields.</summary>
/// <param name="Column">The 1-based column in rule text.</param>
/// <param name="ModuleId">The module the failure is about.</param>
internal sealed record FailureState(int? Column, string? ModuleId);
