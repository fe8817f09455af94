using MedicApp.Api.Data;
using MedicApp.Api.Features.Auth.Access;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Features.Journey;

/// <summary>The end of the journey (LOG-16): the clinic closes it once the procedure has taken place.</summary>
internal static class JourneyEndpoints
{
    public static IEndpointRouteBuilder MapJourney(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/patients/{id:guid}/journey/completion", CompleteAsync)
            .WithTags("Journey")
            .RequireAuthorization(AccessPolicies.Staff)
            .Protects(ProtectedResource.Journey)
            .WithSummary("Closes the journey once the procedure has taken place: the staff of the clinic of the procedure.");
        return routes;
    }

    private static async Task<IResult> CompleteAsync(Guid id, HttpContext context, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        var clinic = Caller.Of(context).ClinicId;
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null || !await db.Appointments.AnyAsync(a => a.PatientId == id && a.Kind == AppointmentKind.Procedure && a.ClinicId == clinic, cancellationToken))
        {
            return AccessDenials.NotTheirs(context, "patient");
        }

        var now = time.GetUtcNow();
        var procedureDone = await db.Appointments.AnyAsync(
            a => a.PatientId == id && a.Kind == AppointmentKind.Procedure && a.CancelledAt == null && a.StartsAt <= now, cancellationToken);
        if (patient.JourneyState != JourneyState.AppointmentBooked || !procedureDone)
        {
            return Problems.Conflict($"A journey is completed once its procedure has taken place; the journey is at {patient.JourneyState}.");
        }

        await using var events = db.CaptureTelemetryEvents();
        tracker.Track([PatientJourney.Move(patient, JourneyState.Completed, TransitionTrigger.StaffAction, now)]);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(PatientView.Of(patient));
    }
}
