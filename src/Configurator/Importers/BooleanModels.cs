using Configurator.Modeling;

namespace Configurator.Importers;

/// <summary>
/// Builds a product model of yes/no modules (features, binary options, CNF variables): each is an
/// optional module with the single option <c>yes</c>, so selecting nothing means "no" and the number
/// of configurations is exactly the number of assignments.
/// </summary>
internal sealed class BooleanModels(string id, IEnumerable<string> names)
{
    public const string Yes = "yes";

    private readonly ProductModelBuilder _builder = new ProductModelBuilder(id).Named(id);
    private readonly HashSet<string> _rules = new(StringComparer.Ordinal);
    private int _count;

    public Dictionary<string, string> Ids { get; } = ModuleIds.Unique(names);

    /// <summary>Properties of a feature's <c>yes</c> option (its attributes), by feature name.</summary>
    public Dictionary<string, List<KeyValuePair<string, PropertyValue>>> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Rule text that is true when the named feature is selected.</summary>
    public string On(string name) => $"{Ids[name]} == '{Yes}'";

    /// <summary>Rule text that is true when the named feature is not selected.</summary>
    public string Off(string name) => $"{Ids[name]} != '{Yes}'";

    public void AddRule(string text, string? message = null)
    {
        // Equal rules (an exclusion listed on both sides, say) are added once.
        if (_rules.Add(text))
        {
            _builder.AddRule($"r{++_count}", text, message);
        }
    }

    public ProductModel Build()
    {
        foreach (var (name, moduleId) in Ids)
        {
            _builder.AddModule(moduleId, m => m.Named(name).Optional().AddOption(Yes, properties: Properties.GetValueOrDefault(name)));
        }

        return _builder.Build();
    }

    /// <summary>Rule text that is true when at least one term is; the terms are comparisons (<see cref="On"/>, <see cref="Off"/>), which bind tighter than <c>or</c>.</summary>
    public static string Any(IEnumerable<string> terms) => Chain([.. terms], "or", parenthesize: false);

    /// <summary>
    /// Joins terms with an associative operator (<c>and</c>, <c>or</c>, <c>+</c>) as one flat run,
    /// each term in parentheses unless <paramref name="parenthesize"/> is false (terms that bind
    /// tighter than the operator: comparisons, <c>count(...)</c>). The rule parser builds a run as a
    /// balanced tree, about log2(n) levels deep, so no imported rule reaches the rule language's
    /// nesting limit (automotive2_4 has groups of hundreds of features), and the text has no
    /// parentheses to nest.
    /// </summary>
    public static string Chain(IReadOnlyList<string> terms, string op, bool parenthesize = true)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        return string.Join($" {op} ", parenthesize ? terms.Select(t => $"({t})") : terms);
    }
}
