using System;

namespace MedicApp.Telemetry;

/// <summary>
/// A tracked event held in an outbox until a sink has it: written in the same transaction as the state change it
/// describes, deleted once delivered. Its properties are stored after their privacy policy, exactly as they are sent,
/// so the outbox never holds a value that telemetry would not.
/// </summary>
/// <remarks>
/// An outbox store maps this type to a table (the EF Core integration maps it to <c>telemetry_outbox</c>). Times that
/// queries compare are Unix milliseconds, which every database orders natively.
/// </remarks>
public sealed class OutboxEvent
{
    /// <summary>Gets or sets the event's <c>event_id</c>, the key of the row.</summary>
    public Guid Id { get; set; }

    /// <summary>Gets or sets the event name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets when the event was tracked.</summary>
    public DateTimeOffset TrackedAt { get; set; }

    /// <summary>
    /// Gets or sets the properties as sent, the SDK's own included, as a JSON object: numbers as JSON numbers, every
    /// other value as a string.
    /// </summary>
    public string Properties { get; set; } = "{}";

    /// <summary>Gets or sets the W3C trace id of the operation that tracked the event, if any (32 hex digits).</summary>
    public string? TraceId { get; set; }

    /// <summary>Gets or sets the W3C span id of the operation that tracked the event, if any (16 hex digits).</summary>
    public string? SpanId { get; set; }

    /// <summary>Gets or sets how many deliveries failed so far.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Gets or sets when the event may next be claimed for delivery, in Unix milliseconds: later than now while a
    /// dispatcher holds it or waits to retry it.
    /// </summary>
    public long AvailableAt { get; set; }

    /// <summary>Gets or sets the claim of the dispatcher delivering the event, if one does.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>Gets or sets why the last delivery failed, if one did (a status, never a value of the event).</summary>
    public string? LastError { get; set; }

    // The definition the event was tracked with, while it is in the process that tracked it; not stored.
    internal EventDefinition? Definition { get; set; }
}
