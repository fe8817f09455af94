namespace MedicApp.Telemetry.Events;

/// <summary>The role of an account.</summary>
public enum UserRole
{
    /// <summary>A patient.</summary>
    Patient,

    /// <summary>A practitioner.</summary>
    Practitioner,

    /// <summary>Clinic staff.</summary>
    ClinicStaff,

    /// <summary>A MedicApp administrator.</summary>
    Administrator,
}
