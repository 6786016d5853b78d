namespace Configurator.Internal;

/// <summary>
/// Compares int arrays by content; used to key states by the values of a frontier and components
/// by their variables and clauses. Also looks up by a span, so a probe needs no array of its own.
/// </summary>
internal sealed class IntArrayComparer : IEqualityComparer<int[]>
#if NET9_0_OR_GREATER
    , IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
#endif
{
    public static readonly IntArrayComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] obj) => Hash(obj);

#if NET9_0_OR_GREATER
    public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

    public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();

    public int GetHashCode(ReadOnlySpan<int> alternate) => Hash(alternate);
#endif

    private static int Hash(ReadOnlySpan<int> alternate)
    {
        var hash = new HashCode();
        foreach (var value in alternate)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
