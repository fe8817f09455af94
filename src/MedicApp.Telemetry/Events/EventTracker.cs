namespace MedicApp.Telemetry.Events;

/// <summary>
/// The MedicApp event catalogue (sprint M2, LOG-11 to LOG-16): one typed method per business event. Register it
/// with <c>services.AddMedicAppTelemetry()</c> and inject it; it is a singleton and its methods never throw and
/// never block. Identifiers are pseudonymized, free text scrubbed, and the values checked before any sink sees them.
/// </summary>
public sealed partial class EventTracker
{
    // A clinic's reference: "clinic-", an optional city, a number (clinic-7, clinic-paris-8). A name is no reference.
    private const string ClinicReference = "^clinic-([a-z]{1,32}-)?[0-9]{1,6}$";
}
