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
            _builder.AddModule(moduleId, m => m.Named(name).Optional().AddOption(Yes));
        }

        return _builder.Build();
    }

    public static string Any(IEnumerable<string> terms) => string.Join(" or ", terms.Select(t => $"({t})"));
}
