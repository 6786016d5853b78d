using Configurator.Sessions;
using Configurator.Solving;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;

namespace Configurator.Orleans;

/// <summary>
/// Lets the library's immutable values cross a grain call as they are. Orleans copies every
/// argument and result of a call, and the JSON codec copies by writing and reading the whole value
/// (a session view is several kilobytes): under load that was about a tenth of a silo's CPU. These
/// types are immutable records of immutable parts (equatable arrays and dictionaries, strings,
/// numbers), so the original is its own copy, as Orleans does for types marked immutable.
/// </summary>
internal sealed class ImmutableResultCopier : IGeneralizedCopier
{
    private static readonly HashSet<Type> Types =
    [
        typeof(SessionState), typeof(ChoiceResult), typeof(CustomerChoice), typeof(Explanation), typeof(SessionDocument), typeof(Selection),
    ];

    /// <summary>Whether values of <paramref name="type"/> are passed as they are.</summary>
    public static bool IsImmutable(Type type) => Types.Contains(type);

    public bool IsSupportedType(Type type) => IsImmutable(type);

    public object? DeepCopy(object? input, CopyContext context) => input;
}
