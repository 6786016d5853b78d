using System.Buffers;
using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;

namespace Configurator.Orleans;

// The wire format of a session's results: each value as one run of bytes in a fixed field order,
// written by WireWriter and read by WireReader. Integers are 7-bit variable-length (signed ones
// zigzagged), text is UTF-8 behind its length plus one (0 for null), a list is its count and then
// its items, an optional value a flag byte and then the value. A result is one Orleans field, so
// Orleans tracks no reference and writes no header for the dozens of objects inside it (the
// generated surrogates did both for every module, option and string: about a third of a silo's
// serialization and most of a client's reading). Every node of a cluster runs the same version of
// this package, and the first byte names the format so that a mismatch is an error, not a
// misreading.

/// <summary>Writes one item of a list.</summary>
internal delegate void Writes<in T>(ref WireWriter writer, T value);

/// <summary>Writes results into a pooled buffer; <see cref="Dispose"/> returns it.</summary>
internal ref struct WireWriter
{
    public const byte Format = 1;

    private byte[] _buffer;
    private int _position;

    public WireWriter()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(4096);
        _position = 0;
        Byte(Format);
    }

    /// <summary>What has been written.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _position);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    public void Byte(byte value) => Take(1)[0] = value;

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void UInt(uint value)
    {
        while (value >= 0x80)
        {
            Byte(unchecked((byte)(value | 0x80)));
            value >>= 7;
        }

        Byte((byte)value);
    }

    public void Int(int value) => UInt(unchecked((uint)((value << 1) ^ (value >> 31))));

    public void Count(int count) => UInt((uint)count);

    public void Text(string? value)
    {
        if (value is null)
        {
            UInt(0);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        UInt((uint)length + 1);
        Encoding.UTF8.GetBytes(value, Take(length));
    }

    public void Texts(EquatableArray<string> values) => Items(values, static (ref WireWriter w, string value) => w.Text(value));

    public void Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        unchecked
        {
            UInt((uint)bits[0]);
            UInt((uint)bits[1]);
            UInt((uint)bits[2]);
            UInt((uint)bits[3] >> 16); // the scale and, in bit 15, the sign
        }
    }

    public void Decimal(decimal? value)
    {
        Bool(value.HasValue);
        if (value is { } amount)
        {
            Decimal(amount);
        }
    }

    public void Money(Money value)
    {
        Decimal(value.Amount);
        Text(value.Currency);
    }

    public void Choice(CustomerChoice value)
    {
        Byte((byte)value.Kind);
        Text(value.ModuleId);
        Texts(value.OptionIds);
        Byte((byte)value.Origin);
    }

    public void Choices(EquatableArray<CustomerChoice> values) => Items(values, static (ref WireWriter w, CustomerChoice value) => w.Choice(value));

    public void Explanation(Explanation value)
    {
        Text(value.ModuleId);
        Text(value.OptionId);
        Choices(value.Choices);
        Items(value.Constraints, static (ref WireWriter w, ExplainedConstraint constraint) =>
        {
            w.Text(constraint.ConstraintId);
            w.Text(constraint.Message);
        });

        Texts(value.Selections);
        Text(value.Message);
    }

    public void Diagnosis(Diagnosis value)
    {
        Choices(value.ChoicesToDrop);
        Texts(value.Selections);
    }

    public void Selection(Selection value)
    {
        Map(value.Choices);
        Map(value.Included);
        Map(value.Excluded);
    }

    public void PriceRange(PriceRange value)
    {
        Money(value.Min);
        Money(value.Max);
        Selection(value.Cheapest);
        Selection(value.Dearest);
    }

    public void PriceBreakdown(PriceBreakdown value)
    {
        Items(value.Lines, static (ref WireWriter w, PriceLine line) =>
        {
            w.Byte((byte)line.Kind);
            w.Text(line.Id);
            w.Text(line.Label);
            w.Decimal(line.Amount);
        });

        Money(value.Total);
    }

    public void Attribute(AttributeState value)
    {
        Text(value.AttributeId);
        Text(value.Name);
        Text(value.Unit);
        Decimal(value.Min);
        Decimal(value.Max);
        Decimal(value.Value);
    }

    public void Option(OptionState value)
    {
        Text(value.OptionId);
        Text(value.Name);
        Bool(value.IsAvailable);
        Bool(value.IsSelected);
        Byte((byte)value.Source);
        Bool(value.PriceDifference.HasValue);
        if (value.PriceDifference is { } difference)
        {
            Money(difference);
        }

        Optional(value.Reason, static (ref WireWriter w, Explanation reason) => w.Explanation(reason));
    }

    public void Module(ModuleState value)
    {
        Text(value.ModuleId);
        Text(value.Name);
        Int(value.Min);
        Int(value.Max);
        Items(value.Options, static (ref WireWriter w, OptionState option) => w.Option(option));

        Texts(value.SelectedOptionIds);
        Byte((byte)value.Source);
        Bool(value.IsDecided);
    }

    public void State(SessionState value)
    {
        Text(value.SessionId);
        Text(value.ModelId);
        Text(value.ModelVersion);
        Int(value.Step);
        Items(value.Modules, static (ref WireWriter w, ModuleState module) => w.Module(module));

        Choices(value.Choices);
        Bool(value.Completions.HasValue);
        if (value.Completions is { } completions)
        {
            var length = completions.GetByteCount();
            Count(length);
            completions.TryWriteBytes(Take(length), out _);
        }

        Optional(value.Configuration, static (ref WireWriter w, Selection configuration) => w.Selection(configuration));
        Text(value.PresetId);
        Optional(value.Price, static (ref WireWriter w, PriceRange price) => w.PriceRange(price));
        Optional(value.Breakdown, static (ref WireWriter w, PriceBreakdown breakdown) => w.PriceBreakdown(breakdown));

        Items(value.Attributes, static (ref WireWriter w, AttributeState attribute) => w.Attribute(attribute));
    }

    public void Result(ChoiceResult value)
    {
        Bool(value.Applied);
        Choice(value.Choice);
        Items(value.Diagnoses, static (ref WireWriter w, Diagnosis diagnosis) => w.Diagnosis(diagnosis));

        Optional(value.Explanation, static (ref WireWriter w, Explanation explanation) => w.Explanation(explanation));
        State(value.State);
    }

    /// <summary>An optional value: a flag, then the value as <paramref name="write"/> writes it when there is one.</summary>
    private void Optional<T>(T? value, Writes<T> write)
        where T : class
    {
        Bool(value is not null);
        if (value is not null)
        {
            write(ref this, value);
        }
    }

    private void Map(EquatableDictionary<EquatableArray<string>> map) =>
        Items<KeyValuePair<string, EquatableArray<string>>>(map.Entries, static (ref WireWriter w, KeyValuePair<string, EquatableArray<string>> entry) =>
        {
            w.Text(entry.Key);
            w.Texts(entry.Value);
        });

    /// <summary>A list: its count, then each item as <paramref name="write"/> writes it.</summary>
    private void Items<T>(EquatableArray<T> items, Writes<T> write)
    {
        Count(items.Count);
        foreach (var item in items)
        {
            write(ref this, item);
        }
    }

    private Span<byte> Take(int count)
    {
        if (_position + count > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _position + count));
            _buffer.AsSpan(0, _position).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var span = _buffer.AsSpan(_position, count);
        _position += count;
        return span;
    }
}

