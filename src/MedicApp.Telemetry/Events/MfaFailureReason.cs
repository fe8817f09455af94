namespace MedicApp.Telemetry.Events;

/// <summary>Why a multi-factor check failed.</summary>
public enum MfaFailureReason
{
    /// <summary>The code did not match.</summary>
    InvalidCode,

    /// <summary>The code had expired.</summary>
    ExpiredCode,

    /// <summary>Too many wrong codes in a row.</summary>
    TooManyAttempts,
}
