using Configurator.Modeling;
using Configurator.Rules;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Parses and type-checks rule text inside a validator, reporting each problem with its column.</summary>
internal static class RuleTextValidation
{
    /// <summary>
    /// Checks a rule at the context's own place, or <paramref name="under"/> it (<c>.rule</c>) when the rule is
    /// its owner's. Its JSON path is worked out only for a failure: a valid model of thousands of rules needs none.
    /// </summary>
    public static void CheckRule<T>(this ValidationContext<T> context, string text, ProductModel model, RuleType expected, string under = "") =>
        context.CheckRule(jsonPath: null, text, model, expected, under);

    /// <summary>Checks a rule at <paramref name="jsonPath"/> (the context's own place, and <paramref name="under"/> it, when null).</summary>
    public static void CheckRule<T>(this ValidationContext<T> context, string? jsonPath, string text, ProductModel model, RuleType expected, string under = "")
    {
        Configurator.Internal.Interruption.Poll();
        var (node, syntaxError) = RuleParser.Parse(text);
        if (syntaxError is { } error)
        {
            context.Fail(jsonPath ?? (context.JsonPath() + under), error.Code, error.Message, error.ColumnIn(text));
            return;
        }

        // The parser returns a node whenever it reports no error.
        foreach (var diagnostic in RuleChecker.Check(node!, model, expected))
        {
            context.Fail(jsonPath ??= context.JsonPath() + under, diagnostic.Code, diagnostic.Message, diagnostic.ColumnIn(text), diagnostic.ModuleId);
        }
    }
}
