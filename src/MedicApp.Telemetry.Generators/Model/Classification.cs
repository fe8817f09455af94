namespace MedicApp.Telemetry.Generators.Model;

/// <summary>The privacy classification of a property; mirrors MedicApp.Telemetry.DataClassification.</summary>
internal enum Classification
{
    NotPersonal,
    Pseudonymized,
    FreeText,
    PersonalData,
}
