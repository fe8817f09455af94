using System;

namespace MedicApp.Telemetry;

/// <summary>What a sink or a durable store holds that the ingestion endpoint has not accepted yet.</summary>
/// <param name="Pending">Events in memory: queued, or in requests not answered yet.</param>
/// <param name="Stored">Events kept on disk (or in a database) to be sent again.</param>
/// <param name="OldestStoredAge">How long the oldest stored event has waited; zero when nothing is stored.</param>
internal readonly record struct BacklogReading(long Pending, long Stored, TimeSpan OldestStoredAge);
