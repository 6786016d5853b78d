namespace Configurator.Modeling;

/// <summary>Whether a table's rows list the allowed or the forbidden combinations.</summary>
public enum TableKind
{
    /// <summary>A configuration must match one of the rows.</summary>
    Allowed,

    /// <summary>A configuration must match none of the rows.</summary>
    Forbidden,
}

/// <summary>
/// A constraint given as rows of option combinations over modules with <c>max == 1</c>. Immutable.
/// </summary>
/// <remarks>
/// A cell holds an option id, <see cref="Any"/> (matches any option and also no selection), or
/// <see langword="null"/> (matches no selection, for optional modules). Because <c>"*"</c> is the
/// wildcard, an option whose id is literally <c>*</c> cannot be named in a table.
/// </remarks>
/// <param name="Modules">The columns, one module id each.</param>
/// <param name="Kind">Whether rows are allowed or forbidden combinations.</param>
/// <param name="Rows">The rows; each has one cell per column.</param>
public sealed record TableConstraint(EquatableArray<string> Modules, TableKind Kind, EquatableArray<EquatableArray<string?>> Rows)
{
    /// <summary>The wildcard cell: any option, or no selection.</summary>
    public const string Any = "*";
}
