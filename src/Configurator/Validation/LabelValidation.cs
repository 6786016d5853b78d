using System.Text.RegularExpressions;
using Configurator.Modeling;
using FluentValidation;

namespace Configurator.Validation;

/// <summary>Checks that every label's key, and the model's default culture, is a culture name (a BCP 47 language tag).</summary>
internal static partial class LabelValidation
{
    public static void CheckCultures(ProductModel model, ValidationContext<ProductModel> context)
    {
        if (model.DefaultCulture is { } culture && !IsCultureName(culture))
        {
            context.Fail("$.defaultCulture", ModelErrorCodes.InvalidCulture, Problem(culture));
        }

        // Paths are worked out only for what has labels: most elements of an imported model have none.
        Check(context, "$", model);
        for (var m = 0; m < model.Modules.Count; m++)
        {
            var module = model.Modules[m];
            if (module.Labels.Count > 0)
            {
                Check(context, JsonPaths.Index("$.modules", m), module);
            }

            for (var o = 0; o < module.Options.Count; o++)
            {
                if (module.Options[o].Labels.Count > 0)
                {
                    Check(context, JsonPaths.Index(JsonPaths.Index("$.modules", m) + ".options", o), module.Options[o]);
                }
            }
        }

        CheckAll(context, "$.constraints", model.Constraints);
        CheckAll(context, "$.priceRules", model.PriceRules);
        CheckAll(context, "$.presets", model.Presets);
        CheckAll(context, "$.personalization", model.Personalization);
        CheckAll(context, "$.attributes", model.Attributes);
        CheckAll(context, "$.parts", model.Parts);
        CheckAll(context, "$.bomRules", model.BomRules);
    }

    /// <summary>Whether the text is a well-formed culture name: a language, then optionally a script, a region and variants (<c>zh-Hans-CN</c>).</summary>
    public static bool IsCultureName(string name) => CultureName().IsMatch(name);

    private static void CheckAll<T>(ValidationContext<ProductModel> context, string path, EquatableArray<T> elements)
        where T : ILabeled
    {
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].Labels.Count > 0)
            {
                Check(context, JsonPaths.Index(path, i), elements[i]);
            }
        }
    }

    private static void Check(ValidationContext<ProductModel> context, string path, ILabeled element)
    {
        foreach (var (culture, _) in element.Labels)
        {
            if (!IsCultureName(culture))
            {
                context.Fail(JsonPaths.Key(path == "$" ? "$.labels" : path + ".labels", culture), ModelErrorCodes.InvalidCulture, Problem(culture));
            }
        }
    }

    private static string Problem(string culture) =>
        $"'{culture}' is not a culture name such as en, zh-CN or de-DE (a language, then optionally a script and a region, joined by hyphens).";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$")]
    private static partial Regex CultureName();
}
