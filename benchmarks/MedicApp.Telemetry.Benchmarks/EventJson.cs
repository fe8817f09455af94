using System;
using System.Diagnostics;
using System.Text.Json;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// The serialized form of an event in the durable designs measured: the journal's line and the outbox row's
/// <c>Properties</c> column. Property values are the text every sink sends (<see cref="EventProperty.FormatValue"/>).
/// </summary>
public static class EventJson
{
    /// <summary>
    /// Writes <c>{"event_id":…,"name":…,"tracked_at":…,"trace_id":…,"span_id":…,"properties":{…}}</c>; the trace and
    /// span ids only when <paramref name="activity"/> is not null.
    /// </summary>
    /// <param name="json">The writer.</param>
    /// <param name="record">The event.</param>
    /// <param name="activity">The activity the event was tracked in, if any.</param>
    public static void WriteEvent(Utf8JsonWriter json, EventRecord record, Activity? activity)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(record);
        json.WriteStartObject();
        json.WriteString("event_id"u8, record.EventId);
        json.WriteString("name"u8, record.Name);
        json.WriteString("tracked_at"u8, record.Timestamp);
        if (activity is not null)
        {
            Span<byte> id = stackalloc byte[16];
            Span<char> hex = stackalloc char[32];
            activity.TraceId.CopyTo(id);
            Convert.TryToHexStringLower(id, hex, out var written);
            json.WriteString("trace_id"u8, hex[..written]);
            activity.SpanId.CopyTo(id[..8]);
            Convert.TryToHexStringLower(id[..8], hex, out written);
            json.WriteString("span_id"u8, hex[..written]);
        }

        json.WritePropertyName("properties"u8);
        WriteProperties(json, record);
        json.WriteEndObject();
    }

    /// <summary>Writes the properties as sent, as one JSON object of strings: what Application Insights receives in customDimensions.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="record">The event.</param>
    public static void WriteProperties(Utf8JsonWriter json, EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(record);
        json.WriteStartObject();
        foreach (var property in record.Properties)
        {
            // A Guid, a number or a timestamp is formatted into a new string: 96 bytes for event_id.
            json.WriteString(property.Name, property.FormatValue());
        }

        json.WriteEndObject();
    }
}
