namespace MedicApp.Telemetry.Events;

/// <summary>What a session was issued after.</summary>
public enum SessionOrigin
{
    /// <summary>A login completed by its multi-factor code.</summary>
    Mfa,

    /// <summary>A registration: the new patient's first session, which reaches only their own, empty, records.</summary>
    Registration,
}
