using MedicApp.Api.Data;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Auth;

/// <summary>A login: a patient's email or a staff member's, and a password hash, with its lockout and multi-factor state.</summary>
internal sealed class Account : IVersioned
{
    public int Version { get; set; }

    public Guid Id { get; init; }

    public Guid? PatientId { get; init; }

    /// <summary>The login, lower-cased.</summary>
    public required string Login { get; init; }

    public required string PasswordHash { get; set; }

    public UserRole Role { get; init; }

    /// <summary>The clinic a staff account works at, or a practitioner's clinic; null for a patient.</summary>
    public string? ClinicId { get; init; }

    /// <summary>The practitioner a practitioner's account is; null otherwise.</summary>
    public string? PractitionerId { get; init; }

    public MfaMethod MfaMethod { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>The pending multi-factor challenge: an opaque id handed to the client, the code's hash, its age and attempts.</summary>
    public string? MfaChallengeId { get; set; }

    public string? MfaCodeHash { get; set; }

    public DateTimeOffset? MfaCodeSentAt { get; set; }

    public int MfaAttempts { get; set; }

    public string TelemetryId => TelemetryIdOf(Id);

    /// <summary>The id of an account as telemetry receives it, before pseudonymization.</summary>
    public static string TelemetryIdOf(Guid accountId) => accountId.ToString("D");
}
