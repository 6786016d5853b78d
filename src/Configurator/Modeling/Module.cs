namespace Configurator.Modeling;

/// <summary>One interchangeable part of the product, such as a window's frame. Immutable.</summary>
/// <param name="Id">Unique within the model; matches <c>^[A-Za-z_][A-Za-z0-9_]*$</c> because rules name it.</param>
/// <param name="Options">The variants a configuration chooses from.</param>
public sealed record Module(string Id, EquatableArray<Option> Options) : ILabeled
{
    /// <summary>Display text.</summary>
    public string? Name { get; init; }

    /// <summary>Translations of the display text, by culture name.</summary>
    public EquatableDictionary<string> Labels { get; init; }

    /// <summary>The fewest options a configuration selects in this module.</summary>
    /// <value>Defaults to 1; 0 makes the module optional.</value>
    public int Min { get; init; } = 1;

    /// <summary>The most options a configuration selects in this module.</summary>
    /// <value>Defaults to 1; above 1 makes the module multi-select.</value>
    public int Max { get; init; } = 1;

    /// <summary>The options preselected in an interactive session (at most one unless multi-select).</summary>
    public EquatableArray<string> Defaults { get; init; }

    /// <summary>Whether a customer may change this module on a standard product (adaptive customization).</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool Adjustable { get; init; }

    /// <summary>Whether a configuration may leave this module empty (<see cref="Min"/> is 0).</summary>
    public bool IsOptional => Min == 0;

    /// <summary>Whether a configuration may select more than one option here (<see cref="Max"/> above 1).</summary>
    public bool IsMultiSelect => Max > 1;

    /// <summary>A yes/no module (a feature): optional, with a single option.</summary>
    internal bool IsYesNo => Options.Count == 1 && Min == 0 && Max == 1;

    /// <summary>Finds an option by id.</summary>
    /// <param name="optionId">The option id (case-sensitive).</param>
    /// <returns>The option, or <see langword="null"/> when the module has none with that id.</returns>
    public Option? FindOption(string optionId)
    {
        foreach (var option in Options)
        {
            if (option.Id == optionId)
            {
                return option;
            }
        }

        return null;
    }
}
