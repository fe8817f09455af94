using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace MedicApp.Telemetry;

/// <summary>
/// One property of a tracked event after its privacy policy: the value is stored typed, so nothing is formatted
/// (or allocated) before a sink needs the text.
/// </summary>
public readonly struct EventProperty
{
    // A number keeps the type it was tracked with, so it is sent exactly: the bits of a long, ulong, float or double,
    // or a decimal in the 16 bytes of the Guid field. No overlapping layout: the JIT keeps this struct cheap to copy.
    private readonly string? _text;
    private readonly ulong _numberBits;
    private readonly Guid _guid;
    private readonly DateTimeOffset _timestamp;
    private readonly NumberType _numberType;

    private EventProperty(string name, EventValueKind kind, string? text, ulong numberBits, NumberType numberType, Guid guid, DateTimeOffset timestamp)
    {
        Name = name;
        Kind = kind;
        _text = text;
        _numberBits = numberBits;
        _numberType = numberType;
        _guid = guid;
        _timestamp = timestamp;
    }

    private enum NumberType : byte
    {
        Double,
        Int64,
        UInt64,
        Single,
        Decimal,

        // A number read back from its sent text (an outbox row): sent again as that text, unchanged.
        Text,
    }

    /// <summary>Gets the snake_case key.</summary>
    public string Name { get; }

    /// <summary>Gets how the value is stored.</summary>
    public EventValueKind Kind { get; }

    /// <summary>
    /// Gets the value of a <see cref="EventValueKind.Number"/> property as a double, which rounds an integer beyond
    /// 2^53 and most decimals: <see cref="FormatValue"/> gives the exact text that is sent.
    /// </summary>
    public double Number => _numberType switch
    {
        NumberType.Int64 => (long)_numberBits,
        NumberType.UInt64 => _numberBits,
        NumberType.Single => BitConverter.UInt32BitsToSingle((uint)_numberBits),
        NumberType.Decimal => (double)Unsafe.BitCast<Guid, decimal>(_guid),
        NumberType.Text => double.Parse(_text!, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => BitConverter.UInt64BitsToDouble(_numberBits),
    };

    /// <summary>Creates a text dimension.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The text as it is sent.</param>
    /// <returns>The property.</returns>
    internal static EventProperty FromText(string name, string value) => new(name, EventValueKind.Text, value, 0, default, default, default);

    /// <summary>Creates an integer, sent exactly.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The number.</param>
    /// <returns>The property.</returns>
    internal static EventProperty FromNumber(string name, long value) => NumberOf(name, (ulong)value, NumberType.Int64);

    /// <summary>Creates an unsigned integer, sent exactly.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The number.</param>
    /// <returns>The property.</returns>
    internal static EventProperty FromNumber(string name, ulong value) => NumberOf(name, value, NumberType.UInt64);

    /// <summary>Creates a float, sent in its own shortest round-trip form.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">A finite number.</param>
    /// <returns>The property.</returns>
    internal static EventProperty FromNumber(string name, float value) => NumberOf(name, BitConverter.SingleToUInt32Bits(value), NumberType.Single);

    /// <summary>Creates a double, sent in its shortest round-trip form.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">A finite number.</param>
    /// <returns>The property.</returns>
    internal static EventProperty FromNumber(string name, double value) => NumberOf(name, BitConverter.DoubleToUInt64Bits(value), NumberType.Double);

    /// <summary>Creates a decimal, sent with its digits as they are, without an exponent.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The number.</param>
    /// <returns>The property.</returns>
    internal static EventProperty FromNumber(string name, decimal value)
        => new(name, EventValueKind.Number, null, 0, NumberType.Decimal, Unsafe.BitCast<decimal, Guid>(value), default);

    /// <summary>Creates a number from the text it was sent as, to send it again unchanged.</summary>
    /// <param name="name">The key.</param>
    /// <param name="text">A JSON number, as <see cref="FormatValue"/> wrote it.</param>
    /// <returns>The property.</returns>
    internal static EventProperty FromNumberText(string name, string text) => new(name, EventValueKind.Number, text, 0, NumberType.Text, default, default);

    /// <summary>Creates a Guid dimension.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The Guid.</param>
    /// <returns>The property.</returns>
    internal static EventProperty FromGuid(string name, Guid value) => new(name, EventValueKind.Guid, null, 0, default, value, default);

    /// <summary>Creates a timestamp dimension.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The point in time.</param>
    /// <returns>The property.</returns>
    internal static EventProperty FromTimestamp(string name, DateTimeOffset value) => new(name, EventValueKind.Timestamp, null, 0, default, default, value);

    /// <summary>Formats the value exactly as every sink sends it: numbers in the invariant culture, as they were tracked.</summary>
    /// <returns>The text sent for the property.</returns>
    public string FormatValue() => Kind switch
    {
        EventValueKind.Text => _text!,
        EventValueKind.Guid => _guid.ToString("D"),
        EventValueKind.Timestamp => _timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        _ => _numberType switch
        {
            NumberType.Int64 => ((long)_numberBits).ToString(CultureInfo.InvariantCulture),
            NumberType.UInt64 => _numberBits.ToString(CultureInfo.InvariantCulture),
            NumberType.Single => BitConverter.UInt32BitsToSingle((uint)_numberBits).ToString("R", CultureInfo.InvariantCulture),
            NumberType.Decimal => Unsafe.BitCast<Guid, decimal>(_guid).ToString(CultureInfo.InvariantCulture),
            NumberType.Text => _text!,
            _ => BitConverter.UInt64BitsToDouble(_numberBits).ToString("R", CultureInfo.InvariantCulture),
        },
    };

    /// <inheritdoc/>
    public override string ToString() => Name + "=" + FormatValue();

    private static EventProperty NumberOf(string name, ulong bits, NumberType type) => new(name, EventValueKind.Number, null, bits, type, default, default);
}