/// <summary>Reads one item of a list.</summary>
internal delegate T Reads<out T>(ref WireReader reader);

/// <summary>Reads what <see cref="WireWriter"/> wrote; damaged bytes end in <see cref="InvalidDataException"/>.</summary>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _position;

    public WireReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _position = 0;
        var format = Byte();
        if (format != WireWriter.Format)
        {
            throw new InvalidDataException($"A session result in wire format {format} reached a node that reads format {WireWriter.Format}: every node of a cluster needs the same version of Configurator.Orleans.");
        }
    }

    /// <summary>Whether every byte was read.</summary>
    public readonly bool AtEnd => _position == _bytes.Length;

    public byte Byte()
    {
        if (_position >= _bytes.Length)
        {
            throw Damaged();
        }

        return _bytes[_position++];
    }

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        _ => throw Damaged(),
    };

    public uint UInt()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Byte();
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Damaged();
    }

    public int Int()
    {
        var value = UInt();
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    /// <summary>A count of items that each take at least a byte, so no damaged count allocates more than the message holds.</summary>
    public int Count()
    {
        var count = UInt();
        return count <= (uint)(_bytes.Length - _position) ? (int)count : throw Damaged();
    }

    public string? NullableText()
    {
        var length = UInt();
        if (length == 0)
        {
            return null;
        }

        return WireStrings.Get(Take(Checked(length - 1)));
    }

    public string Text() => NullableText() ?? throw Damaged();

    public EquatableArray<string> Texts() => ImmutableCollectionsMarshal.AsImmutableArray(Items(static (ref WireReader r) => r.Text()));

    public decimal Decimal()
    {
        Span<int> bits = [unchecked((int)UInt()), unchecked((int)UInt()), unchecked((int)UInt()), unchecked((int)(UInt() << 16))];
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException)
        {
            throw Damaged();
        }
    }

    public decimal? NullableDecimal() => Bool() ? Decimal() : null;

    public Money Money() => new(Decimal(), Text());

    public CustomerChoice Choice() => new((ChoiceKind)Byte(), Text(), Texts()) { Origin = (ChoiceOrigin)Byte() };

    public EquatableArray<CustomerChoice> Choices() => ImmutableCollectionsMarshal.AsImmutableArray(Items(static (ref WireReader r) => r.Choice()));

    public Explanation Explanation()
    {
        var moduleId = Text();
        var optionId = Text();
        var choices = Choices();
        var constraints = Items(static (ref WireReader r) => new ExplainedConstraint(r.Text(), r.Text()));
        return new(moduleId, optionId, choices, ImmutableCollectionsMarshal.AsImmutableArray(constraints), Texts(), Text());
    }

    public Diagnosis Diagnosis() => new(Choices(), Texts());

    public Selection Selection() => new(Map()) { Included = Map(), Excluded = Map() };

    public PriceRange PriceRange() => new(Money(), Money(), Selection(), Selection());

    public PriceBreakdown PriceBreakdown()
    {
        var lines = Items(static (ref WireReader r) => new PriceLine((PriceLineKind)r.Byte(), r.Text(), r.Text(), r.Decimal()));
        return new(ImmutableCollectionsMarshal.AsImmutableArray(lines), Money());
    }

    public AttributeState Attribute() => new(Text(), Text(), NullableText(), NullableDecimal(), NullableDecimal(), NullableDecimal());

    public OptionState Option()
    {
        var optionId = Text();
        var name = Text();
        var isAvailable = Bool();
        var isSelected = Bool();
        var source = (SelectionSource)Byte();
        var difference = Bool() ? Money() : (Money?)null;
        return new(optionId, name, isAvailable, isSelected, source) { PriceDifference = difference, Reason = Bool() ? Explanation() : null };
    }

    public ModuleState Module()
    {
        var moduleId = Text();
        var name = Text();
        var min = Int();
        var max = Int();
        var options = Items(static (ref WireReader r) => r.Option());
        return new(moduleId, name, min, max, ImmutableCollectionsMarshal.AsImmutableArray(options), Texts(), (SelectionSource)Byte(), Bool());
    }

    public SessionState State()
    {
        var sessionId = Text();
        var modelId = Text();
        var modelVersion = NullableText();
        var step = Int();
        var modules = Items(static (ref WireReader r) => r.Module());
        var choices = Choices();
        var completions = Bool() ? new BigInteger(Take(Count())) : (BigInteger?)null;
        var configuration = Bool() ? Selection() : null;
        var presetId = NullableText();
        var price = Bool() ? PriceRange() : null;
        var breakdown = Bool() ? PriceBreakdown() : null;
        var attributes = Items(static (ref WireReader r) => r.Attribute());
        return new(sessionId, modelId, modelVersion, step, ImmutableCollectionsMarshal.AsImmutableArray(modules), choices, completions, configuration)
        {
            PresetId = presetId,
            Price = price,
            Breakdown = breakdown,
            Attributes = ImmutableCollectionsMarshal.AsImmutableArray(attributes),
        };
    }

    public ChoiceResult Result()
    {
        var applied = Bool();
        var choice = Choice();
        var diagnoses = Items(static (ref WireReader r) => r.Diagnosis());
        var explanation = Bool() ? Explanation() : null;
        return new(applied, choice, ImmutableCollectionsMarshal.AsImmutableArray(diagnoses), explanation, State());
    }

    private EquatableDictionary<EquatableArray<string>> Map()
    {
        var entries = Items(static (ref WireReader r) => KeyValuePair.Create(r.Text(), r.Texts()));
        return entries.Length == 0 ? default : new(entries);
    }

    /// <summary>A list: its count, then each item as <paramref name="read"/> reads it.</summary>
    private T[] Items<T>(Reads<T> read)
    {
        var count = Count();
        if (count == 0)
        {
            return [];
        }

        var items = new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(ref this);
        }

        return items;
    }

    private int Checked(uint length) => length <= (uint)(_bytes.Length - _position) ? (int)length : throw Damaged();

    private ReadOnlySpan<byte> Take(int count)
    {
        var span = _bytes.Slice(_position, Checked((uint)count));
        _position += count;
        return span;
    }

    private readonly InvalidDataException Damaged() =>
        new($"A session result's bytes are damaged at byte {_position} of {_bytes.Length}.");
}

