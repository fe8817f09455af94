using MedicApp.Api.Data;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Prescriptions;

/// <summary>A prescription and its generated document: health data, kept in the database only.</summary>
internal sealed class Prescription : IVersioned
{
    public int Version { get; set; }

    public Guid Id { get; init; }

    public Guid PatientId { get; init; }

    public required string PractitionerId { get; init; }

    public PrescriptionStage Stage { get; init; }

    public int ItemCount { get; init; }

    public required byte[] Document { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }

    public int DownloadCount { get; set; }
}
