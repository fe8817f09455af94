using MedicApp.Api.Data;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Signatures;

/// <summary>One document to sign, through Yousign or at the clinic.</summary>
internal sealed class SignatureRequest : IVersioned
{
    public int Version { get; set; }

    public Guid Id { get; init; }

    public Guid PatientId { get; init; }

    public SignatureProvider Provider { get; init; }

    public SignatureDocument Document { get; init; }

    /// <summary>Yousign's signature request id; null at the clinic.</summary>
    public string? ExternalId { get; init; }

    public string? ClinicId { get; init; }

    public string? PractitionerId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    public SignatureOutcome? Outcome { get; set; }
}
