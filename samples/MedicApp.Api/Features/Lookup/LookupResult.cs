using MedicApp.Api.Features.Auth;
using MedicApp.Api.Features.Patients;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Lookup;

/// <summary>The answer to a lookup: one result per distinct pseudonym asked for, in the order asked.</summary>
internal sealed record LookupAnswer(string KeyId, IReadOnlyList<LookupResult> Results);

/// <summary>What one pseudonym names, with the records a clinic may see.</summary>
internal sealed record LookupResult(
    string Pseudonym,
    LookupKind Kind,
    PatientRecord? Patient = null,
    AccountRecord? Account = null,
    string? Address = null,
    string? Detail = null);

/// <summary>A patient as the clinic's staff may see them to act on an alert: contact and journey, never the medical file.</summary>
internal sealed record PatientRecord(
    Guid Id,
    string Email,
    string Phone,
    JourneyState JourneyState,
    DateTimeOffset JourneyStateSince,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset? ReflectionPeriodEndsAt,
    bool MedicalFileCompleted,
    bool EmailVerified,
    bool PhoneVerified)
{
    public static PatientRecord Of(Patient patient) => new(
        patient.Id,
        patient.Email,
        patient.Phone,
        patient.JourneyState,
        patient.JourneyStateSince,
        patient.RegisteredAt,
        patient.LastActivityAt,
        patient.ReflectionPeriodEndsAt,
        patient.DossierCompletedAt is not null,
        patient.EmailVerifiedAt is not null,
        patient.PhoneVerifiedAt is not null);
}

/// <summary>An account's login and lockout state: what support needs after a brute-force alert, no secret.</summary>
internal sealed record AccountRecord(Guid Id, string Login, UserRole Role, int ConsecutiveFailures, DateTimeOffset? LockedUntil, DateTimeOffset? LastLoginAt)
{
    public static AccountRecord Of(Account account)
        => new(account.Id, account.Login, account.Role, account.ConsecutiveFailures, account.LockedUntil, account.LastLoginAt);
}
