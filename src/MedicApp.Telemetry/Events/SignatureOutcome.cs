namespace MedicApp.Telemetry.Events;

/// <summary>How a signature request ended.</summary>
public enum SignatureOutcome
{
    /// <summary>The patient signed.</summary>
    Signed,

    /// <summary>The patient declined to sign.</summary>
    Declined,

    /// <summary>The request expired unsigned.</summary>
    Expired,
}
