namespace Configurator.Modeling;

/// <summary>A model element a customer sees by name: its id, its display text and the text's translations (see <see cref="ModelText"/>).</summary>
public interface ILabeled
{
    /// <summary>The element's id, shown when it has no display text.</summary>
    string Id { get; }

    /// <summary>Display text, in the model's default culture (<see cref="ProductModel.DefaultCulture"/>).</summary>
    string? Name { get; }

    /// <summary>Translations of the display text, by culture name (for example <c>zh-CN</c>).</summary>
    EquatableDictionary<string> Labels { get; }
}
