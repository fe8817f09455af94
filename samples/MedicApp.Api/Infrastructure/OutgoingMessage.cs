namespace MedicApp.Api.Infrastructure;

/// <summary>A link or code on its way to a patient; <see cref="Secret"/> never reaches logs or telemetry.</summary>
internal sealed record OutgoingMessage(string Recipient, MessagePurpose Purpose, string Secret);
