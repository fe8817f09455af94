namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>
/// The limits the catalogue must respect; the same values are public in MedicApp.Telemetry.TelemetryLimits
/// and a test keeps both in step.
/// </summary>
internal static class TelemetryLimits
{
    public const int MaxEventNameLength = 64;
    public const int MaxPropertyNameLength = 150;
    public const int MaxPropertiesPerEvent = 100;
    public const int MaxAreaLength = 64;
    public const int MaxPropertyValueLength = 8192;

    /// <summary>The properties the SDK adds to every event, in the order the sinks see them.</summary>
    public static readonly string[] ReservedPropertyNames = ["event_id", "schema_version", "event_area", "event_warnings"];

    public static int MaxDeclaredProperties => MaxPropertiesPerEvent - ReservedPropertyNames.Length;
}
