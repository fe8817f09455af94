namespace MedicApp.Api.Drill;

/// <summary>An alert the drill raised on purpose: what it sent, when, and by when the alert's mail should arrive.</summary>
/// <param name="Alert">The alert rule's name, as deployed.</param>
/// <param name="Cause">What the drill did to raise it.</param>
/// <param name="SentAt">When its last input was sent (UTC).</param>
/// <param name="ExpectedBy">When its mail is due at the latest: its rule's frequency, plus ingestion.</param>
internal sealed record DrillExpectation(string Alert, string Cause, DateTimeOffset SentAt, DateTimeOffset ExpectedBy);
