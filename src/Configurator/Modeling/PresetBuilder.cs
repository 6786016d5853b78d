using Configurator.Internal;

namespace Configurator.Modeling;

/// <summary>Writes one <see cref="Preset"/> inside <see cref="ProductModelBuilder.AddPreset"/>. Mutable.</summary>
public sealed class PresetBuilder
{
    private readonly string _id;
    private readonly List<KeyValuePair<string, EquatableArray<string>>> _selections = [];
    private string? _name;

    internal PresetBuilder(string id) => _id = id;

    /// <summary>Sets the display name.</summary>
    /// <param name="name">The display text.</param>
    public PresetBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Selects options in a module (none for an optional module left empty).</summary>
    /// <param name="moduleId">The module id.</param>
    /// <param name="optionIds">The option ids.</param>
    public PresetBuilder Select(string moduleId, params string[] optionIds)
    {
        _selections.Add(new(Guard.NotNullOrEmpty(moduleId), [.. Guard.NotNull(optionIds)]));
        return this;
    }

    internal Preset Build() => new(_id, _selections.ToEquatableDictionary()) { Name = _name };
}
