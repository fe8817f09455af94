using System;

namespace MedicApp.Telemetry;

/// <summary>Options of the outbox dispatcher (section <c>MedicAppTelemetry:Outbox</c>), used once an outbox is registered.</summary>
public sealed class OutboxOptions
{
    /// <summary>
    /// Gets or sets how often the dispatcher looks for events to send when it has none: those a stopped process left
    /// behind and those waiting for a retry. Each poll also deletes the rows delivered since the last one (a full batch
    /// of them is deleted at once). At most half of <see cref="ClaimDuration"/>. Default: 5 seconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long an event stays with the process that claimed it (the one that tracked it, or the
    /// dispatcher that took it) before another may send it. It bounds how long a crash delays an event, and must
    /// exceed the time a delivery takes. Default: 30 seconds.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many events the dispatcher claims and sends at once, and how many delivered rows are deleted in
    /// one statement. Default: 256.
    /// </summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// Gets or sets the longest wait before retrying events whose delivery failed; waits double from one second up to
    /// it, or follow the ingestion endpoint's <c>Retry-After</c> when that is longer. Default: 30 seconds, so that
    /// events arrive within that time of the endpoint coming back.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
