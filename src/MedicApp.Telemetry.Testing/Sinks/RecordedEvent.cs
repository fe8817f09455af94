using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MedicApp.Telemetry.Testing;

/// <summary>
/// One event kept by the <see cref="InMemoryEventSink"/>, as it would have been sent: its properties after their privacy
/// policy, read as text or typed, and asserted on.
/// </summary>
public sealed class RecordedEvent
{
    private readonly Dictionary<string, string> _properties;

    internal RecordedEvent(EventRecord record)
    {
        Definition = record.Definition;
        Timestamp = record.Timestamp;
        EventId = record.EventId;
        _properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in record.Properties)
        {
            _properties.Add(property.Name, property.FormatValue());
        }
    }

    /// <summary>Gets the event name.</summary>
    public string Name => Definition.Name;

    /// <summary>Gets the definition of the event.</summary>
    public EventDefinition Definition { get; }

    /// <summary>Gets when the event was tracked.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the <c>event_id</c> of the event.</summary>
    public Guid EventId { get; }

    /// <summary>Gets the properties exactly as sent (<c>customDimensions</c>), SDK properties included.</summary>
    public IReadOnlyDictionary<string, string> Properties => _properties;

    /// <summary>Gets or sets whether an assertion of the sink returned this event.</summary>
    internal bool IsExpected { get; set; }

    /// <summary>
    /// Reads a property as <typeparamref name="T"/>: <see cref="string"/>, a number, <see cref="bool"/>, <see cref="Guid"/>,
    /// <see cref="DateTimeOffset"/>, or <see cref="TimeSpan"/> for a duration (sent in milliseconds).
    /// </summary>
    /// <typeparam name="T">The type to read the sent text as, in the invariant culture.</typeparam>
    /// <param name="name">The snake_case property name, as sent (<c>lead_time_ms</c> for a duration).</param>
    /// <returns>The value.</returns>
    /// <exception cref="TelemetryAssertException">The event has no such property, or its text is no <typeparamref name="T"/>.</exception>
    public T GetProperty<T>(string name)
        where T : IParsable<T>
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_properties.TryGetValue(name, out var text))
        {
            throw new TelemetryAssertException($"'{Name}' has no property '{name}': {this}");
        }

        // TimeSpan would parse "1500" as days: a duration is sent as a number of milliseconds.
        if (typeof(T) == typeof(TimeSpan) && Definition.FindProperty(name)?.Type == PropertyType.TimeSpan
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return (T)(object)TimeSpan.FromMilliseconds(milliseconds);
        }

        return T.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TelemetryAssertException($"'{Name}.{name}' is '{text}', which is not a {typeof(T).Name}.");
    }

    /// <summary>Asserts that a property was sent with the value <paramref name="expected"/>.</summary>
    /// <typeparam name="T">The type to compare as; see <see cref="GetProperty{T}"/>.</typeparam>
    /// <param name="name">The snake_case property name.</param>
    /// <param name="expected">The value expected.</param>
    /// <returns>This event, to chain assertions.</returns>
    /// <exception cref="TelemetryAssertException">The property is missing or has another value.</exception>
    public RecordedEvent AssertProperty<T>(string name, T expected)
        where T : IParsable<T>
    {
        var actual = GetProperty<T>(name);
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            throw new TelemetryAssertException($"Expected '{Name}.{name}' to be '{Format(expected)}', but it was '{_properties[name]}'.");
        }

        return this;
    }

    /// <summary>Asserts that a property was not sent (an optional property left null).</summary>
    /// <param name="name">The snake_case property name.</param>
    /// <returns>This event, to chain assertions.</returns>
    /// <exception cref="TelemetryAssertException">The property was sent.</exception>
    public RecordedEvent AssertNoProperty(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _properties.TryGetValue(name, out var text)
            ? throw new TelemetryAssertException($"Expected '{Name}' without '{name}', but it was sent as '{text}'.")
            : this;
    }

    /// <inheritdoc/>
    public override string ToString() => Name + " " + string.Join(' ', _properties.Select(static p => p.Key + "=" + p.Value));

    private static string? Format<T>(T value) => value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
}
