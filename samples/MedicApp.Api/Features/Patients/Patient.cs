using MedicApp.Api.Data;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Patients;

/// <summary>
/// A patient and where their journey stands. Contact details and the medical file stay in the database: telemetry only
/// ever carries the pseudonymized id, states, counts and durations.
/// </summary>
internal sealed class Patient : IVersioned
{
    public int Version { get; set; }

    public Guid Id { get; init; }

    public required string Email { get; set; }

    public required string Phone { get; set; }

    public ClientChannel Channel { get; init; }

    public string? Locale { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The medical file as submitted (JSON): health data, never logged.</summary>
    public string? MedicalFile { get; set; }

    public DateTimeOffset? DossierCompletedAt { get; set; }

    public required string EmailTokenHash { get; set; }

    public DateTimeOffset EmailLinkSentAt { get; set; }

    public int EmailLinksSent { get; set; }

    /// <summary>How many tokens were checked against the current link; a new link starts again from zero.</summary>
    public int EmailTokensEntered { get; set; }

    public DateTimeOffset? EmailVerifiedAt { get; set; }

    public required string PhoneCodeHash { get; set; }

    public DateTimeOffset PhoneCodeSentAt { get; set; }

    public int PhoneCodesEntered { get; set; }

    public DateTimeOffset? PhoneVerifiedAt { get; set; }

    public JourneyState JourneyState { get; set; }

    public DateTimeOffset JourneyStateSince { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? ReflectionPeriodEndsAt { get; set; }

    /// <summary>Set once, by the job that reported the end of the reflection period.</summary>
    public DateTimeOffset? ReflectionEndReportedAt { get; set; }

    /// <summary>Set once, by the job that reported the journey abandoned.</summary>
    public DateTimeOffset? AbandonReportedAt { get; set; }

    public bool IsContactVerified => EmailVerifiedAt is not null && PhoneVerifiedAt is not null;

    /// <summary>The id as telemetry receives it, before pseudonymization.</summary>
    public string TelemetryId => Id.ToString("D");
}
