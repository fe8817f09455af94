namespace MedicApp.Telemetry.Events;

/// <summary>Why sessions were revoked before their end.</summary>
public enum SessionRevocationReason
{
    /// <summary>The user logged out.</summary>
    Logout,

    /// <summary>The account was locked after repeated failures: its sessions end with it.</summary>
    AccountLocked,

    /// <summary>A refresh token was presented again after it had been exchanged: it may have been stolen.</summary>
    RefreshTokenReused,
}
