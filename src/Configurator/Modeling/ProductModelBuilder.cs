using System.Collections.Immutable;
using Configurator.Internal;

namespace Configurator.Modeling;

/// <summary>
/// Writes a <see cref="ProductModel"/> in code as easily as in JSON. Mutable and single-use:
/// <see cref="Build"/> may be called once. The built model is not validated; validate it with
/// <c>ProductModelValidator</c> (or compile it, which validates) before use.
/// </summary>
/// <example>
/// <code>
/// var model = new ProductModelBuilder("window")
///     .WithCurrency("EUR").WithBasePrice(80)
///     .AddModule("frame", m => m.AddOption("rect").AddOption("arched", price: 40))
///     .AddModule("glass", m => m.AddOption("clear").AddOption("triple", price: 60))
///     .AddRule("arched-triple", "frame == 'arched' -> glass == 'triple'")
///     .Build();
/// </code>
/// </example>
public sealed class ProductModelBuilder
{
    private readonly string _id;
    private readonly List<Module> _modules = [];
    private readonly List<Constraint> _constraints = [];
    private readonly List<PriceRule> _priceRules = [];
    private readonly List<Preset> _presets = [];
    private readonly List<PersonalizationField> _personalization = [];
    private readonly List<AttributeDefinition> _attributes = [];
    private readonly List<Part> _parts = [];
    private readonly List<BomRule> _bomRules = [];
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private string? _name;
    private string? _version;
    private string _currency = ProductModel.DefaultCurrency;
    private decimal _basePrice;
    private string? _defaultCulture;
    private bool _built;

    /// <summary>Starts a model.</summary>
    /// <param name="id">The model id.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public ProductModelBuilder(string id) => _id = Guard.NotNullOrEmpty(id);

    /// <summary>Sets the display name.</summary>
    /// <param name="name">The display text.</param>
    public ProductModelBuilder Named(string name) => Set(() => _name = name);

    /// <summary>Adds a translation of the display name.</summary>
    /// <param name="culture">A culture name such as <c>zh-CN</c>.</param>
    /// <param name="text">The translated text.</param>
    public ProductModelBuilder WithLabel(string culture, string text) => Set(() => _labels[culture] = text);

    /// <summary>Sets the culture the display names and messages are written in (<see cref="ProductModel.DefaultCulture"/>).</summary>
    /// <param name="culture">A culture name such as <c>en</c>.</param>
    public ProductModelBuilder WithDefaultCulture(string culture) => Set(() => _defaultCulture = Guard.NotNullOrEmpty(culture));

    /// <summary>Sets the model's own version.</summary>
    /// <param name="version">Such as <c>2026.1</c>.</param>
    public ProductModelBuilder WithVersion(string version) => Set(() => _version = version);

    /// <summary>Sets the ISO 4217 currency.</summary>
    /// <param name="currency">Such as <c>EUR</c>.</param>
    public ProductModelBuilder WithCurrency(string currency) => Set(() => _currency = Guard.NotNullOrEmpty(currency));

    /// <summary>Sets the price every configuration starts from.</summary>
    /// <param name="basePrice">The base price.</param>
    public ProductModelBuilder WithBasePrice(decimal basePrice) => Set(() => _basePrice = basePrice);

    /// <summary>Adds a module.</summary>
    /// <param name="id">The module id.</param>
    /// <param name="configure">Adds the options and sets the module's other fields.</param>
    public ProductModelBuilder AddModule(string id, Action<ModuleBuilder> configure)
    {
        Guard.NotNull(configure);
        var builder = new ModuleBuilder(Guard.NotNullOrEmpty(id));
        configure(builder);
        return Set(() => _modules.Add(builder.Build()));
    }

    /// <summary>Adds a constraint written in the rule language.</summary>
    /// <param name="id">The constraint id.</param>
    /// <param name="rule">The rule text.</param>
    /// <param name="message">What a customer is told when the rule rules something out.</param>
    public ProductModelBuilder AddRule(string id, string rule, string? message = null) =>
        AddConstraint(new Constraint(Guard.NotNullOrEmpty(id)) { Rule = Guard.NotNull(rule), Message = message });

    /// <summary>Adds a table constraint.</summary>
    /// <param name="id">The constraint id.</param>
    /// <param name="modules">The columns.</param>
    /// <param name="kind">Whether the rows are allowed or forbidden.</param>
    /// <param name="rows">The rows; <c>"*"</c> matches anything, <see langword="null"/> no selection.</param>
    /// <param name="message">What a customer is told when the table rules something out.</param>
    public ProductModelBuilder AddTable(string id, IEnumerable<string> modules, TableKind kind, IEnumerable<IEnumerable<string?>> rows, string? message = null)
    {
        Guard.NotNull(modules);
        Guard.NotNull(rows);
        var table = new TableConstraint([.. modules], kind, rows.Select(row => new EquatableArray<string?>([.. row])).ToEquatableArray());
        return AddConstraint(new Constraint(Guard.NotNullOrEmpty(id)) { Table = table, Message = message });
    }

