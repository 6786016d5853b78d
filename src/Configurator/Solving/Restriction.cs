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

    /// <summary>Restricts <paramref name="module"/> to the values <paramref name="allowed"/> marks (intersecting any earlier restriction).</summary>
    public void Restrict(int module, bool[] allowed)
    {
        var combined = (bool[])allowed.Clone();
        if (_allowed[module] is { } previous)
        {
            for (var v = 0; v < combined.Length; v++)
            {
                combined[v] &= previous[v];
            }
        }

        _allowed[module] = combined;
        IsEmpty = false;
    }

    /// <summary>A copy that leaves <paramref name="module"/> free.</summary>
    public Restriction Without(int module)
    {
        var copy = Copy();
        copy._allowed[module] = null;
        copy.IsEmpty = copy._allowed.All(a => a is null);
        return copy;
    }

    public Restriction Copy()
    {
        var copy = new Restriction(_allowed.Length) { IsEmpty = IsEmpty };
        Array.Copy(_allowed, copy._allowed, _allowed.Length);
        return copy;
    }

    /// <summary>A text equal for equal restrictions: each restricted module with its allowed values.</summary>
    public string Key()
    {
        var key = new System.Text.StringBuilder();
        for (var module = 0; module < _allowed.Length; module++)
        {
            if (_allowed[module] is { } allowed)
            {
                key.Append(module).Append(':');
                foreach (var value in allowed)
                {
                    key.Append(value ? '1' : '0');
                }

                key.Append(';');
            }
        }

        return key.ToString();
    }

    /// <summary>Restricts <paramref name="module"/> to exactly <paramref name="value"/> (intersecting any earlier restriction).</summary>
    public void Fix(int module, int value, int valueCount)
    {
        var only = new bool[valueCount];
        only[value] = true;
        Restrict(module, only);
    }
}
