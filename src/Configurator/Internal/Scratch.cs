using System.Buffers;

namespace Configurator.Internal;

/// <summary>
/// A cleared array of at least <c>length</c> items from the shared pool, returned on dispose: the
/// per-node buffers of a diagram pass, which on large models are big enough that allocating them
/// each time lands on the large-object heap.
/// </summary>
internal readonly ref struct Scratch<T>
{
    public Scratch(int length)
    {
        Items = ArrayPool<T>.Shared.Rent(length);
        Array.Clear(Items, 0, length);
    }

    public T[] Items { get; }

    public void Dispose() => ArrayPool<T>.Shared.Return(Items);
}
