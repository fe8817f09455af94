using System;

namespace MedicApp.Telemetry.Events;

// LOG-11: registration and medical file.
public sealed partial class EventTracker
{
    /// <summary>Tracks <c>patient_registered</c>: a patient created an account.</summary>
    /// <param name="patientId">The new patient's id.</param>
    /// <param name="channel">Where the patient registered.</param>
    /// <param name="locale">The interface language, such as <c>fr-FR</c>.</param>
    [TelemetryEvent("patient_registered", Area = "LOG-11", Description = "A patient created an account.")]
    public partial void PatientRegistered(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("Where the patient registered.")] ClientChannel channel,
        [NotPersonal("The interface language, such as fr-FR.", AllowedValues = new[] { "fr-FR", "fr-BE", "fr-CH", "fr-LU", "fr-MC", "en-GB", "en-US", "de-DE", "es-ES", "it-IT", "pt-PT" })]
        string? locale = null);

    /// <summary>Tracks <c>patient_dossier_completed</c>: a patient completed their medical file.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="channel">Where the file was completed.</param>
    /// <param name="timeSinceRegistration">Time from registration to the completed file.</param>
    /// <param name="sectionsCompleted">How many sections of the file were filled in.</param>
    /// <param name="documentsUploaded">How many documents were uploaded.</param>
    [TelemetryEvent("patient_dossier_completed", Area = "LOG-11", Description = "A patient completed their medical file.")]
    public partial void PatientDossierCompleted(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("Where the file was completed.")] ClientChannel channel,
        [NotPersonal("Time from registration to the completed file.")] TimeSpan timeSinceRegistration,
        [NotPersonal("How many sections of the file were filled in.")] int sectionsCompleted,
        [NotPersonal("How many documents were uploaded.")] int documentsUploaded);

    /// <summary>Tracks <c>patient_email_verified</c>: a patient confirmed their email address.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="timeToVerify">Time from sending the link to its use.</param>
    /// <param name="attemptCount">How many links were sent before this one worked.</param>
    [TelemetryEvent("patient_email_verified", Area = "LOG-11", Description = "A patient confirmed their email address.")]
    public partial void PatientEmailVerified(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("Time from sending the link to its use.")] TimeSpan timeToVerify,
        [NotPersonal("How many links were sent, this one included.")] int attemptCount);

    /// <summary>Tracks <c>patient_phone_verified</c>: a patient confirmed their phone number.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="timeToVerify">Time from sending the code to its entry.</param>
    /// <param name="attemptCount">How many codes were entered, this one included.</param>
    [TelemetryEvent("patient_phone_verified", Area = "LOG-11", Description = "A patient confirmed their phone number with a code.")]
    public partial void PatientPhoneVerified(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("Time from sending the code to its entry.")] TimeSpan timeToVerify,
        [NotPersonal("How many codes were entered, this one included.")] int attemptCount);
}
