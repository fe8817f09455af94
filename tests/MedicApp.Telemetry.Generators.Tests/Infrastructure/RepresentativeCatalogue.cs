namespace MedicApp.Telemetry.Generators.Tests.Infrastructure;

/// <summary>
/// A valid catalogue that uses every classification and every supported property type (string, bool, each integer,
/// float, double, decimal, an enum, Guid, DateTimeOffset, TimeSpan), in required and optional forms, in an assembly
/// that declares an area pattern: the input of the snapshot, valid-catalogue and caching tests.
/// </summary>
internal static class RepresentativeCatalogue
{
    /// <summary>The assembly's area convention, as written in <see cref="Source"/>; every area of the catalogue matches it.</summary>
    public const string AreaPattern = """[assembly: TelemetryAreaPattern("^[A-Z]{3}-[0-9]$", Example = "APT-2")]""";

    public const string Source = """
        using System;
        using MedicApp.Telemetry;

        [assembly: TelemetryAreaPattern("^[A-Z]{3}-[0-9]$", Example = "APT-2")]

        namespace Clinic.Telemetry;

        /// <summary>How a visit was booked.</summary>
        public enum BookingChannel
        {
            /// <summary>From the web site.</summary>
            Web,

            /// <summary>By phone, through the front desk.</summary>
            FrontDesk,

            /// <summary>From the mobile app, through its SMS link.</summary>
            MobileSMS,
        }

        /// <summary>The clinic's business events.</summary>
        public sealed partial class ClinicTracker
        {
            /// <summary>Tracks <c>visit_booked</c>.</summary>
            /// <param name="patientId">The patient.</param>
            /// <param name="practitionerId">The practitioner.</param>
            /// <param name="channel">How the visit was booked.</param>
            /// <param name="referrer">The partner site, if any.</param>
            /// <param name="previousChannel">How the last visit was booked, if any.</param>
            /// <param name="visitAt">When the visit takes place.</param>
            /// <param name="leadTime">From booking to the visit.</param>
            /// <param name="slotCount">How many slots were offered.</param>
            /// <param name="fee">The fee, in euros.</param>
            /// <param name="isFirstVisit">Whether it is the first visit.</param>
            /// <param name="comment">The patient's comment.</param>
            /// <param name="event">The booking flow that led here.</param>
            [TelemetryEvent("visit_booked", Area = "APT-2", Description = "A patient booked a visit & chose a <slot>.", Version = 2)]
            public partial void VisitBooked(
                [Pseudonymized("The patient, pseudonymized.")] string patientId,
                [Pseudonymized("The practitioner, pseudonymized.")] Guid practitionerId,
                [NotPersonal("How the visit was booked.")] BookingChannel channel,
                [NotPersonal("The partner site, if any.", MaxLength = 64, Reason = "Partner sites are host names the partners register.")] string? referrer,
                [NotPersonal] BookingChannel? previousChannel,
                [NotPersonal("When the visit takes place.")] DateTimeOffset visitAt,
                [NotPersonal("From booking to the visit.")] TimeSpan leadTime,
                [NotPersonal] int slotCount,
                [NotPersonal("The fee, in euros.")] double fee,
                [NotPersonal] bool isFirstVisit,
                [FreeText("The patient's comment, scrubbed.")] string? comment,
                [NotPersonal("The booking flow.", Name = "booking_flow", AllowedValues = new[] { "quick", "guided" })] string @event);

            /// <summary>Tracks <c>visit_cancelled</c>.</summary>
            /// <param name="patientId">The patient.</param>
            /// <param name="lateBy">How late the cancellation was, if late.</param>
            /// <param name="refunded">Whether the fee was refunded, if known.</param>
            [TelemetryEvent("visit_cancelled", Area = "APT-2", Description = "A patient cancelled a visit.")]
            internal partial void VisitCancelled(
                [Pseudonymized] string patientId,
                [NotPersonal] TimeSpan? lateBy,
                [NotPersonal] bool? refunded);

            /// <summary>Tracks <c>vitals_recorded</c>: every number type, and the Guid and time forms not used above.</summary>
            [TelemetryEvent("vitals_recorded", Area = "APT-3", Description = "A nurse recorded the vitals of a visit.")]
            public partial void VitalsRecorded(
                [Pseudonymized("The nurse, pseudonymized, when known.")] Guid? nurseId,
                [NotPersonal("The room.")] Guid roomId,
                [NotPersonal("The measuring device, if any.")] Guid? deviceId,
                [NotPersonal("When a doctor confirmed the vitals, if yet.")] DateTimeOffset? confirmedAt,
                [NotPersonal("The temperature trend, in tenths of a degree.")] sbyte temperatureTrend,
                [NotPersonal] sbyte? pulseTrend,
                [NotPersonal("The oxygen saturation, in percent.")] byte oxygenSaturation,
                [NotPersonal] byte? painScore,
                [NotPersonal] short systolicChange,
                [NotPersonal] short? diastolicChange,
                [NotPersonal] ushort pulse,
                [NotPersonal] ushort? respiratoryRate,
                [NotPersonal] int? glucose,
                [NotPersonal] uint readingCount,
                [NotPersonal] uint? retriedReadings,
                [NotPersonal] long deviceUptimeTicks,
                [NotPersonal] long? clockSkewTicks,
                [NotPersonal] ulong firmwareBuild,
                [NotPersonal] ulong? calibrationSerial,
                [NotPersonal] float signalQuality,
                [NotPersonal] float? batteryLevel,
                [NotPersonal] double? ambientTemperature,
                [NotPersonal] decimal fee,
                [NotPersonal] decimal? copay);
        }
        """;
}
