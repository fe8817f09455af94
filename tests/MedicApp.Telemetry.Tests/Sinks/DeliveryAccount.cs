using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using MedicApp.Tests.Shared;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>
/// What became of tracked events, by <c>event_id</c>: delivered (received by an endpoint at least once), duplicated
/// (received more than once), still stored (in offline storage, not received yet) and lost (neither received nor stored:
/// they can never arrive).
/// </summary>
internal sealed record DeliveryAccount(int Delivered, int Duplicated, int Stored, int Lost)
{
    public static DeliveryAccount Of(IReadOnlyCollection<Guid> tracked, string storageDirectory, params IngestionServer[] servers)
    {
        var copies = servers.SelectMany(static s => s.CustomEvents).GroupBy(EventId).ToDictionary(static g => g.Key, static g => g.Count());
        var stored = OfflineStorage.EventIds(storageDirectory).ToHashSet();
        var delivered = tracked.Count(copies.ContainsKey);
        var storedOnly = tracked.Count(id => !copies.ContainsKey(id) && stored.Contains(id));
        return new(delivered, tracked.Count(id => copies.GetValueOrDefault(id) > 1), storedOnly, tracked.Count - delivered - storedOnly);
    }

    public static Guid EventId(JsonObject envelope) => Guid.Parse((string)envelope["data"]!["baseData"]!["properties"]!["event_id"]!);
}
