namespace Configurator.Solving;

/// <summary>
/// Which values each module may take in one query (a partial selection): a null entry leaves the
/// module free. Per-call state, never shared.
/// </summary>
internal sealed class Restriction
{
    private readonly bool[]?[] _allowed;

    public Restriction(int moduleCount) => _allowed = new bool[]?[moduleCount];

    public bool IsEmpty { get; private set; } = true;

    public bool[]? AllowedValues(int module) => _allowed[module];

    public bool Allows(int module, int value) => _allowed[module] is not { } allowed || allowed[value];

    /// <summary>Restricts <paramref name="module"/> to exactly <paramref name="value"/> (intersecting any earlier restriction).</summary>
    public void Fix(int module, int value, int valueCount)
    {
        var allowed = new bool[valueCount];
        if (_allowed[module] is not { } previous || previous[value])
        {
            allowed[value] = true;
        }

        _allowed[module] = allowed;
        IsEmpty = false;
    }
}
