using System.Buffers;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace Configurator.Orleans;

/// <summary>
/// An Orleans codec for one of the library's result types: the value crosses as one length-prefixed
/// field holding its bytes in the wire format of ResultWire.cs.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
internal abstract class ResultCodec<T> : IFieldCodec<T>
    where T : class
{
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, T? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        var wire = new WireWriter();
        try
        {
            Write(ref wire, value);
            writer.WriteFieldHeader(fieldIdDelta, expectedType, typeof(T), WireType.LengthPrefixed);
            writer.WriteVarUInt32((uint)wire.Written.Length);
            writer.Write(wire.Written);
        }
        finally
        {
            wire.Dispose();
        }
    }

    public T? ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<T, TInput>(ref reader, field);
        }

        field.EnsureWireType(WireType.LengthPrefixed);
        var length = reader.ReadVarUInt32();

        // A message is usually one buffer, read in place; across buffers Orleans copies it out.
        ReadOnlySpan<byte> bytes = length <= int.MaxValue && reader.TryReadBytes((int)length, out var inPlace) ? inPlace : reader.ReadBytes(length);
        var wire = new WireReader(bytes);
        var value = Read(ref wire);
        if (!wire.AtEnd)
        {
            throw new InvalidDataException($"A {typeof(T).Name} on the wire has bytes after its end.");
        }

        ReferenceCodec.RecordObject(reader.Session, value);
        return value;
    }

    protected abstract void Write(ref WireWriter wire, T value);

    protected abstract T Read(ref WireReader wire);
}

[RegisterSerializer]
internal sealed class SessionStateCodec : ResultCodec<SessionState>
{
    protected override void Write(ref WireWriter wire, SessionState value) => wire.State(value);

    protected override SessionState Read(ref WireReader wire) => wire.State();
}

[RegisterSerializer]
internal sealed class ChoiceResultCodec : ResultCodec<ChoiceResult>
{
    protected override void Write(ref WireWriter wire, ChoiceResult value) => wire.Result(value);

    protected override ChoiceResult Read(ref WireReader wire) => wire.Result();
}

[RegisterSerializer]
internal sealed class ModuleStateCodec : ResultCodec<ModuleState>
{
    protected override void Write(ref WireWriter wire, ModuleState value) => wire.Module(value);

    protected override ModuleState Read(ref WireReader wire) => wire.Module();
}

[RegisterSerializer]
internal sealed class OptionStateCodec : ResultCodec<OptionState>
{
    protected override void Write(ref WireWriter wire, OptionState value) => wire.Option(value);

    protected override OptionState Read(ref WireReader wire) => wire.Option();
}

[RegisterSerializer]
internal sealed class AttributeStateCodec : ResultCodec<AttributeState>
{
    protected override void Write(ref WireWriter wire, AttributeState value) => wire.Attribute(value);

    protected override AttributeState Read(ref WireReader wire) => wire.Attribute();
}

[RegisterSerializer]
internal sealed class CustomerChoiceCodec : ResultCodec<CustomerChoice>
{
    protected override void Write(ref WireWriter wire, CustomerChoice value) => wire.Choice(value);

    protected override CustomerChoice Read(ref WireReader wire) => wire.Choice();
}

[RegisterSerializer]
internal sealed class DiagnosisCodec : ResultCodec<Diagnosis>
{
    protected override void Write(ref WireWriter wire, Diagnosis value) => wire.Diagnosis(value);

    protected override Diagnosis Read(ref WireReader wire) => wire.Diagnosis();
}

[RegisterSerializer]
internal sealed class ExplanationCodec : ResultCodec<Explanation>
{
    protected override void Write(ref WireWriter wire, Explanation value) => wire.Explanation(value);

    protected override Explanation Read(ref WireReader wire) => wire.Explanation();
}

[RegisterSerializer]
internal sealed class SelectionCodec : ResultCodec<Selection>
{
    protected override void Write(ref WireWriter wire, Selection value) => wire.Selection(value);

    protected override Selection Read(ref WireReader wire) => wire.Selection();
}

[RegisterSerializer]
internal sealed class PriceRangeCodec : ResultCodec<PriceRange>
{
    protected override void Write(ref WireWriter wire, PriceRange value) => wire.PriceRange(value);

    protected override PriceRange Read(ref WireReader wire) => wire.PriceRange();
}

[RegisterSerializer]
internal sealed class PriceBreakdownCodec : ResultCodec<PriceBreakdown>
{
    protected override void Write(ref WireWriter wire, PriceBreakdown value) => wire.PriceBreakdown(value);

    protected override PriceBreakdown Read(ref WireReader wire) => wire.PriceBreakdown();
}