/// <summary>
/// The strings a node reads, shared: a session's results repeat the same ids, names and currency
/// step after step, so a client reading thousands of steps a second would otherwise allocate each
/// of them again. Short strings are looked up by their characters, decoded on the stack, in a
/// table shared across threads that starts afresh when it reaches <see cref="MostKept"/> entries
/// (a client that reads many models, or a model's worth of names, keeps what it reads now). On
/// .NET 8, which has no lookup by characters, each string is decoded anew.
/// </summary>
internal static class WireStrings
{
    /// <summary>The longest string kept, in UTF-8 bytes; a longer one (a message, an explanation) is decoded each time.</summary>
    public const int LongestKept = 128;

    /// <summary>How many strings the table holds before it starts afresh.</summary>
    public const int MostKept = 100_000;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#if NET9_0_OR_GREATER
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Table = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByCharacters =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int _added;
#endif

    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        try
        {
#if NET9_0_OR_GREATER
            if (utf8.Length <= LongestKept)
            {
                Span<char> characters = stackalloc char[LongestKept];
                var text = characters[..Strict.GetChars(utf8, characters)];
                if (ByCharacters.TryGetValue(text, out var known))
                {
                    return known;
                }

                if (Interlocked.Increment(ref _added) > MostKept)
                {
                    Table.Clear();
                    Interlocked.Exchange(ref _added, 0);
                }

                var kept = new string(text);
                return Table.GetOrAdd(kept, kept);
            }
#endif
            return Strict.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("A session result holds text that is not UTF-8.");
        }
    }
}
