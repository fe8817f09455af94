using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Tests.Infrastructure;
using MedicApp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>How long the Application Insights sink waits for the ingestion endpoint, and what it reports when it gives up.</summary>
public sealed class ApplicationInsightsTimeoutTests : IDisposable
{
    // Bounds the waits of tests that would otherwise hang on a regression; never reached when the code is right.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly IngestionServer _server = new();
    private readonly TaskCompletionSource _answers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DirectoryInfo _storage = Directory.CreateTempSubdirectory("medicapp-telemetry-storage-");

    public ApplicationInsightsTimeoutTests()
        => Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

    public void Dispose()
    {
        _answers.TrySetResult();
        _server.Dispose();
        _storage.Delete(recursive: true);
    }

    [Fact]
    public async Task HostStoppedWithoutFlush_DeliversEveryEventBeforeDisposalEnds()
    {
        // Longer than the one-second poll after which OpenTelemetry's ForceFlush returns with the request on the wire.
        _server.Latency = TimeSpan.FromSeconds(1.5);
        using var host = BuildHost(offlineStorage: false, shutdownTimeout: Deadline);
        await host.StartAsync();
        var health = host.Services.GetRequiredService<TelemetryHealth>();

        TrackThree(host.Services.GetRequiredService<EventTracker>());
        await host.StopAsync();
        host.Dispose();

        Assert.Equal(3, _server.CustomEvents.Count);
        Assert.Equal(0, health.GetStatistics().EventsDropped);
    }

    // Offline storage or not: the exporter keeps no copy of a request on the wire, so the events are lost with the process.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EndpointThatDoesNotAnswerBeforeTheShutdownTimeout_EndsDisposalAtTheTimeout_AndTheEventsAreReportedDropped(bool offlineStorage)
    {
        _server.AnswerGate = _answers.Task;
        var shutdownTimeout = TimeSpan.FromSeconds(3);
        using var host = BuildHost(offlineStorage, shutdownTimeout);
        await host.StartAsync();
        var health = host.Services.GetRequiredService<TelemetryHealth>();
        TrackThree(host.Services.GetRequiredService<EventTracker>());
        await host.StopAsync();

        var stopwatch = Stopwatch.StartNew();
        await Task.Run(host.Dispose).WaitAsync(Deadline);
        stopwatch.Stop();

        Assert.True(_server.FirstRequestReceived.IsCompleted, "the events were never sent");
        Assert.Empty(_server.CustomEvents);
        var statistics = health.GetStatistics();
        Assert.Equal(3, statistics.EventsDropped);
        Assert.Equal(0, statistics.EventsDeferred);
        // The answer never comes: disposal ends by the timeout (the WaitAsync above bounds it), after waiting that long.
        Assert.True(stopwatch.Elapsed >= shutdownTimeout - TimeSpan.FromSeconds(0.5), $"disposal ended after {stopwatch.Elapsed}, before the timeout");
    }

    [Fact]
    public async Task EndpointThatDoesNotAnswer_EndsAFlushAtTheFlushTimeout()
    {
        _server.AnswerGate = _answers.Task;
        using var host = BuildHost(offlineStorage: false, shutdownTimeout: Deadline, flushTimeout: TimeSpan.FromSeconds(1));
        await host.StartAsync();

        TrackThree(host.Services.GetRequiredService<EventTracker>());
        await host.Services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);

        Assert.True(_server.FirstRequestReceived.IsCompleted, "the events were never sent");
        Assert.Empty(_server.CustomEvents);
        _answers.SetResult();
        await _server.WaitForCustomEventsAsync(3, Deadline);
        await host.StopAsync();
    }

    [Fact]
    public async Task AfterDisposal_EventsAreReportedAsDroppedByADisposedSink()
    {
        using var host = BuildHost(offlineStorage: false, shutdownTimeout: Deadline);
        await host.StartAsync();
        var tracker = host.Services.GetRequiredService<EventTracker>();
        var health = host.Services.GetRequiredService<TelemetryHealth>();
        var logs = host.Services.GetFakeLogCollector();
        await host.StopAsync();
        host.Dispose();

        tracker.PatientRegistered("patient-late", ClientChannel.Web);

        Assert.Equal(1, health.GetStatistics().EventsDropped);
        Assert.Contains(logs.GetSnapshot(), static r => r.Message == "MedicApp.Telemetry sink 'application_insights' dropped 1 event(s): the sink is disposed.");
    }

    private static void TrackThree(EventTracker tracker)
    {
        for (var i = 0; i < 3; i++)
        {
            tracker.PatientRegistered("patient-" + i, ClientChannel.Web);
        }
    }

    private IHost BuildHost(bool offlineStorage, TimeSpan shutdownTimeout, TimeSpan? flushTimeout = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        builder.Services.AddFakeLogging();
        builder.Services.AddMedicAppTelemetry(o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.ApplicationInsights.ConnectionString = _server.ConnectionString;
            o.ApplicationInsights.EnableOfflineStorage = offlineStorage;
            o.ApplicationInsights.StorageDirectory = _storage.FullName;
            o.ApplicationInsights.ShutdownTimeout = shutdownTimeout;
            o.ApplicationInsights.FlushTimeout = flushTimeout ?? Deadline;
        });
        return builder.Build();
    }
}
