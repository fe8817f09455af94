using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Appointments;

/// <summary>Books a slot.</summary>
internal sealed record BookAppointmentRequest(Guid? PatientId, string? PractitionerId, AppointmentKind? Kind, DateTimeOffset? StartsAt, ClientChannel? Channel);

/// <summary>Cancels an appointment: who and why, as categories.</summary>
internal sealed record CancelAppointmentRequest(CancellationInitiator? CancelledBy, CancellationReason? Reason);

/// <summary>An appointment as the API answers it.</summary>
internal sealed record AppointmentView(Guid Id, Guid PatientId, string PractitionerId, AppointmentKind Kind, DateTimeOffset StartsAt, bool Cancelled);

/// <summary>How full a practitioner's day is.</summary>
internal sealed record SlotUtilization(string PractitionerId, string ClinicId, DateTimeOffset Day, int TotalSlots, int BookedSlots, int CancelledSlots, double UtilizationRatio);
