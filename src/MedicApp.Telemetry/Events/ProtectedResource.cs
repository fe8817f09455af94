namespace MedicApp.Telemetry.Events;

/// <summary>What a refused request tried to reach.</summary>
public enum ProtectedResource
{
    /// <summary>A patient's record or medical file.</summary>
    Patient,

    /// <summary>A signature request.</summary>
    Signature,

    /// <summary>An appointment.</summary>
    Appointment,

    /// <summary>A practitioner's utilization.</summary>
    Utilization,

    /// <summary>A prescription or its document.</summary>
    Prescription,

    /// <summary>A patient's journey.</summary>
    Journey,

    /// <summary>A session (a logout).</summary>
    Session,
}
