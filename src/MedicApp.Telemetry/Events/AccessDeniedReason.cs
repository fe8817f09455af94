namespace MedicApp.Telemetry.Events;

/// <summary>Why a request was refused access.</summary>
public enum AccessDeniedReason
{
    /// <summary>No session was sent: 401.</summary>
    NoSession,

    /// <summary>A token was sent but its session has ended, or it is not valid: 401.</summary>
    SessionEnded,

    /// <summary>The session's role may not do this: 403.</summary>
    Role,

    /// <summary>The record is not one the session may reach: 404, as if it did not exist.</summary>
    NotTheirs,
}
