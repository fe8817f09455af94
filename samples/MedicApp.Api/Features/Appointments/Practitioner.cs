namespace MedicApp.Api.Features.Appointments;

/// <summary>A practitioner and the clinic they consult in; their slots come from <see cref="SlotSchedule"/>.</summary>
internal sealed class Practitioner
{
    public required string Id { get; init; }

    public required string ClinicId { get; init; }

    public required string Speciality { get; init; }
}
