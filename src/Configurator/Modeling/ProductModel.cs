namespace Configurator.Modeling;

/// <summary>
/// A product model: modules and their options, constraints, price rules, presets and
/// personalization fields. Plain immutable data that compares by value; build it with
/// <see cref="ProductModelBuilder"/> or load it from JSON, then validate it before use.
/// </summary>
/// <param name="Id">The model's id.</param>
/// <param name="Modules">The modules, in display order.</param>
public sealed record ProductModel(string Id, EquatableArray<Module> Modules) : ILabeled
{
    /// <summary>The JSON format version this model follows.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The currency used when a model names none.</summary>
    public const string DefaultCurrency = "EUR";

    /// <summary>The model format version.</summary>
    /// <value>Defaults to <see cref="CurrentFormatVersion"/>.</value>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name.</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>
    /// The culture the model's <c>name</c> and <c>message</c> texts are written in, such as <c>en</c>
    /// (see <see cref="ModelText"/>): a customer whose culture has no label reads them, and the
    /// engine's own sentences follow it when it knows no words for the customer's culture.
    /// </summary>
    /// <value>Defaults to null: unknown, read as English.</value>
    public string? DefaultCulture { get; init; }

    /// <summary>The model's own version, such as <c>2026.1</c>; sessions record it.</summary>
    public string? Version { get; init; }

    /// <summary>The ISO 4217 currency of every price in the model.</summary>
    /// <value>Defaults to <see cref="DefaultCurrency"/>.</value>
    public string Currency { get; init; } = DefaultCurrency;

    /// <summary>The price every configuration starts from.</summary>
    /// <value>Defaults to 0.</value>
    public decimal BasePrice { get; init; }

    /// <summary>The constraints every configuration satisfies.</summary>
    public EquatableArray<Constraint> Constraints { get; init; }

    /// <summary>Price adjustments.</summary>
    public EquatableArray<PriceRule> PriceRules { get; init; }

    /// <summary>Standard products.</summary>
    public EquatableArray<Preset> Presets { get; init; }

    /// <summary>Fields for cosmetic customization.</summary>
    public EquatableArray<PersonalizationField> Personalization { get; init; }

    /// <summary>The numeric attributes a session shows as exact ranges while the customer chooses (weight, power, lead time).</summary>
    public EquatableArray<AttributeDefinition> Attributes { get; init; }

    /// <summary>The parts the options and BOM rules name, for the bill of materials.</summary>
    public EquatableArray<Part> Parts { get; init; }

    /// <summary>Parts a configuration needs when a condition holds, beyond its options' own.</summary>
    public EquatableArray<BomRule> BomRules { get; init; }

    /// <summary>Finds a module by id.</summary>
    /// <param name="moduleId">The module id (case-sensitive).</param>
    /// <returns>The module, or <see langword="null"/> when the model has none with that id.</returns>
    public Module? FindModule(string moduleId)
    {
        foreach (var module in Modules)
        {
            if (module.Id == moduleId)
            {
                return module;
            }
        }

        return null;
    }
}
