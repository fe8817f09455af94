using MedicApp.Api.Data;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Appointments;

/// <summary>A booked slot; a cancelled one keeps its row, and frees the slot.</summary>
internal sealed class Appointment : IVersioned
{
    public int Version { get; set; }

    public Guid Id { get; init; }

    public Guid PatientId { get; init; }

    public required string PractitionerId { get; init; }

    public required string ClinicId { get; init; }

    public AppointmentKind Kind { get; init; }

    public ClientChannel Channel { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset BookedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; set; }

    public CancellationInitiator? CancelledBy { get; set; }

    public CancellationReason? CancellationReason { get; set; }
}
