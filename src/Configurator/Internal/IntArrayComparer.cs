namespace Configurator.Internal;

/// <summary>Compares int arrays by content; used to key states by the values of a frontier.</summary>
internal sealed class IntArrayComparer : IEqualityComparer<int[]>
{
    public static readonly IntArrayComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] obj)
    {
        var hash = new HashCode();
        foreach (var value in obj)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