    /// <summary>Adds a constraint as it is.</summary>
    /// <param name="constraint">The constraint.</param>
    public ProductModelBuilder AddConstraint(Constraint constraint)
    {
        Guard.NotNull(constraint);
        return Set(() => _constraints.Add(constraint));
    }

    /// <summary>Adds a fixed amount to the subtotal when <paramref name="when"/> holds.</summary>
    /// <param name="id">The price rule id.</param>
    /// <param name="when">The condition, as rule text.</param>
    /// <param name="amount">The amount.</param>
    public ProductModelBuilder AddSurcharge(string id, string when, decimal amount) =>
        AddPriceRule(new PriceRule(Guard.NotNullOrEmpty(id)) { When = when, Add = amount });

    /// <summary>Adds a computed amount to the subtotal when <paramref name="when"/> holds.</summary>
    /// <param name="id">The price rule id.</param>
    /// <param name="when">The condition, as rule text.</param>
    /// <param name="expression">A numeric rule expression such as <c>size.areaM2 * 30</c>.</param>
    public ProductModelBuilder AddSurcharge(string id, string when, string expression) =>
        AddPriceRule(new PriceRule(Guard.NotNullOrEmpty(id)) { When = when, AddExpression = Guard.NotNull(expression) });

    /// <summary>Adds a percentage of the subtotal when <paramref name="when"/> holds (negative for a discount).</summary>
    /// <param name="id">The price rule id.</param>
    /// <param name="when">The condition, as rule text.</param>
    /// <param name="percent">The percentage.</param>
    public ProductModelBuilder AddPercentage(string id, string when, decimal percent) =>
        AddPriceRule(new PriceRule(Guard.NotNullOrEmpty(id)) { When = when, Percent = percent });

    /// <summary>Adds a price rule as it is.</summary>
    /// <param name="rule">The price rule.</param>
    public ProductModelBuilder AddPriceRule(PriceRule rule)
    {
        Guard.NotNull(rule);
        return Set(() => _priceRules.Add(rule));
    }

    /// <summary>Adds a preset (a standard product).</summary>
    /// <param name="id">The preset id.</param>
    /// <param name="configure">Selects the preset's options.</param>
    public ProductModelBuilder AddPreset(string id, Action<PresetBuilder> configure)
    {
        Guard.NotNull(configure);
        var builder = new PresetBuilder(Guard.NotNullOrEmpty(id));
        configure(builder);
        return Set(() => _presets.Add(builder.Build()));
    }

    /// <summary>Adds a personalization field.</summary>
    /// <param name="field">The field.</param>
    public ProductModelBuilder AddPersonalization(PersonalizationField field)
    {
        Guard.NotNull(field);
        return Set(() => _personalization.Add(field));
    }

    /// <summary>Adds an attribute that sessions show as an exact range while the customer chooses.</summary>
    /// <param name="attribute">The attribute: which numeric option property, its name and unit, summed or the largest.</param>
    public ProductModelBuilder AddAttribute(AttributeDefinition attribute)
    {
        Guard.NotNull(attribute);
        return Set(() => _attributes.Add(attribute));
    }

    /// <summary>Adds a part to the catalogue that options and BOM rules name.</summary>
    /// <param name="part">The part: its number, name and unit.</param>
    public ProductModelBuilder AddPart(Part part)
    {
        Guard.NotNull(part);
        return Set(() => _parts.Add(part));
    }

    /// <summary>Adds a BOM rule: parts a configuration needs when a condition holds.</summary>
    /// <param name="rule">The rule.</param>
    public ProductModelBuilder AddBomRule(BomRule rule)
    {
        Guard.NotNull(rule);
        return Set(() => _bomRules.Add(rule));
    }

    /// <summary>Returns the model.</summary>
    /// <exception cref="InvalidOperationException">The builder was already built.</exception>
    public ProductModel Build()
    {
        EnsureNotBuilt();
        _built = true;
        return new ProductModel(_id, [.. _modules])
        {
            Name = _name,
            Labels = _labels.ToEquatableDictionary(),
            DefaultCulture = _defaultCulture,
            Version = _version,
            Currency = _currency,
            BasePrice = _basePrice,
            Constraints = [.. _constraints],
            PriceRules = [.. _priceRules],
            Presets = [.. _presets],
            Personalization = [.. _personalization],
            Attributes = [.. _attributes],
            Parts = [.. _parts],
            BomRules = [.. _bomRules],
        };
    }

    private ProductModelBuilder Set(Action change)
    {
        EnsureNotBuilt();
        change();
        return this;
    }

    private void EnsureNotBuilt() =>
        Guard.State(!_built, "This builder has already built its model; start a new ProductModelBuilder.");
}
