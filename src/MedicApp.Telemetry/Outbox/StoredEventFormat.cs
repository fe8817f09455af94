using System;
using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MedicApp.Telemetry;

/// <summary>
/// Writes a tracked event as an <see cref="OutboxEvent"/> and reads it back as the record the sinks take. Values are
/// stored as they are sent (after their privacy policy), numbers as JSON numbers in their sent text, so an event read
/// back sends exactly what it would have sent when it was tracked.
/// </summary>
internal static class StoredEventFormat
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static OutboxEvent Write(EventRecord record, ActivityContext trace, long availableAt, Guid? claimToken)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in record.Properties)
            {
                if (property.Kind == EventValueKind.Number)
                {
                    writer.WritePropertyName(property.Name);
                    writer.WriteRawValue(property.FormatValue());
                }
                else
                {
                    writer.WriteString(property.Name, property.FormatValue());
                }
            }

            writer.WriteEndObject();
        }

        var hasTrace = trace.TraceId != default;
        return new OutboxEvent
        {
            Id = record.EventId,
            Name = record.Name,
            TrackedAt = record.Timestamp,
            Properties = Encoding.UTF8.GetString(buffer.WrittenSpan),
            TraceId = hasTrace ? trace.TraceId.ToHexString() : null,
            SpanId = hasTrace ? trace.SpanId.ToHexString() : null,
            AvailableAt = availableAt,
            ClaimToken = claimToken,
            Definition = record.Definition,
        };
    }

    /// <summary>Fills <paramref name="record"/> from a stored event; false when the row cannot be read.</summary>
    public static bool TryRead(OutboxEvent stored, EventDefinition definition, EventRecord record)
    {
        record.BeginStored(definition, stored.TrackedAt, stored.Id);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(stored.Properties));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!reader.Read() || !record.HasRoom)
                {
                    return false;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        record.Add(EventProperty.FromText(name, reader.GetString()!));
                        break;
                    case JsonTokenType.Number:
                        record.Add(EventProperty.FromNumberText(name, Encoding.UTF8.GetString(reader.ValueSpan)));
                        break;
                    default:
                        return false;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static ActivityContext ReadTrace(OutboxEvent stored)
    {
        if (stored.TraceId is { Length: 32 } traceId && stored.SpanId is { Length: 16 } spanId)
        {
            try
            {
                return new ActivityContext(ActivityTraceId.CreateFromString(traceId), ActivitySpanId.CreateFromString(spanId), ActivityTraceFlags.Recorded);
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        }

        return default;
    }
}
