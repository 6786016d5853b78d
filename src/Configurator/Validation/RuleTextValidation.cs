using Configurator.Modeling;
using Configurator.Rules;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Parses and type-checks rule text inside a validator, reporting each problem with its column.</summary>
internal static class RuleTextValidation
{
    public static void CheckRule<T>(this ValidationContext<T> context, string jsonPath, string text, ProductModel model, RuleType expected)
    {
        Configurator.Internal.Interruption.Poll();
        var (node, syntaxError) = RuleParser.Parse(text);
        if (syntaxError is { } error)
        {
            context.Fail(jsonPath, error.Code, error.Message, error.ColumnIn(text));
            return;
        }

        // The parser returns a node whenever it reports no error.
        foreach (var diagnostic in RuleChecker.Check(node!, model, expected))
        {
            context.Fail(jsonPath, diagnostic.Code, diagnostic.Message, diagnostic.ColumnIn(text), diagnostic.ModuleId);
        }
    }
}
