using System.Text.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Auth;
using MedicApp.Api.Features.Auth.Access;
using MedicApp.Api.Features.Auth.RateLimits;
using MedicApp.Api.Features.Auth.Sessions;
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
    // Secrets checked per link or code. Each attempt is counted in the database before its secret is compared, its row
    // locked until the answer is committed: requests in parallel are checked one after the other, never more than this.
    private const int MaxSecretEntries = 5;

    public static IEndpointRouteBuilder MapPatients(this IEndpointRouteBuilder routes)
    {
        var patients = routes.MapGroup("/patients").WithTags("Patients").Protects(ProtectedResource.Patient);
        patients.MapPost("/", RegisterAsync).RateLimitedAs(RateLimitedOperation.Registration)
            .AllowAnonymousBecause("Registration: the caller has no account yet. Rate-limited per address.")
            .WithSummary("Registers a patient and their account; sends the email link and the SMS code; answers with a first session.");
        patients.MapGet("/{id:guid}", GetAsync).RequireAuthorization()
            .WithSummary("A patient's journey, without contact details or health data: the patient, or their clinic's staff.");
        patients.MapPut("/{id:guid}/medical-file", CompleteMedicalFileAsync).RequireAuthorization(AccessPolicies.Patient).WithSummary("Completes the patient's own medical file.");

        // The verifications prove that the caller holds the secret sent to the patient's own address or phone, before
        // the patient can log in; sending a new link sends it there too. Rate-limited per address, attempts per patient.
        patients.MapPost("/{id:guid}/email-verification", VerifyEmailAsync).RateLimitedAs(RateLimitedOperation.Verification)
            .AllowAnonymousBecause("Verification by the link's token, which only the patient's mailbox received.").WithSummary("Confirms the email with the link's token.");
        patients.MapPost("/{id:guid}/email-verification/resend", ResendEmailLinkAsync).RateLimitedAs(RateLimitedOperation.Verification)
            .AllowAnonymousBecause("Sends a new link to the patient's own address only; a patient who cannot log in yet needs it.").WithSummary("Sends a new email link.");
        patients.MapPost("/{id:guid}/phone-verification", VerifyPhoneAsync).RateLimitedAs(RateLimitedOperation.Verification)
            .AllowAnonymousBecause("Verification by the SMS code, which only the patient's phone received.").WithSummary("Confirms the phone with the SMS code.");
        return routes;
    }

    private static async Task<IResult> RegisterAsync(
        RegisterPatientRequest request, MedicAppDbContext db, EventTracker tracker, IMessageSender messages, IPasswordHasher<Account> hasher, SecretHash secrets, SessionIssuer sessions, TimeProvider time, CancellationToken cancellationToken)
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
            EmailTokenHash = secrets.Of(emailToken),
            EmailLinkSentAt = now,
            EmailLinksSent = 1,
            PhoneCodeHash = secrets.Of(phoneCode),
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

        // The new patient's first session: until their email is verified they cannot log in, and their file is theirs to fill.
        var session = sessions.Issue(account, SessionOrigin.Registration);
        if (!await db.TrySaveUniqueAsync(cancellationToken))
        {
            return Problems.Conflict("An account already uses this email.");
        }

        messages.Send(new OutgoingMessage(email, MessagePurpose.EmailVerification, emailToken));
        messages.Send(new OutgoingMessage(patient.Phone, MessagePurpose.PhoneVerification, phoneCode));
        return Results.Created($"/patients/{patient.Id}", PatientView.Of(patient, account.Id) with { Session = session });
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, MedicAppDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.ReachesAsync(Caller.Of(context), id, cancellationToken))
        {
            return AccessDenials.NotTheirs(context, "patient");
        }

        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return Problems.NotFound("patient");
        }

        var accountId = await db.Accounts.Where(a => a.PatientId == id).Select(static a => a.Id).FirstAsync(cancellationToken);
        return Results.Ok(PatientView.Of(patient, accountId));
    }

    private static async Task<IResult> CompleteMedicalFileAsync(
        Guid id, MedicalFileRequest request, HttpContext context, MedicAppDbContext db, EventTracker tracker, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Caller.Of(context).Is(id))
        {
            return AccessDenials.NotTheirs(context, "patient");
        }

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
        Guid id, VerificationRequest request, MedicAppDbContext db, EventTracker tracker, SecretHash secrets, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("secret", request.Secret, 128);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        return await db.InTransactionWithEventsAsync(
            async ct =>
            {
                var counted = await db.Patients
                    .Where(p => p.Id == id && p.EmailVerifiedAt == null && p.EmailTokensEntered < MaxSecretEntries)
                    .ExecuteUpdateAsync(s => s.SetProperty(static p => p.EmailTokensEntered, static p => p.EmailTokensEntered + 1).SetProperty(static p => p.Version, static p => p.Version + 1), ct);
                var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
                if (patient is null)
                {
                    return Problems.NotFound("patient");
                }

                if (counted == 0)
                {
                    return patient.EmailVerifiedAt is not null
                        ? Problems.Conflict("The email is already verified.")
                        : TooManySecrets("Too many links tried.", "Ask for a new link.");
                }

                if (!secrets.Matches(request.Secret, patient.EmailTokenHash))
                {
                    return validation.Add("secret", "The link is not valid: ask for a new one.").ToProblem();
                }

                var now = time.GetUtcNow();
                patient.EmailVerifiedAt = now;
                patient.LastActivityAt = now;
                List<JourneyTransition> transitions = [];
                AdvanceIfContactVerified(patient, now, transitions);
                tracker.PatientEmailVerified(patient.TelemetryId, now - patient.EmailLinkSentAt, patient.EmailLinksSent);
                tracker.Track(transitions);
                return Results.Ok(PatientView.Of(patient));
            },
            cancellationToken);
    }

    private static async Task<IResult> ResendEmailLinkAsync(Guid id, MedicAppDbContext db, IMessageSender messages, SecretHash secrets, TimeProvider time, CancellationToken cancellationToken)
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
        patient.EmailTokenHash = secrets.Of(token);
        patient.EmailLinkSentAt = time.GetUtcNow();
        patient.EmailLinksSent++;
        patient.EmailTokensEntered = 0;
        await db.SaveChangesAsync(cancellationToken);
        messages.Send(new OutgoingMessage(patient.Email, MessagePurpose.EmailVerification, token));
        return Results.Accepted();
    }

    private static async Task<IResult> VerifyPhoneAsync(
        Guid id, VerificationRequest request, MedicAppDbContext db, EventTracker tracker, SecretHash secrets, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("secret", request.Secret, 16);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        return await db.InTransactionWithEventsAsync(
            async ct =>
            {
                var counted = await db.Patients
                    .Where(p => p.Id == id && p.PhoneVerifiedAt == null && p.PhoneCodesEntered < MaxSecretEntries)
                    .ExecuteUpdateAsync(s => s.SetProperty(static p => p.PhoneCodesEntered, static p => p.PhoneCodesEntered + 1).SetProperty(static p => p.Version, static p => p.Version + 1), ct);
                var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
                if (patient is null)
                {
                    return Problems.NotFound("patient");
                }

                if (counted == 0)
                {
                    return patient.PhoneVerifiedAt is not null
                        ? Problems.Conflict("The phone is already verified.")
                        : TooManySecrets("Too many codes entered.", "Contact the clinic to verify the phone.");
                }

                if (!secrets.Matches(request.Secret, patient.PhoneCodeHash))
                {
                    return validation.Add("secret", "The code is not valid.").ToProblem();
                }

                var now = time.GetUtcNow();
                patient.PhoneVerifiedAt = now;
                patient.LastActivityAt = now;
                List<JourneyTransition> transitions = [];
                AdvanceIfContactVerified(patient, now, transitions);
                tracker.PatientPhoneVerified(patient.TelemetryId, now - patient.PhoneCodeSentAt, patient.PhoneCodesEntered);
                tracker.Track(transitions);
                return Results.Ok(PatientView.Of(patient));
            },
            cancellationToken);
    }

    private static IResult TooManySecrets(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: detail);

    // The journey reaches "contact verified" once the file is complete and both email and phone are confirmed, in any order.
    private static void AdvanceIfContactVerified(Patient patient, DateTimeOffset now, List<JourneyTransition> transitions)
    {
        if (patient.JourneyState == JourneyState.DossierCompleted && patient.IsContactVerified)
        {
            transitions.Add(PatientJourney.Move(patient, JourneyState.ContactVerified, TransitionTrigger.PatientAction, now));
        }
    }
}
