using Configurator.Modeling;

namespace Configurator.Solving;

/// <summary>Receives each configuration during enumeration; the view is valid only during the call.</summary>
/// <param name="configuration">The configuration, read from a buffer the enumeration reuses.</param>
public delegate void ConfigurationHandler(ConfigurationView configuration);

/// <summary>
/// A configuration being enumerated, read in place from a reused buffer: no allocation per
/// configuration. Copy what you need (<see cref="ToSelection"/>) before the handler returns.
/// </summary>
public readonly ref struct ConfigurationView
{
    private readonly CompiledModel _model;
    private readonly ReadOnlySpan<int> _values;

    internal ConfigurationView(CompiledModel model, ReadOnlySpan<int> values)
    {
        _model = model;
        _values = values;
    }

    /// <summary>The number of modules (module indices follow the model's module order).</summary>
    public int ModuleCount => _values.Length;

    /// <summary>The option ids selected in the module at <paramref name="moduleIndex"/> (the model's order). Does not allocate.</summary>
    /// <param name="moduleIndex">0-based, in the order of <see cref="ProductModel.Modules"/>.</param>
    public IReadOnlyList<string> GetOptionIds(int moduleIndex) => _model.OptionIdsOf(moduleIndex, _values[moduleIndex]);

    /// <summary>The option ids selected in a module.</summary>
    /// <param name="moduleId">The module id.</param>
    /// <exception cref="InvalidSelectionException">The model has no such module.</exception>
    public IReadOnlyList<string> GetOptionIds(string moduleId) => GetOptionIds(_model.ModuleIndexOf(moduleId));

    /// <summary>The index of the module's selected value in its permitted selections (for compact storage).</summary>
    /// <param name="moduleIndex">0-based module index.</param>
    public int GetValueIndex(int moduleIndex) => _values[moduleIndex];

    /// <summary>Copies the configuration into an immutable <see cref="Selection"/> (allocates).</summary>
    public Selection ToSelection() => _model.ToSelection(_values);
}
