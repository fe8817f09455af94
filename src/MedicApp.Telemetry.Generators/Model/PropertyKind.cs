namespace MedicApp.Telemetry.Generators.Model;

/// <summary>The wire kinds a property can have; mirrors MedicApp.Telemetry.PropertyType.</summary>
internal enum PropertyKind
{
    String,
    Boolean,
    Integer,
    FloatingPoint,
    Enum,
    Guid,
    DateTimeOffset,
    TimeSpan,
}
