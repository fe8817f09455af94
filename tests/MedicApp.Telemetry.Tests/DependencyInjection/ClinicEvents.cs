namespace MedicApp.Telemetry.Tests.DependencyInjection;

/// <summary>A consumer's catalogue that declares an event the MedicApp catalogue already declares.</summary>
public sealed partial class ClinicEvents
{
    [TelemetryEvent("patient_registered", Area = "CLI-1", Description = "A clinic registered a patient at the desk.")]
    public partial void PatientRegisteredAtDesk([NotPersonal("The clinic's reference.", Pattern = "^clinic-[0-9]{1,6}$")] string clinicId);
}
