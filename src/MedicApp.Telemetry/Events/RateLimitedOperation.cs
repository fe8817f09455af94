namespace MedicApp.Telemetry.Events;

/// <summary>A step of signing in or registering that is rate-limited per client address.</summary>
public enum RateLimitedOperation
{
    /// <summary><c>POST /auth/login</c>.</summary>
    Login,

    /// <summary><c>POST /auth/mfa</c>.</summary>
    Mfa,

    /// <summary><c>POST /auth/refresh</c>.</summary>
    Refresh,

    /// <summary><c>POST /patients</c>.</summary>
    Registration,

    /// <summary>The email and phone verifications, and sending a new email link.</summary>
    Verification,
}
