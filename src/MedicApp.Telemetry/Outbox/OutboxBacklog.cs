using System;

namespace MedicApp.Telemetry;

/// <summary>What an outbox holds: events not delivered yet.</summary>
/// <param name="Pending">How many events wait for delivery.</param>
/// <param name="OldestTrackedAt">When the oldest of them was tracked; null when none waits.</param>
public readonly record struct OutboxBacklog(long Pending, DateTimeOffset? OldestTrackedAt);
