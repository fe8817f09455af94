namespace MedicApp.Telemetry.Events;

/// <summary>What moved a journey to a new state.</summary>
public enum TransitionTrigger
{
    /// <summary>Something the patient did.</summary>
    PatientAction,

    /// <summary>Something a practitioner or the clinic did.</summary>
    StaffAction,

    /// <summary>A signature provider callback.</summary>
    SignatureWebhook,

    /// <summary>An internal scheduled job.</summary>
    ScheduledJob,
}
