namespace MedicApp.Telemetry.Events;

/// <summary>How a multi-factor code is delivered.</summary>
public enum MfaMethod
{
    /// <summary>Text message.</summary>
    Sms,

    /// <summary>Email.</summary>
    Email,

    /// <summary>Authenticator application.</summary>
    Totp,
}
