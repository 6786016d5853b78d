using Configurator.Sessions;
using Configurator.Solving;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;

namespace Configurator.Orleans;

/// <summary>
/// Lets the saved session document cross a grain call as it is. Orleans copies every argument and
/// result of a call, and the JSON codec copies by writing and reading the whole value. The document
/// is an immutable record of immutable parts, so the original is its own copy, as Orleans does for
/// types marked immutable. The session results with codecs of their own pass as they are through
/// <see cref="ResultCopier"/>.
/// </summary>
internal sealed class ImmutableResultCopier : IGeneralizedCopier
{
    /// <summary>Whether values of <paramref name="type"/> are passed as they are (by this copier or <see cref="ResultCopier"/>).</summary>
    public static bool IsImmutable(Type type) => type == typeof(SessionDocument) || ResultTypes.Types.Contains(type);

    public bool IsSupportedType(Type type) => type == typeof(SessionDocument);

    public object? DeepCopy(object? input, CopyContext context) => input;
}
