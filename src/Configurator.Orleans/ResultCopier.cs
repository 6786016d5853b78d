using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;
using Orleans.Serialization.Cloning;

namespace Configurator.Orleans;

/// <summary>
/// The results are immutable, so a call between grains in one silo passes them as they are: without
/// these, Orleans would copy them through their codecs (what <see cref="ImmutableResultCopier"/>
/// did for the JSON codec).
/// </summary>
[RegisterCopier]
internal sealed class ResultCopier :
    IDeepCopier<CustomerChoice>, IDeepCopier<OptionState>, IDeepCopier<ModuleState>, IDeepCopier<SessionState>, IDeepCopier<AttributeState>,
    IDeepCopier<ChoiceResult>, IDeepCopier<Diagnosis>, IDeepCopier<Explanation>, IDeepCopier<Selection>, IDeepCopier<PriceRange>, IDeepCopier<PriceBreakdown>,
    IOptionalDeepCopier
{
    public CustomerChoice? DeepCopy(CustomerChoice? input, CopyContext context) => input;

    public OptionState? DeepCopy(OptionState? input, CopyContext context) => input;

    public ModuleState? DeepCopy(ModuleState? input, CopyContext context) => input;

    public SessionState? DeepCopy(SessionState? input, CopyContext context) => input;

    public AttributeState? DeepCopy(AttributeState? input, CopyContext context) => input;

    public ChoiceResult? DeepCopy(ChoiceResult? input, CopyContext context) => input;

    public Diagnosis? DeepCopy(Diagnosis? input, CopyContext context) => input;

    public Explanation? DeepCopy(Explanation? input, CopyContext context) => input;

    public Selection? DeepCopy(Selection? input, CopyContext context) => input;

    public PriceRange? DeepCopy(PriceRange? input, CopyContext context) => input;

    public PriceBreakdown? DeepCopy(PriceBreakdown? input, CopyContext context) => input;

    public object? DeepCopy(object? input, CopyContext context) => input;

    public bool IsShallowCopyable() => true;
}

/// <summary>The result types with a codec of their own (<see cref="ResultCodec{T}"/>).</summary>
internal static class ResultTypes
{
    /// <summary>The library's result types that cross the cluster in the wire format of ResultWire.cs, not as JSON: those <see cref="ResultCopier"/> passes as they are.</summary>
    public static readonly HashSet<Type> Types =
    [
        .. typeof(ResultCopier).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDeepCopier<>))
            .Select(i => i.GetGenericArguments()[0]),
    ];
}
