namespace Configurator.Rules;

/// <summary>A problem found in rule text: a stable code, where it starts (0-based UTF-16 offset) and a message.</summary>
internal readonly record struct RuleDiagnostic(string Code, int Offset, string Message)
{
    /// <summary>The module whose options or properties the problem is about, if one.</summary>
    public string? ModuleId { get; init; }

    /// <summary>The 1-based column of <see cref="Offset"/> in <paramref name="text"/>, counting Unicode characters, not UTF-16 units.</summary>
    public int ColumnIn(string text)
    {
        var column = 1;
        var limit = Math.Clamp(Offset, 0, text.Length);
        for (var i = 0; i < limit; i++)
        {
            // A surrogate pair is one character to the person reading the column.
            if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1]))
            {
                column++;
            }
        }

        return column;
    }
}
