using System.Text.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Auth;
using MedicApp.Api.Features.Journey;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Features.Patients;

/// <summary>Registration, medical file, email and phone verification (LOG-11).</summary>
internal static class PatientEndpoints
{
    private const int MaxCodeEntries = 5;

    public static IEndpointRouteBuilder MapPatients(this IEndpointRouteBuilder routes)
    {
        var patients = routes.MapGroup("/patients").WithTags("Patients");
        patients.MapPost("/", RegisterAsync).WithSummary("Registers a patient and their account; sends the email link and the SMS code.");
        patients.MapGet("/{id:guid}", GetAsync).WithSummary("A patient's journey, without contact details or health data.");
        patients.MapPut("/{id:guid}/medical-file", CompleteMedicalFileAsync).WithSummary("Completes the medical file.");
        patients.MapPost("/{id:guid}/email-verification", VerifyEmailAsync).WithSummary("Confirms the email with the link's token.");
        patients.MapPost("/{id:guid}/email-verification/resend", ResendEmailLinkAsync).WithSummary("Sends a new email link.");
        patients.MapPost("/{id:guid}/phone-verification", VerifyPhoneAsync).WithSummary("Confirms the phone with the SMS code.");
        return routes;
    }

    private static async Task<IResult> RegisterAsync(
        RegisterPatientRequest request, MedicAppDbContext db, EventTracker tracker, IMessageSender messages, IPasswordHasher<Account> hasher, TimeProvider time, CancellationToken cancellationToken)
    {
        var phone = ContactFormats.NormalizePhone(request.Phone);
        var validation = new RequestValidation()
            .Email("email", request.Email)
            .Required("password", request.Password, 128);
        var locale = request.Locale is null ? null : SupportedLocales.Find(request.Locale);
        if (request.Locale is not null && locale is null)
        {
            validation.Add("locale", $"The locale is not one MedicApp supports: {string.Join(", ", SupportedLocales.All)}.");
        }

        if (request.Password is { Length: < 12 })
        {
            validation.Add("password", "The password must hold at least 12 characters.");
        }

        if (phone is null)
        {
            validation.Add("phone", "The phone is required, as a French number (06 12 34 56 78) or in international form (+44 20 7946 0958).");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var email = request.Email!.Trim().ToLowerInvariant();
        if (await db.Accounts.AnyAsync(a => a.Login == email, cancellationToken))
        {
            return Problems.Conflict("An account already uses this email.");
        }

        // The event is written with the patient and the account, and sent once they are committed.
        await using var events = db.CaptureTelemetryEvents();
        var now = time.GetUtcNow();
        var emailToken = SecretHash.NewToken();
        var phoneCode = SecretHash.NewCode();
        var patient = new Patient
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            Phone = phone!,
            Channel = request.Channel ?? ClientChannel.Web,
            Locale = locale,
            RegisteredAt = now,
            EmailTokenHash = SecretHash.Of(emailToken),
            EmailLinkSentAt = now,
            EmailLinksSent = 1,
            PhoneCodeHash = SecretHash.Of(phoneCode),
            PhoneCodeSentAt = now,
            JourneyState = JourneyState.Registered,
            JourneyStateSince = now,
            LastActivityAt = now,
        };
        var account = new Account { Id = Guid.CreateVersion7(), PatientId = patient.Id, Login = email, PasswordHash = "", Role = UserRole.Patient, MfaMethod = MfaMethod.Sms };
        account.PasswordHash = hasher.HashPassword(account, request.Password!);
        db.Patients.Add(patient);
        db.Accounts.Add(account);
        tracker.PatientRegistered(patient.TelemetryId, patient.Channel, patient.Locale);
        if (!await db.TrySaveUniqueAsync(cancellationToken))
        {
            return Problems.Conflict("An account already uses this email.");
        }

        messages.Send(new OutgoingMessage(email, MessagePurpose.EmailVerification, emailToken));
        messages.Send(new OutgoingMessage(patient.Phone, MessagePurpose.PhoneVerification, phoneCode));
        return Results.Created($"/patients/{patient.Id}", PatientView.Of(patient, account.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, MedicAppDbContext db, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return Problems.NotFound("patient");
        }

        var accountId = await db.Accounts.Where(a => a.PatientId == id).Select(static a => a.Id).FirstAsync(cancellationToken);
        return Results.Ok(PatientView.Of(patient, accountId));
    }

    private static async Task<IResult> CompleteMedicalFileAsync(
        Guid id, MedicalFileRequest request, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Required("medicalHistory", request.MedicalHistory, MedicalFileRequest.MaxSectionLength)
            .Required("allergies", request.Allergies, MedicalFileRequest.MaxSectionLength)
            .Required("currentTreatments", request.CurrentTreatments, MedicalFileRequest.MaxSectionLength)
            .Optional("previousSurgeries", request.PreviousSurgeries, MedicalFileRequest.MaxSectionLength)
            .Optional("lifestyle", request.Lifestyle, MedicalFileRequest.MaxSectionLength)
            .Range("documentsUploaded", request.DocumentsUploaded, 0, 50);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return Problems.NotFound("patient");
        }

        if (patient.DossierCompletedAt is not null)
        {
            return Problems.Conflict("The medical file is already complete.");
        }

        await using var events = db.CaptureTelemetryEvents();
        var now = time.GetUtcNow();
        patient.MedicalFile = JsonSerializer.Serialize(request with { Channel = null });
        patient.DossierCompletedAt = now;
        List<JourneyTransition> transitions = [PatientJourney.Move(patient, JourneyState.DossierCompleted, TransitionTrigger.PatientAction, now)];
        AdvanceIfContactVerified(patient, now, transitions);
        tracker.PatientDossierCompleted(patient.TelemetryId, request.Channel ?? patient.Channel, now - patient.RegisteredAt, request.SectionsCompleted, request.DocumentsUploaded ?? 0);
        tracker.Track(transitions);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(PatientView.Of(patient));
    }

