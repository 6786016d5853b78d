using Configurator.Internal;

namespace Configurator.Modeling;

/// <summary>Writes one <see cref="Module"/> inside <see cref="ProductModelBuilder.AddModule"/>. Mutable.</summary>
public sealed class ModuleBuilder
{
    private readonly string _id;
    private readonly List<Option> _options = [];
    private readonly List<string> _defaults = [];
    // Made on the first label: an importer builds thousands of modules with none.
    private Dictionary<string, string>? _labels;
    private string? _name;
    private int _min = 1;
    private int _max = 1;
    private bool _adjustable;

    internal ModuleBuilder(string id) => _id = id;

    /// <summary>Sets the display name.</summary>
    /// <param name="name">The display text.</param>
    public ModuleBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Adds a translation of the display name.</summary>
    /// <param name="culture">A culture name such as <c>zh-CN</c>.</param>
    /// <param name="text">The translated text.</param>
    public ModuleBuilder WithLabel(string culture, string text)
    {
        (_labels ??= new(StringComparer.Ordinal))[culture] = text;
        return this;
    }

    /// <summary>Sets how many options a configuration selects here.</summary>
    /// <param name="min">The fewest (0 makes the module optional).</param>
    /// <param name="max">The most (above 1 makes it multi-select).</param>
    public ModuleBuilder Selecting(int min, int max)
    {
        _min = Guard.NotNegative(min);
        _max = Guard.NotNegative(max);
        return this;
    }

    /// <summary>Makes the module optional: zero or one option.</summary>
    public ModuleBuilder Optional() => Selecting(0, 1);

    /// <summary>Marks the options preselected in an interactive session.</summary>
    /// <param name="optionIds">The default option ids.</param>
    public ModuleBuilder WithDefault(params string[] optionIds)
    {
        _defaults.AddRange(Guard.NotNull(optionIds));
        return this;
    }

    /// <summary>Lets a customer change this module on a standard product.</summary>
    public ModuleBuilder Adjustable()
    {
        _adjustable = true;
        return this;
    }

    /// <summary>Adds an option.</summary>
    /// <param name="id">The option id.</param>
    /// <param name="price">The option's price.</param>
    /// <param name="name">The display name.</param>
    /// <param name="properties">Numeric and text properties, read by rules as <c>module.property</c>.</param>
    public ModuleBuilder AddOption(string id, decimal price = 0, string? name = null, IEnumerable<KeyValuePair<string, PropertyValue>>? properties = null)
    {
        _options.Add(new Option(Guard.NotNullOrEmpty(id))
        {
            Price = price,
            Name = name,
            Properties = properties?.ToEquatableDictionary() ?? default,
        });
        return this;
    }

    /// <summary>Adds an option as it is.</summary>
    /// <param name="option">The option.</param>
    public ModuleBuilder AddOption(Option option)
    {
        _options.Add(Guard.NotNull(option));
        return this;
    }

    internal Module Build() => new(_id, [.. _options])
    {
        Name = _name,
        Labels = _labels?.ToEquatableDictionary() ?? default,
        Min = _min,
        Max = _max,
        Defaults = [.. _defaults],
        Adjustable = _adjustable,
    };
}
