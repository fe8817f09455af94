namespace MedicApp.Telemetry.Events;

/// <summary>Who cancelled an appointment.</summary>
public enum CancellationInitiator
{
    /// <summary>The patient.</summary>
    Patient,

    /// <summary>The practitioner.</summary>
    Practitioner,

    /// <summary>The clinic staff.</summary>
    Clinic,

    /// <summary>MedicApp itself (for example an expired booking).</summary>
    System,
}
