namespace MedicApp.Telemetry.Events;

/// <summary>What locked an account.</summary>
public enum LockTrigger
{
    /// <summary>Repeated wrong passwords.</summary>
    PasswordFailures,

    /// <summary>Repeated wrong multi-factor codes.</summary>
    MfaFailures,
}
