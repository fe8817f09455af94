using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Signatures;

/// <summary>Asks a patient to sign a document through Yousign.</summary>
internal sealed record YousignSignatureRequest(SignatureDocument? Document);

/// <summary>Starts a signature at the clinic, with the practitioner present.</summary>
internal sealed record ClinicSignatureRequest(SignatureDocument? Document, string? ClinicId, string? PractitionerId);

/// <summary>Ends a signature at the clinic.</summary>
internal sealed record ClinicSignatureCompletion(SignatureOutcome? Outcome);

/// <summary>A signature request as the API answers it.</summary>
internal sealed record SignatureView(Guid Id, Guid PatientId, SignatureProvider Provider, SignatureDocument Document, string? ExternalId, SignatureOutcome? Outcome);
