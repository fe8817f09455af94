using System;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// One business event waiting in the application's database to be sent: a row of <c>telemetry_outbox</c>, inserted in
/// the same transaction as the state change it reports.
/// </summary>
public sealed class TelemetryOutboxRow
{
    /// <summary>The longest event name.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Gets the event's <c>event_id</c>, the primary key.</summary>
    public Guid Id { get; init; }

    /// <summary>Gets the event name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets when the event was tracked.</summary>
    public DateTimeOffset TrackedAt { get; init; }

    /// <summary>Gets the properties after their privacy policy, as one JSON object.</summary>
    public required string Properties { get; init; }

    /// <summary>Gets the trace the event was tracked in: 32 hexadecimal digits.</summary>
    public string? TraceId { get; init; }

    /// <summary>Gets the span the event was tracked in: 16 hexadecimal digits.</summary>
    public string? SpanId { get; init; }

    /// <summary>Gets how many times sending was tried.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets when the row may be sent (again), in Unix milliseconds; indexed.</summary>
    public long AvailableAt { get; init; }
}
