using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task ClaimOfAYear_IsDeliveredAtOnce()
    {
        // The wait for an answer is half the claim: beyond what a timer can hold (49.7 days) unless it is capped.
        await using var host = new OutboxHost(_database, _clock, telemetry => SendToIngestion(telemetry.Configure(static o => o.Outbox.ClaimDuration = TimeSpan.FromDays(365))));

        await host.RegisterAsync("patient-long-claim");
        await host.Delivery.WhenSettledAsync().WaitAsync(Deadline);

        Assert.Single(_server.CustomEvents);
        Assert.Empty(host.Rows());
        Assert.Equal(0, host.Health.GetStatistics().SinkFailures);
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

    [Fact]
    public async Task Throttled_WaitsForRetryAfterEvenBeyondMaxRetryDelay_ThenDeliversOnce()
    {
        var retryAfter = TimeSpan.FromSeconds(3);
        _server.Answer = _ => IngestionAnswer.Throttled(retryAfter);
        await using var host = new OutboxHost(_database, _clock, telemetry => SendToIngestion(telemetry.Configure(static o => o.Outbox.MaxRetryDelay = TimeSpan.FromSeconds(1))));

        await host.RegisterAsync("patient-throttled");
        await host.Delivery.WhenSettledAsync().WaitAsync(Deadline);

        var row = Assert.Single(host.Rows());
        Assert.Equal("the ingestion endpoint answered 429", row.LastError);
        Assert.True(row.AvailableAt >= _clock.GetUtcNow().Add(retryAfter).ToUnixTimeMilliseconds(), "the retry must wait for Retry-After");
        var requests = _server.Requests.Count;
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(await host.Dispatcher.DispatchOnceAsync(default));
        Assert.Equal(requests, _server.Requests.Count);

        _server.Answer = static count => IngestionAnswer.Accepted(count);
        await DeliverUntilEmptyAsync(host);
        var sent = Assert.Single(_server.CustomEvents);
        Assert.Equal(row.Id.ToString("D"), (string?)sent["data"]?["baseData"]?["properties"]?["event_id"]);
    }

    [Fact]
    public async Task PartialSuccess_RetriesTheItemsToRetryAndDropsTheRefusedOnes()
    {
        _server.Answer = static count => IngestionAnswer.PartiallyAccepted(count, new Dictionary<int, int> { [0] = 500, [1] = 400 });
        await using var host = new OutboxHost(_database, _clock, SendToIngestion);

        await host.InUnitOfWorkAsync(async db =>
        {
            foreach (var patient in (string[])["patient-a", "patient-b", "patient-c"])
            {
                db.Registrations.Add(new Registration { Id = Guid.NewGuid(), Patient = patient });
                host.Tracker.PatientRegistered(patient, ClientChannel.Web);
            }

            await db.SaveChangesAsync();
        });
        await host.Delivery.WhenSettledAsync().WaitAsync(Deadline);

        // One request of three lines: the first is kept for a retry, the second dropped for good, the third delivered.
        var kept = Assert.Single(host.Rows());
        Assert.Equal("the ingestion endpoint refused the item with 500", kept.LastError);
        Assert.Equal(1, host.Health.GetStatistics().EventsDropped);
        Assert.Single(_server.CustomEvents);

        _server.Answer = static count => IngestionAnswer.Accepted(count);
        await DeliverUntilEmptyAsync(host);
        var received = _server.CustomEvents.Select(static e => (string?)e["data"]?["baseData"]?["properties"]?["patient_id"]).ToList();
        Assert.Equal(2, received.Distinct().Count());
        Assert.Equal(2, received.Count);
        Assert.Contains(host.Services.GetRequiredService<Pseudonymizer>().Pseudonymize("patient-a"), received);
        Assert.Contains(host.Services.GetRequiredService<Pseudonymizer>().Pseudonymize("patient-c"), received);
    }

    // The exporter pauses its own sending for a while after a refusal (in real time): retries are tried until the outbox
    // is empty, each ending when the endpoint answered or the sink gave up waiting.
    private async Task DeliverUntilEmptyAsync(OutboxHost host)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (host.Rows().Count > 0)
        {
            deadline.Token.ThrowIfCancellationRequested();
            _clock.Advance(TimeSpan.FromMinutes(5));
            while (await host.Dispatcher.DispatchOnceAsync(deadline.Token))
            {
            }

            await host.Delivery.WhenSettledAsync().WaitAsync(deadline.Token);
        }
    }

    private void SendToIngestion(MedicAppTelemetryBuilder telemetry) => telemetry.Configure(options =>
    {
        options.ApplicationInsights.ConnectionString = _server.ConnectionString;
        options.ApplicationInsights.StorageDirectory = Storage;
    });
}
