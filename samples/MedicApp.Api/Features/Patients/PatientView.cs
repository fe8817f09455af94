using System.Text.Json.Serialization;
using MedicApp.Api.Features.Auth.Sessions;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Patients;

/// <summary>What the API answers about a patient: the journey, no contact details, no health data.</summary>
internal sealed record PatientView(
    Guid Id,
    Guid? AccountId,
    JourneyState JourneyState,
    DateTimeOffset JourneyStateSince,
    bool MedicalFileCompleted,
    bool EmailVerified,
    bool PhoneVerified,
    DateTimeOffset? ReflectionPeriodEndsAt)
{
    /// <summary>Gets the new patient's first session: in the answer to the registration only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SessionTokens? Session { get; init; }

    public static PatientView Of(Patient patient, Guid? accountId = null) => new(
        patient.Id,
        accountId,
        patient.JourneyState,
        patient.JourneyStateSince,
        patient.DossierCompletedAt is not null,
        patient.EmailVerifiedAt is not null,
        patient.PhoneVerifiedAt is not null,
        patient.ReflectionPeriodEndsAt);
}
