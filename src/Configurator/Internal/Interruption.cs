using System.Runtime.CompilerServices;

namespace Configurator.Internal;

/// <summary>
/// Cooperative cancellation for the solver's long loops without a token in every internal
/// signature: a public entry point that takes a <see cref="CancellationToken"/> opens a scope on
/// its thread, and the loops that can run for seconds (propagation, each decision of the clause
/// search, diagram levels, price-range states) poll it. A poll reads the token each time: some
/// units of work between polls take tens of milliseconds on large models (a decision's component
/// analysis), so reading it only every few polls let a cancellation wait for a second.
/// Scopes nest: an inner call without a token keeps the outer one.
/// </summary>
internal static class Interruption
{
    [ThreadStatic]
    private static CancellationToken t_token;

    /// <summary>The token this thread watches, for work it hands to a thread of its own (a larger stack).</summary>
    public static CancellationToken Current => t_token;

    /// <summary>Watches <paramref name="token"/> on this thread until the scope is disposed.</summary>
    public static Scope Enter(CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        var outer = t_token;
        if (token.CanBeCanceled)
        {
            t_token = token;
        }

        return new Scope(outer);
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the scope's token was cancelled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Poll() => t_token.ThrowIfCancellationRequested();

    /// <summary>Restores the enclosing scope's token.</summary>
    public readonly struct Scope(CancellationToken outer) : IDisposable
    {
        public void Dispose() => t_token = outer;
    }
}
