using System;

namespace MedicApp.Telemetry.Tests.Pipeline;

/// <summary>How a measure was taken: an enum property, required and optional.</summary>
public enum MeasureSource
{
    /// <summary>Typed in by a person.</summary>
    Manual,

    /// <summary>Read from a connected device.</summary>
    DeviceReading,
}

/// <summary>
/// A catalogue with every supported property type, required and nullable, so that the exact text sent for each can
/// be checked at run time.
/// </summary>
// Its strings declare no shape (MEDTEL0028, off for this project): they show what every not-personal string goes
// through, shape or not.
public sealed partial class ValueTypeEvents
{
    [TelemetryEvent("numbers_measured", Area = "TST-1", Description = "Every number type, required.")]
    public partial void NumbersMeasured(
        [NotPersonal("An sbyte.")] sbyte tiny,
        [NotPersonal("A byte.")] byte octet,
        [NotPersonal("A short.")] short small,
        [NotPersonal("A ushort.")] ushort smallUnsigned,
        [NotPersonal("An int.")] int count,
        [NotPersonal("A uint.")] uint countUnsigned,
        [NotPersonal("A long.")] long large,
        [NotPersonal("A ulong.")] ulong largeUnsigned,
        [NotPersonal("A float.")] float ratio,
        [NotPersonal("A double.")] double precise,
        [NotPersonal("A decimal.")] decimal amount);

    [TelemetryEvent("optional_numbers_measured", Area = "TST-1", Description = "Every number type, nullable.")]
    public partial void OptionalNumbersMeasured(
        [NotPersonal("An sbyte, if any.")] sbyte? tiny,
        [NotPersonal("A byte, if any.")] byte? octet,
        [NotPersonal("A short, if any.")] short? small,
        [NotPersonal("A ushort, if any.")] ushort? smallUnsigned,
        [NotPersonal("An int, if any.")] int? count,
        [NotPersonal("A uint, if any.")] uint? countUnsigned,
        [NotPersonal("A long, if any.")] long? large,
        [NotPersonal("A ulong, if any.")] ulong? largeUnsigned,
        [NotPersonal("A float, if any.")] float? ratio,
        [NotPersonal("A double, if any.")] double? precise,
        [NotPersonal("A decimal, if any.")] decimal? amount);

    [TelemetryEvent("values_measured", Area = "TST-1", Description = "Every other type, required.")]
    public partial void ValuesMeasured(
        [NotPersonal("A string.")] string unit,
        [NotPersonal("A bool.")] bool confirmed,
        [NotPersonal("An enum.")] MeasureSource source,
        [NotPersonal("A Guid.")] Guid deviceId,
        [Pseudonymized("A Guid identifier, pseudonymized.")] Guid patientId,
        [NotPersonal("A point in time.")] DateTimeOffset measuredAt,
        [NotPersonal("A duration.")] TimeSpan duration);

    [TelemetryEvent("optional_values_measured", Area = "TST-1", Description = "Every other type, nullable.")]
    public partial void OptionalValuesMeasured(
        [NotPersonal("A string, if any.")] string? unit,
        [NotPersonal("A bool, if any.")] bool? confirmed,
        [NotPersonal("An enum, if any.")] MeasureSource? source,
        [NotPersonal("A Guid, if any.")] Guid? deviceId,
        [Pseudonymized("A Guid identifier, pseudonymized, if any.")] Guid? patientId,
        [NotPersonal("A point in time, if any.")] DateTimeOffset? measuredAt,
        [NotPersonal("A duration, if any.")] TimeSpan? duration);
}
