namespace MedicApp.Telemetry.Tests.Pipeline;

/// <summary>A catalogue with a free-text property, which the MedicApp catalogue does not have.</summary>
public sealed partial class SupportEvents
{
    [TelemetryEvent("support_ticket_opened", Area = "SUP-1", Description = "A patient opened a support ticket.")]
    public partial void SupportTicketOpened(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [FreeText("The patient's message, scrubbed.")] string message);
}
