using System;

namespace MedicApp.Telemetry.Events;

// LOG-12: signatures through Yousign and at the clinic.
public sealed partial class EventTracker
{
    /// <summary>Tracks <c>signature_yousign_initiated</c>: a Yousign signature request was sent to a patient.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="signatureRequestId">The Yousign signature request id.</param>
    /// <param name="document">The kind of document.</param>
    /// <param name="documentCount">How many documents the request holds.</param>
    [TelemetryEvent("signature_yousign_initiated", Area = "LOG-12", Description = "A Yousign signature request was sent to a patient.")]
    public partial void SignatureYousignInitiated(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [Pseudonymized("The Yousign signature request, pseudonymized.")] string signatureRequestId,
        [NotPersonal("The kind of document.")] SignatureDocument document,
        [NotPersonal("How many documents the request holds.")] int documentCount);

    /// <summary>Tracks <c>signature_yousign_completed</c>: a Yousign signature request ended.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="signatureRequestId">The Yousign signature request id.</param>
    /// <param name="document">The kind of document.</param>
    /// <param name="outcome">How the request ended.</param>
    /// <param name="timeToSign">Time from the request to its end.</param>
    [TelemetryEvent("signature_yousign_completed", Area = "LOG-12", Description = "A Yousign signature request ended (signed, declined or expired), as told by the Yousign webhook.")]
    public partial void SignatureYousignCompleted(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [Pseudonymized("The Yousign signature request, pseudonymized.")] string signatureRequestId,
        [NotPersonal("The kind of document.")] SignatureDocument document,
        [NotPersonal("How the request ended.")] SignatureOutcome outcome,
        [NotPersonal("Time from the request to its end.")] TimeSpan timeToSign);

    /// <summary>Tracks <c>signature_cabinet_initiated</c>: a signature at the clinic was started.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="clinicId">The clinic.</param>
    /// <param name="practitionerId">The practitioner present.</param>
    /// <param name="document">The kind of document.</param>
    [TelemetryEvent("signature_cabinet_initiated", Area = "LOG-12", Description = "A signature at the clinic was started.")]
    public partial void SignatureCabinetInitiated(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("The clinic's reference.", Pattern = ClinicReference)] string clinicId,
        [Pseudonymized("The practitioner, pseudonymized.")] string practitionerId,
        [NotPersonal("The kind of document.")] SignatureDocument document);

    /// <summary>Tracks <c>signature_cabinet_completed</c>: a signature at the clinic ended.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="clinicId">The clinic.</param>
    /// <param name="practitionerId">The practitioner present.</param>
    /// <param name="document">The kind of document.</param>
    /// <param name="outcome">How the signature ended.</param>
    /// <param name="timeToSign">Time from start to end.</param>
    [TelemetryEvent("signature_cabinet_completed", Area = "LOG-12", Description = "A signature at the clinic ended.")]
    public partial void SignatureCabinetCompleted(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("The clinic's reference.", Pattern = ClinicReference)] string clinicId,
        [Pseudonymized("The practitioner, pseudonymized.")] string practitionerId,
        [NotPersonal("The kind of document.")] SignatureDocument document,
        [NotPersonal("How the signature ended.")] SignatureOutcome outcome,
        [NotPersonal("Time from start to end.")] TimeSpan timeToSign);

    /// <summary>Tracks <c>signature_all_completed</c>: every document of a patient is signed, which starts the reflection period.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="documentCount">How many documents were signed.</param>
    /// <param name="yousignCount">How many were signed through Yousign.</param>
    /// <param name="clinicCount">How many were signed at the clinic.</param>
    /// <param name="totalTimeToSign">Time from the first request to the last signature.</param>
    /// <param name="reflectionPeriodEndsAt">When the legal reflection period ends.</param>
    /// <param name="lastProvider">Where the last document was signed.</param>
    [TelemetryEvent("signature_all_completed", Area = "LOG-12", Description = "Every document of a patient is signed; the legal reflection period starts.")]
    public partial void SignatureAllCompleted(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("How many documents were signed.")] int documentCount,
        [NotPersonal("How many were signed through Yousign.")] int yousignCount,
        [NotPersonal("How many were signed at the clinic.")] int clinicCount,
        [NotPersonal("Time from the first request to the last signature.")] TimeSpan totalTimeToSign,
        [NotPersonal("When the legal reflection period ends.")] DateTimeOffset reflectionPeriodEndsAt,
        [NotPersonal("Where the last document was signed: through Yousign or at the clinic.")] SignatureProvider lastProvider);
}
