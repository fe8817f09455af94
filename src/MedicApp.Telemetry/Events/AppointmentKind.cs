namespace MedicApp.Telemetry.Events;

/// <summary>The kind of appointment.</summary>
public enum AppointmentKind
{
    /// <summary>First consultation.</summary>
    Consultation,

    /// <summary>Pre-operative visit.</summary>
    PreOperative,

    /// <summary>The procedure itself.</summary>
    Procedure,

    /// <summary>Post-operative follow-up.</summary>
    PostOperative,

    /// <summary>Remote consultation.</summary>
    Teleconsultation,
}
