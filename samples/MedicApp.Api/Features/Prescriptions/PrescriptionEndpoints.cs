using MedicApp.Api.Data;
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
        var prescriptions = routes.MapGroup("/prescriptions").WithTags("Prescriptions");
        prescriptions.MapPost("/", GenerateAsync).WithSummary("Writes a prescription and generates its PDF.");
        prescriptions.MapGet("/{id:guid}/document", DownloadAsync).WithSummary("Downloads the PDF (downloadedBy, channel: who and from where).");
        return routes;
    }

    private static async Task<IResult> GenerateAsync(GeneratePrescriptionRequest request, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
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

    private static async Task<IResult> DownloadAsync(Guid id, string? downloadedBy, string? channel, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        if (!EnumNames.TryParse<DocumentActor>(downloadedBy, out var actor))
        {
            validation.Add("downloadedBy", $"Who downloads: one of {EnumNames.List<DocumentActor>()}.");
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
        if (prescription is null)
        {
            return Problems.NotFound("prescription");
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
