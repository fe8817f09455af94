using System;

namespace MedicApp.Telemetry.Events;

// LOG-13: appointments.
public sealed partial class EventTracker
{
    /// <summary>Tracks <c>appointment_booked</c>: an appointment was booked.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="appointmentId">The appointment's id.</param>
    /// <param name="practitionerId">The practitioner's id.</param>
    /// <param name="clinicId">The clinic.</param>
    /// <param name="kind">The kind of appointment.</param>
    /// <param name="channel">Where it was booked.</param>
    /// <param name="leadTime">Time from booking to the appointment.</param>
    [TelemetryEvent("appointment_booked", Area = "LOG-13", Description = "An appointment was booked.")]
    public partial void AppointmentBooked(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [Pseudonymized("The appointment, pseudonymized.")] Guid appointmentId,
        [Pseudonymized("The practitioner, pseudonymized.")] string practitionerId,
        [NotPersonal("The clinic's reference.", Pattern = ClinicReference)] string clinicId,
        [NotPersonal("The kind of appointment.")] AppointmentKind kind,
        [NotPersonal("Where it was booked.")] ClientChannel channel,
        [NotPersonal("Time from booking to the appointment.")] TimeSpan leadTime);

    /// <summary>Tracks <c>appointment_cancelled</c>: an appointment was cancelled.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="appointmentId">The appointment's id.</param>
    /// <param name="practitionerId">The practitioner's id.</param>
    /// <param name="kind">The kind of appointment.</param>
    /// <param name="cancelledBy">Who cancelled.</param>
    /// <param name="reason">Why, as a category.</param>
    /// <param name="notice">Time left before the appointment when it was cancelled.</param>
    [TelemetryEvent("appointment_cancelled", Area = "LOG-13", Description = "An appointment was cancelled.")]
    public partial void AppointmentCancelled(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [Pseudonymized("The appointment, pseudonymized.")] Guid appointmentId,
        [Pseudonymized("The practitioner, pseudonymized.")] string practitionerId,
        [NotPersonal("The kind of appointment.")] AppointmentKind kind,
        [NotPersonal("Who cancelled.")] CancellationInitiator cancelledBy,
        [NotPersonal("Why, as a category.")] CancellationReason reason,
        [NotPersonal("Time left before the appointment when it was cancelled.")] TimeSpan notice);

    /// <summary>Tracks <c>appointment_slot_utilization</c>: how full a practitioner's day is.</summary>
    /// <param name="practitionerId">The practitioner's id.</param>
    /// <param name="clinicId">The clinic.</param>
    /// <param name="day">The day measured, at midnight in the clinic's time zone.</param>
    /// <param name="totalSlots">Slots open that day.</param>
    /// <param name="bookedSlots">Slots booked.</param>
    /// <param name="cancelledSlots">Slots booked then cancelled.</param>
    /// <param name="utilizationRatio">Booked slots over open slots, from 0 to 1.</param>
    [TelemetryEvent("appointment_slot_utilization", Area = "LOG-13", Description = "How many of a practitioner's slots of a day are booked.")]
    public partial void AppointmentSlotUtilization(
        [Pseudonymized("The practitioner, pseudonymized.")] string practitionerId,
        [NotPersonal("The clinic's reference.", Pattern = ClinicReference)] string clinicId,
        [NotPersonal("The day measured, at midnight in the clinic's time zone.")] DateTimeOffset day,
        [NotPersonal("Slots open that day.")] int totalSlots,
        [NotPersonal("Slots booked.")] int bookedSlots,
        [NotPersonal("Slots booked then cancelled.")] int cancelledSlots,
        [NotPersonal("Booked slots over open slots, from 0 to 1.")] double utilizationRatio);
}
