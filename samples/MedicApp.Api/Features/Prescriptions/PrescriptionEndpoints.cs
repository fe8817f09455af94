using MedicApp.Api.Data;
using MedicApp.Api.Features.Auth.Access;
using MedicApp.Api.Features.Appointments;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Features.Prescriptions;

/// <summary>Generation of a prescription document and its download (LOG-14).</summary>
internal static class PrescriptionEndpoints
{
    private const int MaxItems = 20;

    public static IEndpointRouteBuilder MapPrescriptions(this IEndpointRouteBuilder routes)
    {
        var prescriptions = routes.MapGroup("/prescriptions").WithTags("Prescriptions").Protects(ProtectedResource.Prescription);
        prescriptions.MapPost("/", GenerateAsync).RequireAuthorization(AccessPolicies.Practitioner)
            .WithSummary("A practitioner writes a prescription in their own name and generates its PDF.");
        prescriptions.MapGet("/{id:guid}/document", DownloadAsync).RequireAuthorization()
            .WithSummary("Downloads the PDF: its patient, its prescriber, or the prescriber's clinic staff (channel: from where).");
        return routes;
    }

    private static async Task<IResult> GenerateAsync(GeneratePrescriptionRequest request, HttpContext context, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {

        var validation = new RequestValidation()
            .Required("patientId", request.PatientId)
            .Required("practitionerId", request.PractitionerId, 64)
            .Required("stage", request.Stage);
        if (request.Items is not { Count: > 0 and <= MaxItems })
        {
            validation.Add("items", $"A prescription holds 1 to {MaxItems} items.");
        }
        else
        {
            for (var i = 0; i < request.Items.Count; i++)
            {
                validation.Required($"items[{i}].medication", request.Items[i]?.Medication, 200)
                    .Required($"items[{i}].dosage", request.Items[i]?.Dosage, 200)
                    .Optional($"items[{i}].duration", request.Items[i]?.Duration, 100);
            }
        }

        await validation.FindPractitionerAsync(db, "practitionerId", request.PractitionerId, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (request.PractitionerId != Caller.Of(context).PractitionerId)
        {
            return AccessDenials.Forbidden(context, "A practitioner prescribes in their own name: practitionerId must be the session's.");
        }

        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == request.PatientId, cancellationToken);
        if (patient is null)
        {
            return Problems.NotFound("patient");
        }

        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var document = PrescriptionDocument.Render(request.PractitionerId!, now, request.Items!);
        var generationTime = time.GetElapsedTime(started);
        await using var events = db.CaptureTelemetryEvents();
        var prescription = new Prescription
        {
            Id = Guid.CreateVersion7(),
            PatientId = patient.Id,
            PractitionerId = request.PractitionerId!,
            Stage = request.Stage!.Value,
            ItemCount = request.Items!.Count,
            Document = document,
            GeneratedAt = now,
        };
        db.Prescriptions.Add(prescription);
        patient.LastActivityAt = now;
        tracker.PrescriptionGenerated(patient.TelemetryId, prescription.Id, prescription.PractitionerId, prescription.Stage, prescription.ItemCount, generationTime);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Created($"/prescriptions/{prescription.Id}", View(prescription));
    }

    private static async Task<IResult> DownloadAsync(Guid id, string? downloadedBy, string? channel, HttpContext context, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        // Who downloads is the session's role; a downloadedBy that says otherwise is refused rather than reported.
        var caller = Caller.Of(context);
        var actor = caller.Actor;
        var validation = new RequestValidation();
        if (downloadedBy is not null && (!EnumNames.TryParse<DocumentActor>(downloadedBy, out var stated) || stated != actor))
        {
            validation.Add("downloadedBy", $"Who downloads is the session's role: {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(actor.ToString())}, or leave it out.");
        }

        var from = ClientChannel.Web;
        if (channel is not null && !EnumNames.TryParse(channel, out from))
        {
            validation.Add("channel", $"From where: one of {EnumNames.List<ClientChannel>()}.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var prescription = await db.Prescriptions.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prescription is null
            || !(caller.Is(prescription.PatientId) || caller.PractitionerId == prescription.PractitionerId
                || caller.IsStaffOf(await db.Practitioners.Where(p => p.Id == prescription.PractitionerId).Select(static p => p.ClinicId).FirstOrDefaultAsync(cancellationToken))))
        {
            return AccessDenials.NotTheirs(context, "prescription");
        }

        await using var events = db.CaptureTelemetryEvents();
        var now = time.GetUtcNow();
        prescription.DownloadCount++;
        tracker.PrescriptionDownloaded(prescription.PatientId.ToString("D"), prescription.Id, actor, from, now - prescription.GeneratedAt);
        await db.SaveChangesAsync(cancellationToken);
        return Results.File(prescription.Document, PrescriptionDocument.ContentType, $"prescription-{prescription.Id}.pdf");
    }

    private static PrescriptionView View(Prescription p) => new(p.Id, p.PatientId, p.Stage, p.ItemCount, $"/prescriptions/{p.Id}/document");
}
