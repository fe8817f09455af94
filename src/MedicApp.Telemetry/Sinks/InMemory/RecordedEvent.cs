using System;
using System.Collections.Generic;

namespace MedicApp.Telemetry;

/// <summary>One event kept by the <see cref="InMemoryEventSink"/>: the typed call and the exact values sent.</summary>
public sealed class RecordedEvent
{
    internal RecordedEvent(EventRecord record)
    {
        Definition = record.Definition;
        Timestamp = record.Timestamp;
        EventId = record.EventId;
        TypedEvent = record.TypedEvent!;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in record.Properties)
        {
            properties.Add(property.Name, property.FormatValue());
        }

        Properties = properties;
    }

    /// <summary>Gets the event name.</summary>
    public string Name => Definition.Name;

    /// <summary>Gets the definition of the event.</summary>
    public EventDefinition Definition { get; }

    /// <summary>Gets when the event was tracked.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the <c>event_id</c> of the event.</summary>
    public Guid EventId { get; }

    /// <summary>Gets the typed payload as passed to the tracking method (before the privacy policy).</summary>
    public object TypedEvent { get; }

    /// <summary>Gets the properties exactly as sent (<c>customDimensions</c>), SDK properties included.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Returns the typed payload.</summary>
    /// <typeparam name="TEvent">The generated payload type, such as <c>EventTracker.PatientRegisteredEvent</c>.</typeparam>
    /// <returns>The payload.</returns>
    /// <exception cref="InvalidOperationException">The event is of another type.</exception>
    public TEvent GetEvent<TEvent>()
        where TEvent : struct, ITelemetryEvent
        => TypedEvent is TEvent typed
            ? typed
            : throw new InvalidOperationException($"Event '{Name}' is a {TypedEvent.GetType().Name}, not a {typeof(TEvent).Name}.");

    /// <inheritdoc/>
    public override string ToString() => Name + " " + string.Join(' ', Properties);
}
