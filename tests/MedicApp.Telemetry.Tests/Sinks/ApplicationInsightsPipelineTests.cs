using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Tests.Infrastructure;
using MedicApp.Tests.Shared;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>The real Application Insights SDK, sending to a loopback server that speaks the ingestion protocol.</summary>
public sealed class ApplicationInsightsPipelineTests : IDisposable
{
    // Bounds the waits of tests that would otherwise hang on a regression; never reached when the code is right.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly IngestionServer _server = new();

    public ApplicationInsightsPipelineTests()
        => Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task TrackedEvent_LandsInCustomEventsWithPseudonymsAndProperties()
    {
        await using var services = BuildServices();
        var tracker = services.GetRequiredService<EventTracker>();
        var pseudonymizer = services.GetRequiredService<Pseudonymizer>();

        tracker.AuthLoginFailure("jeanne.martin@example.fr", "203.0.113.9", LoginFailureReason.InvalidPassword, 4);
        await services.GetRequiredService<EventPipeline>().FlushAsync();

        var envelope = Assert.Single(_server.CustomEvents);
        var data = envelope["data"]!["baseData"]!;
        Assert.Equal("auth_login_failure", (string?)data["name"]);
        var properties = data["properties"]!.AsObject();
        Assert.Equal(pseudonymizer.Pseudonymize("jeanne.martin@example.fr"), (string?)properties["account_id"]);
        Assert.Equal(pseudonymizer.Pseudonymize("203.0.113.9"), (string?)properties["client_ip"]);
        Assert.Equal("invalid_password", (string?)properties["reason"]);
        Assert.Equal("4", (string?)properties["consecutive_failures"]);
        Assert.Equal("LOG-15", (string?)properties["event_area"]);
        Assert.Equal("1", (string?)properties["schema_version"]);
        Assert.True(Guid.TryParse((string?)properties["event_id"], out _));
        var json = envelope.ToJsonString();
        Assert.DoesNotContain("jeanne.martin", json, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.9", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlushAsync_CompletesOnlyOnceTheEndpointHasAnswered()
    {
        // Longer than the one-second poll after which OpenTelemetry's ForceFlush returns with the request on the wire.
        _server.Latency = TimeSpan.FromSeconds(1.5);
        await using var services = BuildServices();

        services.GetRequiredService<EventTracker>().PatientRegistered("patient-1", ClientChannel.Web);
        await services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);

        Assert.Single(_server.CustomEvents);
    }

    [Fact]
    public async Task Burst_LargerThanTheExporterQueue_IsDeliveredWhole()
    {
        const int Count = 5000;
        await using var services = BuildServices();
        var tracker = services.GetRequiredService<EventTracker>();

        for (var i = 0; i < Count; i++)
        {
            tracker.PatientRegistered("patient-" + i, ClientChannel.Web);
        }

        await services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);

        var eventIds = _server.CustomEvents.Select(static e => (string?)e["data"]!["baseData"]!["properties"]!["event_id"]).Distinct();
        Assert.Equal(Count, eventIds.Count());
        Assert.Equal(0, services.GetRequiredService<TelemetryHealth>().GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task EventsRefusedForGood_AreReportedAsDropped()
    {
        _server.Answer = static _ => IngestionAnswer.Failed(400);
        await using var services = BuildServices();

        TrackThree(services.GetRequiredService<EventTracker>());
        await services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);

        var statistics = services.GetRequiredService<TelemetryHealth>().GetStatistics();
        Assert.Equal(3, statistics.EventsDropped);
        Assert.Equal(0, statistics.EventsDeferred);
    }

    [Fact]
    public async Task EventsTheEndpointCannotTakeYet_AreReportedAsDeferred_WhenOfflineStorageKeepsThem()
    {
        _server.Answer = static _ => IngestionAnswer.Failed(503);
        var storage = Directory.CreateTempSubdirectory("medicapp-telemetry-storage-");
        try
        {
            await using var services = BuildServices(storage.FullName);

            TrackThree(services.GetRequiredService<EventTracker>());
            await services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);

            var statistics = services.GetRequiredService<TelemetryHealth>().GetStatistics();
            Assert.Equal(3, statistics.EventsDeferred);
            Assert.Equal(0, statistics.EventsDropped);
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PartialSuccess_ReportsOnlyTheRefusedEvents()
    {
        _server.Answer = static count => IngestionAnswer.PartiallyAccepted(count, refused: 1);
        await using var services = BuildServices();

        TrackThree(services.GetRequiredService<EventTracker>());
        await services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);

        Assert.Equal(1, services.GetRequiredService<TelemetryHealth>().GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task ApplicationPipelineOnTheSameConnectionString_NeitherSlowsTheFlushNorStopsWithTheSink()
    {
        // The application's own Application Insights pipeline starts first, on the same connection string.
        using var application = new TelemetryConfiguration { ConnectionString = _server.ConnectionString, DisableOfflineStorage = true };
        var client = new TelemetryClient(application);
        _server.Latency = TimeSpan.FromSeconds(1.5);

        await using (var services = BuildServices())
        {
            services.GetRequiredService<EventTracker>().PatientRegistered("patient-1", ClientChannel.Web);
            await services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);
            Assert.Single(_server.CustomEvents);
        }

        _server.Latency = TimeSpan.Zero;
        client.TrackTrace("after the sink stopped");
        client.Flush();
        await _server.WaitForAsync(static e => (string?)e["data"]?["baseData"]?["message"] == "after the sink stopped", 1, Deadline);
    }

    private static void TrackThree(EventTracker tracker)
    {
        for (var i = 0; i < 3; i++)
        {
            tracker.PatientRegistered("patient-" + i, ClientChannel.Web);
        }
    }

    private ServiceProvider BuildServices(string? offlineStorage = null)
    {
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.StrictMode = true;
            o.ApplicationInsights.ConnectionString = _server.ConnectionString;
            o.ApplicationInsights.EnableOfflineStorage = offlineStorage is not null;
            o.ApplicationInsights.StorageDirectory = offlineStorage;
        });
        var provider = services.BuildServiceProvider();
        Assert.IsType<ApplicationInsightsEventSink>(Assert.Single(provider.GetRequiredService<EventPipeline>().Sinks));
        return provider;
    }
}
