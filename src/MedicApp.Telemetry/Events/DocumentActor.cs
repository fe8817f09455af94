namespace MedicApp.Telemetry.Events;

/// <summary>Who opened a document.</summary>
public enum DocumentActor
{
    /// <summary>The patient.</summary>
    Patient,

    /// <summary>The practitioner.</summary>
    Practitioner,

    /// <summary>The clinic staff.</summary>
    ClinicStaff,

    /// <summary>A pharmacy through a shared link.</summary>
    Pharmacy,
}
