#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>
/// .NET 8 stand-in for the .NET 9 lock type, so that <c>lock (gate)</c> reads the same on both
/// targets: the compiler turns it into <see cref="EnterScope"/>, here a monitor lock on the object.
/// </summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    public readonly ref struct Scope(object monitor)
    {
        public void Dispose() => Monitor.Exit(monitor);
    }
}
#endif
