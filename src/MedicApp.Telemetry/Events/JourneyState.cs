namespace MedicApp.Telemetry.Events;

/// <summary>The states of a patient's journey.</summary>
public enum JourneyState
{
    /// <summary>Account created.</summary>
    Registered,

    /// <summary>Medical file completed.</summary>
    DossierCompleted,

    /// <summary>Email and phone verified.</summary>
    ContactVerified,

    /// <summary>Documents sent for signature.</summary>
    SignaturesPending,

    /// <summary>Every document signed.</summary>
    Signed,

    /// <summary>In the legal reflection period.</summary>
    ReflectionPeriod,

    /// <summary>Reflection period over, the procedure can be scheduled.</summary>
    ReadyForProcedure,

    /// <summary>Procedure appointment booked.</summary>
    AppointmentBooked,

    /// <summary>Journey completed.</summary>
    Completed,

    /// <summary>No activity for too long.</summary>
    Abandoned,
}
