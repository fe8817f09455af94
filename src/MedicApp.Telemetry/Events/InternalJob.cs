namespace MedicApp.Telemetry.Events;

/// <summary>An internal scheduled job of the M4 alerts.</summary>
public enum InternalJob
{
    /// <summary><c>GET /internal/check-reflection-period</c>: reports the reflection periods that ended.</summary>
    CheckReflectionPeriod,

    /// <summary><c>GET /internal/check-abandoned-journeys</c>: reports the journeys abandoned.</summary>
    CheckAbandonedJourneys,
}
