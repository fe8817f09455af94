using MedicApp.Api.Data;
using MedicApp.Api.Features.Auth.Access;
using MedicApp.Api.Features.Journey;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Features.Appointments;

/// <summary>Booking, cancellation and slot utilization per practitioner and day (LOG-13).</summary>
internal static class AppointmentEndpoints
{
    public static IEndpointRouteBuilder MapAppointments(this IEndpointRouteBuilder routes)
    {
        var appointments = routes.MapGroup("/").WithTags("Appointments");
        appointments.MapPost("/appointments", BookAsync).RequireAuthorization().Protects(ProtectedResource.Appointment)
            .WithSummary("Books a slot, for the patient themself or by their clinic's staff; a procedure only once the reflection period is over.");
        appointments.MapPost("/appointments/{id:guid}/cancellation", CancelAsync).RequireAuthorization().Protects(ProtectedResource.Appointment)
            .WithSummary("Cancels an appointment and frees its slot: its patient, or its clinic's staff.");
        appointments.MapGet("/practitioners/{id}/utilization", GetUtilizationAsync).RequireAuthorization(AccessPolicies.Staff).Protects(ProtectedResource.Utilization)
            .WithSummary("How full a practitioner's day is (day=yyyy-MM-dd): their clinic's staff.");
        return routes;
    }

    private static async Task<IResult> BookAsync(BookAppointmentRequest request, HttpContext context, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        if (caller.Role == UserRole.Patient && request.PatientId is { } asked && !caller.Is(asked))
        {
            return AccessDenials.NotTheirs(context, "patient");
        }

        var now = time.GetUtcNow();
        var validation = new RequestValidation()
            .Required("patientId", request.PatientId)
            .Required("practitionerId", request.PractitionerId, 64)
            .Required("kind", request.Kind)
            .Required("startsAt", request.StartsAt);
        if (request.StartsAt is { } startsAt && !SlotSchedule.IsSlot(startsAt))
        {
            validation.Add("startsAt", "Not the start of a slot: slots last 30 minutes, Monday to Friday, 09:00-12:00 and 14:00-18:00 Paris time.");
        }
        else if (request.StartsAt <= now)
        {
            validation.Add("startsAt", "The slot is in the past.");
        }

        var named = await validation.FindPractitionerAsync(db, "practitionerId", request.PractitionerId, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        // Valid: the practitioner was found. Staff book with their own clinic's practitioners.
        var practitioner = named!;
        if (caller.Role != UserRole.Patient && !caller.IsStaffOf(practitioner.ClinicId))
        {
            return AccessDenials.Forbidden(context, "Staff book with their own clinic's practitioners.");
        }


        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == request.PatientId, cancellationToken);
        if (patient is null)
        {
            return Problems.NotFound("patient");
        }

        // The law: no procedure before the reflection period is over.
        if (request.Kind == AppointmentKind.Procedure && patient.JourneyState != JourneyState.ReadyForProcedure)
        {
            return Problems.Conflict($"A procedure is booked once the reflection period is over; the journey is at {patient.JourneyState}.");
        }

        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(),
            PatientId = patient.Id,
            PractitionerId = practitioner.Id,
            ClinicId = practitioner.ClinicId,
            Kind = request.Kind!.Value,
            Channel = request.Channel ?? ClientChannel.Web,
            StartsAt = request.StartsAt!.Value.ToUniversalTime(),
            BookedAt = now,
        };
        await using (db.CaptureTelemetryEvents())
        {
            db.Appointments.Add(appointment);
            List<JourneyTransition> transitions = request.Kind == AppointmentKind.Procedure
                ? [PatientJourney.Move(patient, JourneyState.AppointmentBooked, TransitionTrigger.PatientAction, now)]
                : [];
            patient.LastActivityAt = now;
            tracker.AppointmentBooked(patient.TelemetryId, appointment.Id, practitioner.Id, practitioner.ClinicId, appointment.Kind, appointment.Channel, appointment.StartsAt - now);
            tracker.Track(transitions);
            if (!await db.TrySaveUniqueAsync(cancellationToken))
            {
                return Problems.Conflict("The slot is already booked.");
            }
        }

        await SlotUtilizationReport.TrackAsync(db, tracker, practitioner, SlotSchedule.DayOf(appointment.StartsAt), cancellationToken);
        return Results.Created($"/appointments/{appointment.Id}", View(appointment));
    }

    private static async Task<IResult> CancelAsync(Guid id, CancelAppointmentRequest request, HttpContext context, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("cancelledBy", request.CancelledBy).Required("reason", request.Reason);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var caller = Caller.Of(context);
        if (appointment is null || !(caller.Is(appointment.PatientId) || caller.IsStaffOf(appointment.ClinicId)))
        {
            return AccessDenials.NotTheirs(context, "appointment");
        }

        var now = time.GetUtcNow();
        if (appointment.CancelledAt is not null || appointment.StartsAt <= now)
        {
            return Problems.Conflict(appointment.CancelledAt is not null ? "The appointment is already cancelled." : "The appointment has already started.");
        }

        var patient = await db.Patients.FirstAsync(p => p.Id == appointment.PatientId, cancellationToken);
        await using (db.CaptureTelemetryEvents())
        {
            List<JourneyTransition> transitions = [];
            if (appointment.Kind == AppointmentKind.Procedure && patient.JourneyState == JourneyState.AppointmentBooked)
            {
                transitions.Add(PatientJourney.Move(patient, JourneyState.ReadyForProcedure, request.CancelledBy == CancellationInitiator.Patient ? TransitionTrigger.PatientAction : TransitionTrigger.StaffAction, now));
            }

            appointment.CancelledAt = now;
            appointment.CancelledBy = request.CancelledBy;
            appointment.CancellationReason = request.Reason;
            tracker.AppointmentCancelled(patient.TelemetryId, appointment.Id, appointment.PractitionerId, appointment.Kind, request.CancelledBy!.Value, request.Reason!.Value, appointment.StartsAt - now);
            tracker.Track(transitions);
            await db.SaveChangesAsync(cancellationToken);
        }

        var practitioner = await db.Practitioners.AsNoTracking().FirstAsync(p => p.Id == appointment.PractitionerId, cancellationToken);
        await SlotUtilizationReport.TrackAsync(db, tracker, practitioner, SlotSchedule.DayOf(appointment.StartsAt), cancellationToken);
        return Results.Ok(View(appointment));
    }

    private static async Task<IResult> GetUtilizationAsync(string id, DateOnly? day, HttpContext context, MedicAppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (day is { } asked && (asked < SlotSchedule.Days.First || asked > SlotSchedule.Days.Last))
        {
            return new RequestValidation().Add("day", $"A day from {SlotSchedule.Days.First:yyyy-MM-dd} to {SlotSchedule.Days.Last:yyyy-MM-dd}.").ToProblem();
        }

        if (id.Length > 64 || !RequestValidation.IsText(id))
        {
            return Problems.NotFound("practitioner");
        }

        var practitioner = await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practitioner is null || !Caller.Of(context).IsStaffOf(practitioner.ClinicId))
        {
            return AccessDenials.NotTheirs(context, "practitioner");
        }

        return Results.Ok(await SlotUtilizationReport.MeasureAsync(db, practitioner, day ?? SlotSchedule.DayOf(time.GetUtcNow()), cancellationToken));
    }

    private static AppointmentView View(Appointment a) => new(a.Id, a.PatientId, a.PractitionerId, a.Kind, a.StartsAt, a.CancelledAt is not null);
}