    private static async Task<IResult> VerifyEmailAsync(
        Guid id, VerificationRequest request, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("secret", request.Secret, 128);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return Problems.NotFound("patient");
        }

        if (patient.EmailVerifiedAt is not null)
        {
            return Problems.Conflict("The email is already verified.");
        }

        if (!SecretHash.Matches(request.Secret, patient.EmailTokenHash))
        {
            return validation.Add("secret", "The link is not valid: ask for a new one.").ToProblem();
        }

        await using var events = db.CaptureTelemetryEvents();
        var now = time.GetUtcNow();
        patient.EmailVerifiedAt = now;
        patient.LastActivityAt = now;
        List<JourneyTransition> transitions = [];
        AdvanceIfContactVerified(patient, now, transitions);
        tracker.PatientEmailVerified(patient.TelemetryId, now - patient.EmailLinkSentAt, patient.EmailLinksSent);
        tracker.Track(transitions);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(PatientView.Of(patient));
    }

    private static async Task<IResult> ResendEmailLinkAsync(Guid id, MedicAppDbContext db, IMessageSender messages, TimeProvider time, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return Problems.NotFound("patient");
        }

        if (patient.EmailVerifiedAt is not null)
        {
            return Problems.Conflict("The email is already verified.");
        }

        var token = SecretHash.NewToken();
        patient.EmailTokenHash = SecretHash.Of(token);
        patient.EmailLinkSentAt = time.GetUtcNow();
        patient.EmailLinksSent++;
        await db.SaveChangesAsync(cancellationToken);
        messages.Send(new OutgoingMessage(patient.Email, MessagePurpose.EmailVerification, token));
        return Results.Accepted();
    }

    private static async Task<IResult> VerifyPhoneAsync(
        Guid id, VerificationRequest request, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("secret", request.Secret, 16);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return Problems.NotFound("patient");
        }

        if (patient.PhoneVerifiedAt is not null)
        {
            return Problems.Conflict("The phone is already verified.");
        }

        if (patient.PhoneCodesEntered >= MaxCodeEntries)
        {
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many codes entered.", detail: "Contact the clinic to verify the phone.");
        }

        patient.PhoneCodesEntered++;
        if (!SecretHash.Matches(request.Secret, patient.PhoneCodeHash))
        {
            await db.SaveChangesAsync(cancellationToken);
            return validation.Add("secret", "The code is not valid.").ToProblem();
        }

        await using var events = db.CaptureTelemetryEvents();
        var now = time.GetUtcNow();
        patient.PhoneVerifiedAt = now;
        patient.LastActivityAt = now;
        List<JourneyTransition> transitions = [];
        AdvanceIfContactVerified(patient, now, transitions);
        tracker.PatientPhoneVerified(patient.TelemetryId, now - patient.PhoneCodeSentAt, patient.PhoneCodesEntered);
        tracker.Track(transitions);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(PatientView.Of(patient));
    }

    // The journey reaches "contact verified" once the file is complete and both email and phone are confirmed, in any order.
    private static void AdvanceIfContactVerified(Patient patient, DateTimeOffset now, List<JourneyTransition> transitions)
    {
        if (patient.JourneyState == JourneyState.DossierCompleted && patient.IsContactVerified)
        {
            transitions.Add(PatientJourney.Move(patient, JourneyState.ContactVerified, TransitionTrigger.PatientAction, now));
        }
    }
}
