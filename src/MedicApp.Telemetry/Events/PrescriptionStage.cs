namespace MedicApp.Telemetry.Events;

/// <summary>When in the journey a prescription is made.</summary>
public enum PrescriptionStage
{
    /// <summary>Before the procedure.</summary>
    PreOperative,

    /// <summary>After the procedure.</summary>
    PostOperative,

    /// <summary>During follow-up.</summary>
    FollowUp,
}
