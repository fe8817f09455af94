using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedicApp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Xunit;
using static MedicApp.Telemetry.Tests.Sinks.DeliveryTestBed;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>
/// Faults of the ingestion endpoint and of offline storage, with the real exporter and loopback endpoints: what is
/// delivered, duplicated, still stored and lost, by <c>event_id</c>, and what <see cref="TelemetryHealth"/> says. Stored
/// events are sent again by restarting the host (see <see cref="DeliveryTestBed"/>).
/// </summary>
public sealed class IngestionFaultTests : IDisposable
{
    private readonly DeliveryTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Throttling_WithRetryAfter_ThenAccepting_LosesNothing()
    {
        var throttling = 1;
        _bed.Server.Answer = count => Volatile.Read(ref throttling) == 1 ? IngestionAnswer.Throttled(TimeSpan.FromSeconds(30)) : IngestionAnswer.Accepted(count);
        List<Guid> tracked;
        using (var host = _bed.BuildHost(_bed.Server, o => (o.FlushTimeout, o.ShutdownTimeout) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))))
        {
            await host.StartAsync();
            Track(host, 20);
            await FlushAsync(host);
            Assert.Equal((Deferred: 20L, Dropped: 0L), Outcomes(host));

            // Within the Retry-After the exporter sends nothing: the next batch goes to offline storage without a request.
            // No request means the sink cannot see it (neither deferred nor dropped, the flush ends at its timeout): only
            // the stored backlog shows it.
            Track(host, 5);
            await FlushAsync(host);
            Assert.Single(_bed.Server.Requests);
            Assert.Equal((Deferred: 20L, Dropped: 0L), Outcomes(host));
            tracked = TrackedIds(host);
            Volatile.Write(ref throttling, 0);
            await host.StopAsync();
        }

        // Still backing off, the stopping transmitter did not send the stored events; the restarted one sends them at once.
        Assert.Single(_bed.Server.Requests);
        Assert.Equal(new DeliveryAccount(Delivered: 0, Duplicated: 0, Stored: 25, Lost: 0), DeliveryAccount.Of(tracked, _bed.Storage, _bed.Server));
        using var restarted = await _bed.RestartAsync(25);
        await restarted.StopAsync();

        Assert.Equal(new DeliveryAccount(Delivered: 25, Duplicated: 0, Stored: 0, Lost: 0), DeliveryAccount.Of(tracked, _bed.Storage, _bed.Server, _bed.AfterRestart));
        Assert.Equal((0L, 0L), Outcomes(restarted));
    }

    // The exporter's list: whole requests answered with these statuses, or not answered, are stored for a retry.
    [Theory]
    [InlineData(400, false)]
    [InlineData(401, true)]
    [InlineData(402, false)]
    [InlineData(403, true)]
    [InlineData(404, false)]
    [InlineData(408, true)]
    [InlineData(413, false)]
    [InlineData(429, true)]
    [InlineData(439, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    public async Task RefusedRequest_IsReportedDeferred_ExactlyWhenTheExporterStoresIt(int status, bool stored)
    {
        _bed.Server.Answer = _ => IngestionAnswer.Failed(status);
        using var host = _bed.BuildHost(_bed.Server);
        await host.StartAsync();

        Track(host, 3);
        await FlushAsync(host);

        Assert.Equal(stored ? (3L, 0L) : (0L, 3L), Outcomes(host));
        if (stored)
        {
            // The exporter writes the blob once the request has ended, which may be after the flush.
            await OfflineStorage.WaitUntilAsync(_bed.Storage, () => OfflineStorage.EventIds(_bed.Storage).Count == 3, Deadline, "holding the 3 events");
        }

        Assert.Equal(new DeliveryAccount(Delivered: 0, Duplicated: 0, Stored: stored ? 3 : 0, Lost: stored ? 0 : 3), DeliveryAccount.Of(TrackedIds(host), _bed.Storage, _bed.Server));
        await host.StopAsync();
    }

    [Fact]
    public async Task PartialSuccess_RetriesTheItemsRefusedWith500_AndReportsThoseRefusedWith400AsDropped()
    {
        // The first request: lines 0 and 1 refused with 500 (to retry), line 2 with 400 (final), the rest accepted.
        var answered = 0;
        _bed.Server.Answer = count => Interlocked.Increment(ref answered) == 1
            ? IngestionAnswer.PartiallyAccepted(count, new Dictionary<int, int> { [0] = 500, [1] = 500, [2] = 400 })
            : IngestionAnswer.Accepted(count);
        var (tracked, outage) = await _bed.TrackThenStopAsync(10);

        Assert.Equal((Deferred: 2L, Dropped: 1L), Outcomes(outage));
        Assert.Equal(new DeliveryAccount(Delivered: 7, Duplicated: 0, Stored: 2, Lost: 1), DeliveryAccount.Of(tracked, _bed.Storage, _bed.Server));
        using var restarted = await _bed.RestartAsync(2);
        await restarted.StopAsync();

        Assert.Equal(new DeliveryAccount(Delivered: 9, Duplicated: 0, Stored: 0, Lost: 1), DeliveryAccount.Of(tracked, _bed.Storage, _bed.Server, _bed.AfterRestart));
        Assert.Equal(tracked[0..2].Order(), _bed.AfterRestart.CustomEvents.Select(DeliveryAccount.EventId).Order());
        Assert.DoesNotContain(tracked[2], _bed.Server.CustomEvents.Select(DeliveryAccount.EventId));
    }

    [Fact]
    public async Task ReSendFromOfflineStorage_ThatFailsAgain_IsNeitherDeferredAgainNorDropped()
    {
        _bed.Server.Answer = static _ => IngestionAnswer.Failed(503);
        var (tracked, outage) = await _bed.TrackThenStopAsync(5);
        Assert.Equal((Deferred: 5L, Dropped: 0L), Outcomes(outage));

        // Still down after the restart: the new transmitter sends the stored events, which are refused again. Whether the
        // host stops before or after the answer, they stay stored (leased by the re-send) and are counted once.
        _bed.AfterRestart.Answer = static _ => IngestionAnswer.Failed(503);
        TelemetryHealth health;
        using (var restarted = _bed.BuildHost(_bed.AfterRestart))
        {
            health = restarted.Services.GetRequiredService<TelemetryHealth>();
            await restarted.StartAsync();
            await _bed.AfterRestart.FirstRequestReceived.WaitAsync(Deadline);
            await restarted.StopAsync();
        }

        Assert.Equal((Deferred: 0L, Dropped: 0L), Outcomes(health.GetStatistics()));
        Assert.Equal(new DeliveryAccount(Delivered: 0, Duplicated: 0, Stored: 5, Lost: 0), DeliveryAccount.Of(tracked, _bed.Storage, _bed.Server, _bed.AfterRestart));
    }

    [Fact]
    public async Task OfflineStorageThatCannotBeCreated_IsReportedAtStart_AndWhatAnOutageRefusesIsReportedDropped()
    {
        // Under a regular file no folder can be made, even by root (whom file modes do not stop).
        var file = Path.Combine(_bed.Storage, "a-file");
        await File.WriteAllTextAsync(file, string.Empty);
        var storageDirectory = Path.Combine(file, "offline");
        _bed.Server.Answer = static _ => IngestionAnswer.Failed(503);
        using var host = _bed.BuildHost(_bed.Server, o => o.StorageDirectory = storageDirectory);
        await host.StartAsync();

        Track(host, 10);
        await FlushAsync(host);

        Assert.Equal((Deferred: 0L, Dropped: 10L), Outcomes(host));
        Assert.Equal(1, Statistics(host).SinkFailures);
        Assert.Contains(host.Services.GetFakeLogCollector().GetSnapshot(), static r => r.Message.Contains("cannot use its offline storage folder", StringComparison.Ordinal));
        Assert.Equal(new DeliveryAccount(Delivered: 0, Duplicated: 0, Stored: 0, Lost: 10), DeliveryAccount.Of(TrackedIds(host), _bed.Storage, _bed.Server));
        await host.StopAsync();
    }

    [Fact]
    public async Task FullOfflineStorage_DuringAnOutage_ReportsWhatItCannotKeepAsDropped()
    {
        // The exporter's cap (50 MB, not configurable) is reached by a blob another instance is sending.
        OfflineStorage.AddLeasedBlob(OfflineStorage.Folder(_bed.Storage), OfflineStorageFolder.MaxSizeInBytes);
        _bed.Server.Answer = static _ => IngestionAnswer.Failed(503);
        using var host = _bed.BuildHost(_bed.Server);
        await host.StartAsync();

        Track(host, 10);
        await FlushAsync(host);

        // Should the exporter evict old blobs to store a refused request (as it does during its back-off), nothing would
        // be lost here while the sink reports 10 dropped: revisit OfflineStorageBacklog.IsFull.
        Assert.Equal(new DeliveryAccount(Delivered: 0, Duplicated: 0, Stored: 0, Lost: 10), DeliveryAccount.Of(TrackedIds(host), _bed.Storage, _bed.Server));
        Assert.Equal((Deferred: 0L, Dropped: 10L), Outcomes(host));
        Assert.Contains(host.Services.GetFakeLogCollector().GetSnapshot(), static r => r.Message.EndsWith("dropped 10 event(s): the ingestion endpoint answered HTTP 503, and offline storage is full.", StringComparison.Ordinal));
        await host.StopAsync();
    }

    private static (long Deferred, long Dropped) Outcomes(IHost host) => Outcomes(Statistics(host));

    private static (long Deferred, long Dropped) Outcomes(TelemetryStatistics statistics) => (statistics.EventsDeferred, statistics.EventsDropped);
}
