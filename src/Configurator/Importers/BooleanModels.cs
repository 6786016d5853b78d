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

    /// <summary>Rule text that is true when at least one term is (a balanced <c>or</c>, see <see cref="Balanced"/>).</summary>
    public static string Any(IEnumerable<string> terms) => Balanced([.. terms], "or");

    /// <summary>
    /// Joins terms with an associative operator (<c>and</c>, <c>or</c>, <c>+</c>) as a balanced
    /// tree, each term in parentheses: a clause or group of n terms nests about log2(n) levels
    /// instead of n, so that no imported rule reaches the rule language's nesting limit
    /// (automotive2_4 has groups of hundreds of features).
    /// </summary>
    public static string Balanced(IReadOnlyList<string> terms, string op)
    {
        ArgumentOutOfRangeException.ThrowIfZero(terms.Count);
        return Join(0, terms.Count - 1);

        string Join(int low, int high)
        {
            if (low == high)
            {
                return $"({terms[low]})";
            }

            var middle = low + ((high - low) / 2);
            var left = Join(low, middle);
            var right = Join(middle + 1, high);
            return $"{(middle == low ? left : $"({left})")} {op} {(high == middle + 1 ? right : $"({right})")}";
        }
    }
}
