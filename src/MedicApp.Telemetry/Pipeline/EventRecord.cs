using System;
using System.Text;

namespace MedicApp.Telemetry;

/// <summary>
/// One tracked event as the sinks receive it: name, time, id and the properties after their privacy policy.
/// The pipeline reuses records: a sink must copy what it keeps before <see cref="IEventSink.Emit"/> returns.
/// </summary>
public sealed class EventRecord
{
    [ThreadStatic]
    private static EventRecord? t_cached;

    private readonly EventProperty[] _properties = new EventProperty[TelemetryLimits.MaxPropertiesPerEvent];
    private int _count;
    private StringBuilder? _warnings;
    private bool _rented;

    internal EventRecord()
    {
        Definition = null!;
    }

    /// <summary>Gets the definition of the event in its catalogue.</summary>
    public EventDefinition Definition { get; private set; }

    /// <summary>Gets the event name.</summary>
    public string Name => Definition.Name;

    /// <summary>Gets when the event was tracked.</summary>
    public DateTimeOffset Timestamp { get; private set; }

    /// <summary>Gets the unique id of the event, also sent as <c>event_id</c>.</summary>
    public Guid EventId { get; private set; }

    /// <summary>Gets the properties as sent: SDK properties first, then the declared ones that had a value.</summary>
    public ReadOnlySpan<EventProperty> Properties => new(_properties, 0, _count);

    internal bool HasWarnings => _warnings is { Length: > 0 };

    internal static EventRecord Rent()
    {
        var record = t_cached;
        if (record is null || record._rented)
        {
            // Re-entrant tracking (a sink that tracks) gets a fresh record rather than overwriting the outer one.
            record = new EventRecord();
        }

        record._rented = true;
        return record;
    }

    internal void Return()
    {
        Definition = null!;
        Array.Clear(_properties, 0, _count);
        _count = 0;
        _warnings?.Clear();
        _rented = false;
        t_cached = this;
    }

    internal void Begin(EventDefinition definition, DateTimeOffset timestamp, Guid eventId)
    {
        Definition = definition;
        Timestamp = timestamp;
        EventId = eventId;
        Add(EventProperty.FromGuid(TelemetryLimits.EventIdProperty, eventId));
        Add(EventProperty.FromText(TelemetryLimits.SchemaVersionProperty, definition.SchemaVersionText));
        Add(EventProperty.FromText(TelemetryLimits.AreaProperty, definition.Area));
    }

    // An event read back from an outbox: its properties, the SDK's own included, were stored as they are sent.
    internal void BeginStored(EventDefinition definition, DateTimeOffset timestamp, Guid eventId)
    {
        Definition = definition;
        Timestamp = timestamp;
        EventId = eventId;
    }

    internal bool HasRoom => _count < _properties.Length;

    internal void Add(in EventProperty property) => _properties[_count++] = property;

    internal void AddWarning(string propertyName, ValueIssue issue)
    {
        _warnings ??= new StringBuilder();
        if (_warnings.Length > 0)
        {
            _warnings.Append(',');
        }

        _warnings.Append(propertyName).Append(':').Append(issue switch
        {
            ValueIssue.Truncated => "truncated",
            ValueIssue.NotFinite => "not_finite",
            ValueIssue.OutsideShape => "outside_shape",
            ValueIssue.LooksPersonal => "looks_personal",
            _ => "undefined_enum",
        });
    }

    internal void Complete()
    {
        if (HasWarnings)
        {
            Add(EventProperty.FromText(TelemetryLimits.WarningsProperty, _warnings!.ToString()));
        }
    }
}
