using System.Text.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Auth.Access;
using MedicApp.Api.Features.Appointments;
using MedicApp.Api.Features.Journey;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Signatures;

/// <summary>Signatures through Yousign and its webhook, at the clinic, and all signatures complete (LOG-12).</summary>
internal static class SignatureEndpoints
{
    public const int MaxWebhookBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapSignatures(this IEndpointRouteBuilder routes)
    {
        var signatures = routes.MapGroup("/").WithTags("Signatures").Protects(ProtectedResource.Signature);
        signatures.MapPost("/patients/{id:guid}/signatures/yousign", RequestYousignAsync).RequireAuthorization(AccessPolicies.Patient)
            .WithSummary("Sends one of the patient's own documents to sign through Yousign.");
        signatures.MapPost("/patients/{id:guid}/signatures/clinic", StartAtClinicAsync).RequireAuthorization(AccessPolicies.Staff)
            .WithSummary("Starts a signature at the staff member's own clinic.");
        signatures.MapPost("/signatures/{signatureId:guid}/clinic-completion", CompleteAtClinicAsync).RequireAuthorization(AccessPolicies.Staff)
            .WithSummary("Ends a signature at the staff member's own clinic.");
        signatures.MapGet("/patients/{id:guid}/signatures", ListAsync).RequireAuthorization()
            .WithSummary("A patient's signature requests: the patient, or their clinic's staff.");
        signatures.MapPost("/webhooks/yousign", ReceiveWebhookAsync).DisableAntiforgery()
            .AllowAnonymousBecause("Yousign calls it without a session: each call is authenticated by its HMAC-SHA256 signature, checked first.")
            .WithSummary("Yousign's webhook, signed with HMAC-SHA256.");
        return routes;
    }

    private static async Task<IResult> RequestYousignAsync(
        Guid id, YousignSignatureRequest request, HttpContext context, MedicAppDbContext db, IYousignClient yousign, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Caller.Of(context).Is(id))
        {
            return AccessDenials.NotTheirs(context, "patient");
        }

        var validation = new RequestValidation().Required("document", request.Document);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var (patient, problem) = await FindSignablePatientAsync(db, id, request.Document!.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var externalId = await yousign.CreateSignatureRequestAsync(id, request.Document.Value, cancellationToken);
        await using var events = db.CaptureTelemetryEvents();
        var signature = new SignatureRequest
        {
            Id = Guid.CreateVersion7(),
            PatientId = id,
            Provider = SignatureProvider.Yousign,
            Document = request.Document.Value,
            ExternalId = externalId,
            CreatedAt = time.GetUtcNow(),
        };
        var transitions = Start(db, patient!, signature, TransitionTrigger.PatientAction);
        tracker.SignatureYousignInitiated(patient!.TelemetryId, externalId, signature.Document, documentCount: 1);
        tracker.Track(transitions);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Created($"/patients/{id}/signatures", View(signature));
    }

