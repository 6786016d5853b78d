using System.Globalization;

namespace Configurator.Modeling;

/// <summary>What an option property holds.</summary>
public enum PropertyKind
{
    /// <summary>A decimal number, usable in arithmetic and sums.</summary>
    Number,

    /// <summary>A text, comparable with <c>==</c> and <c>!=</c>.</summary>
    Text,
}

/// <summary>The value of an option property: a decimal number or a text. Immutable.</summary>
public readonly record struct PropertyValue
{
    private PropertyValue(decimal number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>Whether this is a number or a text.</summary>
    public PropertyKind Kind => Text is null ? PropertyKind.Number : PropertyKind.Text;

    /// <summary>The number; <c>0</c> for a text.</summary>
    public decimal Number { get; }

    /// <summary>The text; <see langword="null"/> for a number.</summary>
    public string? Text { get; }

    /// <summary>A numeric value.</summary>
    /// <param name="value">The number.</param>
    public static PropertyValue FromNumber(decimal value) => new(value, null);

    /// <summary>A text value.</summary>
    /// <param name="value">The text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static PropertyValue FromText(string value) => new(0, Internal.Guard.NotNull(value));

    /// <summary>A numeric value.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator PropertyValue(decimal value) => FromNumber(value);

    /// <summary>A numeric value.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator PropertyValue(int value) => FromNumber(value);

    /// <summary>A text value.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator PropertyValue(string value) => FromText(value);

    /// <inheritdoc />
    public override string ToString() => Text is null ? Number.ToString(CultureInfo.InvariantCulture) : $"'{Text}'";
}
