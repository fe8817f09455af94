using System;

namespace MedicApp.Telemetry.Events;

// LOG-14: prescriptions.
public sealed partial class EventTracker
{
    /// <summary>Tracks <c>prescription_generated</c>: a prescription document was generated.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="prescriptionId">The prescription's id.</param>
    /// <param name="practitionerId">The prescriber's id.</param>
    /// <param name="stage">When in the journey it was made.</param>
    /// <param name="itemCount">How many lines it holds.</param>
    /// <param name="generationTime">Time to generate the document.</param>
    [TelemetryEvent("prescription_generated", Area = "LOG-14", Description = "A prescription document was generated (its content is never sent).")]
    public partial void PrescriptionGenerated(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [Pseudonymized("The prescription, pseudonymized.")] Guid prescriptionId,
        [Pseudonymized("The prescriber, pseudonymized.")] string practitionerId,
        [NotPersonal("When in the journey it was made.")] PrescriptionStage stage,
        [NotPersonal("How many lines it holds.")] int itemCount,
        [NotPersonal("Time to generate the document.")] TimeSpan generationTime);

    /// <summary>Tracks <c>prescription_downloaded</c>: a prescription document was downloaded.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="prescriptionId">The prescription's id.</param>
    /// <param name="downloadedBy">Who downloaded it.</param>
    /// <param name="channel">From where.</param>
    /// <param name="timeSinceGeneration">Time since the document was generated.</param>
    [TelemetryEvent("prescription_downloaded", Area = "LOG-14", Description = "A prescription document was downloaded.")]
    public partial void PrescriptionDownloaded(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [Pseudonymized("The prescription, pseudonymized.")] Guid prescriptionId,
        [NotPersonal("Who downloaded it.")] DocumentActor downloadedBy,
        [NotPersonal("From where.")] ClientChannel channel,
        [NotPersonal("Time since the document was generated.")] TimeSpan timeSinceGeneration);
}
