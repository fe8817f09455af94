using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MedicApp.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>
/// Outbox events through the real Application Insights exporter to a loopback ingestion endpoint: an event leaves the
/// outbox only once the endpoint accepted it, and the outbox is the only copy kept during an outage.
/// </summary>
public sealed class OutboxIngestionTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("medicapp-outbox-ai-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly IngestionServer _server = new();
    private readonly OutboxDatabase _database = OutboxDatabase.Sqlite();

    public OutboxIngestionTests()
        => Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

    private string Storage => Path.Combine(_folder, "offline");

    public void Dispose()
    {
        _server.Dispose();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Outage_ThenRecovery_DeliversEveryEventOnceAndKeepsNoOfflineCopy()
    {
        const int Events = 20;
        _server.Answer = static _ => IngestionAnswer.Failed(503);
        await using var host = new OutboxHost(_database, _clock, SendToIngestion);

        for (var i = 0; i < Events; i++)
        {
            await host.RegisterAsync("patient-" + i);
        }

        await host.Delivery.WhenSettledAsync().WaitAsync(Deadline);
        var kept = host.Rows();
        Assert.Equal(Events, kept.Count);
        // The first deliveries fail; those that follow wait for the retry instead of calling the endpoint again.
        Assert.Contains(kept, static row => row is { Attempts: 1, LastError: "the ingestion endpoint answered 503" });
        Assert.All(kept, static row => Assert.Contains(row.LastError, (string[])["the ingestion endpoint answered 503", "waiting to retry after failed deliveries"]));
        Assert.All(kept, static row => Assert.Null(row.ClaimToken));
        Assert.Equal(Events, host.Health.GetStatistics().EventsDeferred);
        Assert.Equal(0, host.Health.GetStatistics().EventsDropped);
        Assert.Empty(_server.CustomEvents);
        Assert.False(Directory.Exists(Storage) && Directory.EnumerateFiles(Storage, "*.blob", SearchOption.AllDirectories).Any(), "outbox events must not be kept in offline storage too");

        _server.Answer = static count => IngestionAnswer.Accepted(count);
        _clock.Advance(new MedicAppTelemetryOptions().Outbox.MaxRetryDelay);
        while (await host.Dispatcher.DispatchOnceAsync(default))
        {
        }

        await host.Delivery.WhenSettledAsync().WaitAsync(Deadline);
        var received = _server.CustomEvents.Select(static e => (string?)e["data"]?["baseData"]?["properties"]?["event_id"]).ToList();
        var tracked = kept.Select(static row => row.Id.ToString("D")).ToHashSet();
        Assert.True(
            received.Count == Events && received.Distinct().Count() == Events && tracked.SetEquals(received!),
            $"delivered {received.Distinct().Count()}, duplicated {received.Count - received.Distinct().Count()}, lost {tracked.Except(received!).Count()}");
        Assert.Empty(host.Rows());
    }

    [Fact]
    public async Task RefusedForGood_DeletesTheEventAndReportsItDropped()
    {
        _server.Answer = static _ => IngestionAnswer.Failed(400);
        await using var host = new OutboxHost(_database, _clock, SendToIngestion);

        await host.RegisterAsync("patient-refused");
        await host.Delivery.WhenSettledAsync().WaitAsync(Deadline);

        Assert.Empty(host.Rows());
        Assert.Equal(1, host.Health.GetStatistics().EventsDropped);
    }

    private void SendToIngestion(MedicAppTelemetryBuilder telemetry) => telemetry.Configure(options =>
    {
        options.ApplicationInsights.ConnectionString = _server.ConnectionString;
        options.ApplicationInsights.StorageDirectory = Storage;
    });
}
