namespace MedicApp.Telemetry.Events;

/// <summary>Why an appointment was cancelled, as a category (never free text).</summary>
public enum CancellationReason
{
    /// <summary>The patient asked.</summary>
    PatientRequest,

    /// <summary>The practitioner became unavailable.</summary>
    PractitionerUnavailable,

    /// <summary>Replaced by another appointment.</summary>
    Rescheduled,

    /// <summary>The patient did not come.</summary>
    NoShow,

    /// <summary>Any other reason.</summary>
    Other,
}
