namespace Configurator.Tests;

/// <summary>
/// Tests that assert how soon something happens (a cancellation, a signal) run alone, after the
/// parallel ones: on a 2-core machine busy with other tests their clocks measure the neighbours.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingTests
{
    public const string Name = "Timing";
}
