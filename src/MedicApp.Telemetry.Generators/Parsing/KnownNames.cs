namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>Metadata names of the runtime types the generator reads or writes.</summary>
internal static class KnownNames
{
    public const string TelemetryEventAttribute = "MedicApp.Telemetry.TelemetryEventAttribute";
    public const string TelemetryAreaPatternAttribute = "MedicApp.Telemetry.TelemetryAreaPatternAttribute";
    public const string NotPersonalAttribute = "MedicApp.Telemetry.NotPersonalAttribute";
    public const string PseudonymizedAttribute = "MedicApp.Telemetry.PseudonymizedAttribute";
    public const string FreeTextAttribute = "MedicApp.Telemetry.FreeTextAttribute";
    public const string PersonalDataAttribute = "MedicApp.Telemetry.PersonalDataAttribute";
    public const string FlagsAttribute = "System.FlagsAttribute";
    public const string Guid = "System.Guid";
    public const string DateTimeOffset = "System.DateTimeOffset";
    public const string TimeSpan = "System.TimeSpan";
    public const string DateTime = "System.DateTime";
}
