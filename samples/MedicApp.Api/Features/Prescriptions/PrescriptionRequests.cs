using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Prescriptions;

/// <summary>Writes a prescription: health data, which goes into the document and nowhere else.</summary>
internal sealed record GeneratePrescriptionRequest(Guid? PatientId, string? PractitionerId, PrescriptionStage? Stage, List<PrescriptionItem>? Items);

/// <summary>One line of a prescription.</summary>
internal sealed record PrescriptionItem(string? Medication, string? Dosage, string? Duration);

/// <summary>A generated prescription as the API answers it: where to download it, not what it says.</summary>
internal sealed record PrescriptionView(Guid Id, Guid PatientId, PrescriptionStage Stage, int ItemCount, string DocumentUrl);