    private static async Task<IResult> StartAtClinicAsync(
        Guid id, ClinicSignatureRequest request, HttpContext context, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {

        var validation = new RequestValidation()
            .Required("document", request.Document)
            .Required("clinicId", request.ClinicId, 64)
            .Required("practitionerId", request.PractitionerId, 64);
        var practitioner = await validation.FindPractitionerAsync(db, "practitionerId", request.PractitionerId, cancellationToken);
        await validation.CheckClinicAsync(db, "clinicId", request.ClinicId, "practitionerId", practitioner, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (!Caller.Of(context).IsStaffOf(request.ClinicId))
        {
            return AccessDenials.Forbidden(context, "A signature at the clinic is started by that clinic's staff.");
        }

        var (patient, problem) = await FindSignablePatientAsync(db, id, request.Document!.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await using var events = db.CaptureTelemetryEvents();
        var signature = new SignatureRequest
        {
            Id = Guid.CreateVersion7(),
            PatientId = id,
            Provider = SignatureProvider.Clinic,
            Document = request.Document.Value,
            ClinicId = request.ClinicId,
            PractitionerId = request.PractitionerId,
            CreatedAt = time.GetUtcNow(),
        };
        var transitions = Start(db, patient!, signature, TransitionTrigger.StaffAction);
        tracker.SignatureCabinetInitiated(patient!.TelemetryId, signature.ClinicId!, signature.PractitionerId!, signature.Document);
        tracker.Track(transitions);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Created($"/patients/{id}/signatures", View(signature));
    }

    private static async Task<IResult> CompleteAtClinicAsync(
        Guid signatureId, ClinicSignatureCompletion request, HttpContext context, MedicAppDbContext db, SignatureCompletion completion, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("outcome", request.Outcome);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var signature = await db.SignatureRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == signatureId && r.Provider == SignatureProvider.Clinic, cancellationToken);
        if (signature is null || !Caller.Of(context).IsStaffOf(signature.ClinicId))
        {
            return AccessDenials.NotTheirs(context, "signature at the clinic");
        }

        if (!await completion.CompleteAsync(signature, request.Outcome!.Value, TransitionTrigger.StaffAction, cancellationToken))
        {
            return Problems.Conflict("The signature has already ended.");
        }

        return Results.Ok(View(signature) with { Outcome = request.Outcome });
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext context, MedicAppDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.ReachesAsync(Caller.Of(context), id, cancellationToken) || !await db.Patients.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return AccessDenials.NotTheirs(context, "patient");
        }

        var requests = await db.SignatureRequests.AsNoTracking().Where(r => r.PatientId == id).OrderBy(static r => r.CreatedAt).ToListAsync(cancellationToken);
        return Results.Ok(requests.Select(View));
    }

    // Yousign retries a call that did not get a 2xx: an unknown or already handled request is acknowledged, not failed.
    private static async Task<IResult> ReceiveWebhookAsync(
        HttpRequest httpRequest, MedicAppDbContext db, SignatureCompletion completion, IOptions<YousignOptions> options, ILogger<YousignWebhook> logger, CancellationToken cancellationToken)
    {
        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The Yousign webhook is not configured.", detail: "Set Yousign:WebhookSecret.");
        }

        var body = await WebhookBody.ReadAsync(httpRequest, MaxWebhookBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The webhook body is too large.");
        }

        if (!YousignWebhookSignature.IsValid(secret, body, httpRequest.Headers[YousignWebhookSignature.HeaderName]))
        {
            return Problems.Unauthorized($"The {YousignWebhookSignature.HeaderName} header does not sign this body.");
        }

        YousignWebhook? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize(body, YousignWebhookJson.Default.YousignWebhook);
        }
        catch (JsonException)
        {
            webhook = null;
        }

        if (webhook?.Data?.SignatureRequest?.Id is not { Length: > 0 } externalId || !RequestValidation.IsText(externalId) || webhook.EventName is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook body is not a Yousign signature request event.");
        }

        if (webhook.Outcome is not { } outcome)
        {
            return Results.Ok(new { handled = false });
        }

        var signature = await db.SignatureRequests.AsNoTracking().FirstOrDefaultAsync(r => r.ExternalId == externalId, cancellationToken);
        if (signature is null)
        {
            YousignLog.UnknownRequest(logger, webhook.EventName);
            return Results.Ok(new { handled = false });
        }

        var handled = await completion.CompleteAsync(signature, outcome, TransitionTrigger.SignatureWebhook, cancellationToken);
        return Results.Ok(new { handled });
    }

    private static async Task<(Patient? Patient, IResult? Problem)> FindSignablePatientAsync(MedicAppDbContext db, Guid id, SignatureDocument document, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return (null, Problems.NotFound("patient"));
        }

        if (patient.JourneyState is not (JourneyState.ContactVerified or JourneyState.SignaturesPending))
        {
            return (null, Problems.Conflict($"Documents are signed once the file is complete and the contact verified; the journey is at {patient.JourneyState}."));
        }

        // A declined or expired request can be sent again; a pending or signed one cannot.
        if (await db.SignatureRequests.AnyAsync(r => r.PatientId == id && r.Document == document && (r.CompletedAt == null || r.Outcome == SignatureOutcome.Signed), cancellationToken))
        {
            return (null, Problems.Conflict($"A signature of the {document} is already pending or done."));
        }

        return (patient, null);
    }

    private static List<JourneyTransition> Start(MedicAppDbContext db, Patient patient, SignatureRequest signature, TransitionTrigger trigger)
    {
        // Whether a document may be sent to sign depends on the patient's other requests: the patient's version orders
        // two requests for the same document sent at once, and the second runs again and finds the first.
        db.SignatureRequests.Add(signature);
        db.Touch(patient);
        patient.LastActivityAt = signature.CreatedAt;
        return patient.JourneyState == JourneyState.ContactVerified
            ? [PatientJourney.Move(patient, JourneyState.SignaturesPending, trigger, signature.CreatedAt)]
            : [];
    }

    private static SignatureView View(SignatureRequest r) => new(r.Id, r.PatientId, r.Provider, r.Document, r.ExternalId, r.Outcome);
}
