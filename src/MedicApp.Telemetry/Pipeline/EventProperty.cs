using System;
using System.Globalization;

namespace MedicApp.Telemetry;

/// <summary>
/// One property of a tracked event after its privacy policy: the value is stored typed, so nothing is formatted
/// (or allocated) before a sink needs the text.
/// </summary>
public readonly struct EventProperty
{
    private readonly string? _text;
    private readonly EventNumber _number;
    private readonly Guid _guid;
    private readonly DateTimeOffset _timestamp;

    private EventProperty(string name, EventValueKind kind, string? text, EventNumber number, Guid guid, DateTimeOffset timestamp)
    {
        Name = name;
        Kind = kind;
        _text = text;
        _number = number;
        _guid = guid;
        _timestamp = timestamp;
    }

    /// <summary>Gets the snake_case key.</summary>
    public string Name { get; }

    /// <summary>Gets how the value is stored.</summary>
    public EventValueKind Kind { get; }

    /// <summary>
    /// Gets the value of a <see cref="EventValueKind.Number"/> property as a double, which rounds an integer beyond
    /// 2^53 and most decimals: <see cref="FormatValue"/> gives the exact text that is sent.
    /// </summary>
    public double Number => _number.ToDouble();

    /// <summary>Creates a text dimension.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The text as it is sent.</param>
    /// <returns>The property.</returns>
    public static EventProperty FromText(string name, string value) => new(name, EventValueKind.Text, value, default, default, default);

    /// <summary>Creates an integer, sent exactly.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The number.</param>
    /// <returns>The property.</returns>
    public static EventProperty FromNumber(string name, long value) => FromNumber(name, EventNumber.From(value));

    /// <summary>Creates an unsigned integer, sent exactly.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The number.</param>
    /// <returns>The property.</returns>
    public static EventProperty FromNumber(string name, ulong value) => FromNumber(name, EventNumber.From(value));

    /// <summary>Creates a float, sent in its own shortest round-trip form.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">A finite number.</param>
    /// <returns>The property.</returns>
    public static EventProperty FromNumber(string name, float value) => FromNumber(name, EventNumber.From(value));

    /// <summary>Creates a double, sent in its shortest round-trip form.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">A finite number.</param>
    /// <returns>The property.</returns>
    public static EventProperty FromNumber(string name, double value) => FromNumber(name, EventNumber.From(value));

    /// <summary>Creates a decimal, sent with its digits as they are, without an exponent.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The number.</param>
    /// <returns>The property.</returns>
    public static EventProperty FromNumber(string name, decimal value) => FromNumber(name, EventNumber.From(value));

    /// <summary>Creates a Guid dimension.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The Guid.</param>
    /// <returns>The property.</returns>
    public static EventProperty FromGuid(string name, Guid value) => new(name, EventValueKind.Guid, null, default, value, default);

    /// <summary>Creates a timestamp dimension.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The point in time.</param>
    /// <returns>The property.</returns>
    public static EventProperty FromTimestamp(string name, DateTimeOffset value) => new(name, EventValueKind.Timestamp, null, default, default, value);

    /// <summary>Formats the value exactly as every sink sends it: numbers in the invariant culture, as they were tracked.</summary>
    /// <returns>The text sent for the property.</returns>
    public string FormatValue() => Kind switch
    {
        EventValueKind.Text => _text!,
        EventValueKind.Guid => _guid.ToString("D"),
        EventValueKind.Timestamp => _timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        _ => _number.Format(),
    };

    /// <inheritdoc/>
    public override string ToString() => Name + "=" + FormatValue();

    private static EventProperty FromNumber(string name, EventNumber number) => new(name, EventValueKind.Number, null, number, default, default);
}
