using System.Globalization;
using Configurator.Internal;

namespace Configurator.Modeling;

/// <summary>
/// The text a customer of one culture reads from a model. A name comes from the first of: the
/// element's label for the culture, for each of its parents in turn (<c>zh-CN</c>, <c>zh-Hans</c>,
/// <c>zh</c>), its <c>name</c> (written in the model's <see cref="ProductModel.DefaultCulture"/>),
/// its label for the default culture and that culture's parents, and finally its id. The engine's
/// own sentences around the names (explanations, price lines) follow the same chain: English and
/// Chinese are built in, and any other language reads English. Immutable and thread-safe.
/// </summary>
/// <remarks>Label keys match culture names without regard to case (<c>zh-cn</c> is <c>zh-CN</c>).</remarks>
public sealed class ModelText
{
    private readonly string[] _wanted;
    private readonly string[] _defaults;

    private ModelText(ProductModel model, CultureInfo? culture)
    {
        Culture = culture ?? CultureInfo.InvariantCulture;
        _wanted = culture is null || culture.Name.Length == 0 ? [] : Chain(culture.Name);
        _defaults = string.IsNullOrEmpty(model.DefaultCulture) ? [] : Chain(model.DefaultCulture);
        Phrases = Phrases.For([.. _wanted, .. _defaults]);
    }

    /// <summary>The culture the text is for; numbers and money in text output are formatted for it.</summary>
    /// <value>The invariant culture when none was asked for: the model's default text, plain numbers.</value>
    public CultureInfo Culture { get; }

    /// <summary>The engine's own words in the language the culture chain picks.</summary>
    internal Phrases Phrases { get; }

    /// <summary>The text of <paramref name="model"/> for <paramref name="culture"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="culture">The customer's culture; null for the model's default text.</param>
    public static ModelText For(ProductModel model, CultureInfo? culture = null) => new(Guard.NotNull(model), culture);

    /// <summary>The culture a name names, when this runtime knows it (<c>zh-CN</c>, <c>de</c>); null for any other text.</summary>
    /// <param name="name">A culture name, as a customer's request or a saved session gives it.</param>
    public static CultureInfo? FindCulture(string name)
    {
        Guard.NotNull(name);
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>What a customer reads for an element: its label for the culture, else its name, else its id (see <see cref="ModelText"/>).</summary>
    /// <param name="element">A module, option, preset, price rule, part or other labelled element.</param>
    public string Name(ILabeled element)
    {
        Guard.NotNull(element);
        return Label(element.Labels, _wanted) ?? element.Name ?? Label(element.Labels, _defaults) ?? element.Id;
    }

    /// <summary>
    /// What a customer reads when a constraint rules something out: its label for the culture (a
    /// constraint's labels translate its message, or its name when it has no message), else its
    /// message, else its name, else its rule text.
    /// </summary>
    /// <param name="constraint">The constraint.</param>
    public string Message(Constraint constraint)
    {
        Guard.NotNull(constraint);
        return Label(constraint.Labels, _wanted) ?? constraint.Message ?? constraint.Name ?? Label(constraint.Labels, _defaults)
            ?? constraint.Rule ?? Format(Phrases.TableOver, string.Join(Phrases.ListSeparator, constraint.Table?.Modules ?? default));
    }

    /// <summary>Fills one of the engine's sentences with the culture's number formats.</summary>
    internal string Format(string phrase, params object?[] arguments) => string.Format(Culture, phrase, arguments);

    /// <summary>A day as the phrases' language writes it.</summary>
    internal string Date(DateOnly day) => day.ToString(Phrases.DatePattern, CultureInfo.InvariantCulture);

    /// <summary>A sentence that ends as the language ends sentences.</summary>
    internal string Sentence(string text) =>
        text.Length > 0 && text[^1] is '.' or '!' or '?' or '。' or '！' or '？' ? text : text + Phrases.SentenceEnd;

    /// <summary>How many options a module takes, for a customer.</summary>
    internal string Cardinality(Module module) => Cardinality(module, Phrases, Culture);

    /// <summary>How many options a module takes, in <paramref name="phrases"/>' words.</summary>
    internal static string Cardinality(Module module, Phrases phrases, CultureInfo culture) => module.Min == module.Max
        ? module.Min == 1 ? phrases.ExactlyOneOption : string.Format(culture, phrases.ExactlyOptions, module.Min)
        : string.Format(culture, phrases.OptionsBetween, module.Min, module.Max);

    private static string? Label(EquatableDictionary<string> labels, string[] cultures)
    {
        if (labels.IsEmpty)
        {
            return null;
        }

        foreach (var culture in cultures)
        {
            foreach (var (key, text) in labels)
            {
                if (string.Equals(key, culture, StringComparison.OrdinalIgnoreCase))
                {
                    return text;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A culture name and its parents, most specific first: .NET's parents (which know that
    /// <c>zh-CN</c> falls back to <c>zh-Hans</c>), then the name cut at each hyphen, so the chain
    /// holds even where the runtime has no culture data.
    /// </summary>
    private static string[] Chain(string name)
    {
        var chain = new List<string> { name };
        try
        {
            for (var parent = CultureInfo.GetCultureInfo(name).Parent; parent.Name.Length > 0; parent = parent.Parent)
            {
                chain.Add(parent.Name);
            }
        }
        catch (CultureNotFoundException)
        {
            // Unknown to the runtime: the cut names below still apply.
        }

        for (var cut = name.LastIndexOf('-'); cut > 0; cut = name.LastIndexOf('-', cut - 1))
        {
            chain.Add(name[..cut]);
        }

        return [.. chain.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
