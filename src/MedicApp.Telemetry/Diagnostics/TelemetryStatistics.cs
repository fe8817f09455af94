using System;

namespace MedicApp.Telemetry;

/// <summary>A snapshot of what the pipeline did since it started.</summary>
/// <param name="EventsTracked">Events handed to the sinks.</param>
/// <param name="EventsFailed">Events lost before the sinks because tracking itself failed (reported as errors).</param>
/// <param name="SinkFailures">Times a sink threw while taking an event, could not start, or could not use its offline storage.</param>
/// <param name="EventsDropped">Events a sink could not keep (a full queue, a write error), as the sinks reported.</param>
/// <param name="ValuesChanged">Values truncated, dropped as not finite, or sent as an undefined enum number.</param>
/// <param name="EventsDeferred">Events a sink could not send yet and kept for a retry (offline storage).</param>
public readonly record struct TelemetryStatistics(
    long EventsTracked,
    long EventsFailed,
    long SinkFailures,
    long EventsDropped,
    long ValuesChanged,
    long EventsDeferred)
{
    /// <summary>
    /// Gets the not-personal strings sent as <see cref="TelemetryLimits.WithheldValue"/> because they did not fit their
    /// declared shape or looked personal; each is also listed in its event's <c>event_warnings</c>.
    /// </summary>
    public long ValuesWithheld { get; init; }

    /// <summary>
    /// Gets the events the sinks hold in memory that the ingestion endpoint has not answered yet: queued, or in requests
    /// on the wire.
    /// </summary>
    public long BacklogPending { get; init; }

    /// <summary>Gets the events kept on disk to be sent again (the Application Insights exporter's offline storage).</summary>
    public long BacklogStored { get; init; }

    /// <summary>Gets how long the oldest stored event has waited; zero when none is stored.</summary>
    public TimeSpan OldestStoredAge { get; init; }
}
