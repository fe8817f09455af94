using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Tests.Infrastructure;
using MedicApp.Tests.Shared;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>
/// What an outage leaves in offline storage: the events reach Application Insights after a restart even when the
/// service tracks nothing more, and the application's own telemetry waits in the folder set for the events. The real
/// exporter, a loopback ingestion endpoint that refuses then accepts, one storage folder.
/// </summary>
public sealed class DeliveryOnStartTests : IDisposable
{
    // Bounds the wait on a regression; the exporter sends its stored telemetry within a second of its creation.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly IngestionServer _server = new();
    private readonly string _storage = Directory.CreateTempSubdirectory("medicapp-offline-").FullName;

    public DeliveryOnStartTests()
        => Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_storage, recursive: true);
    }

    [Fact]
    public async Task StoredEvents_RestartWithoutTraffic_AreDeliveredOnceIngestionIsBack()
    {
        _server.Answer = static _ => IngestionAnswer.Failed(503);
        string[] tracked;
        using (var outage = BuildHost(_server))
        {
            await outage.StartAsync();
            var tracker = outage.Services.GetRequiredService<EventTracker>();
            tracked = [.. Enumerable.Range(0, 5).Select(static i => "patient-" + i)];
            foreach (var patient in tracked)
            {
                tracker.PatientRegistered(patient, ClientChannel.Web);
            }

            await outage.Services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);
            Assert.Equal(5, outage.Services.GetRequiredService<TelemetryHealth>().GetStatistics().EventsDeferred);
            await outage.StopAsync();
        }

        Assert.NotEmpty(Directory.EnumerateFiles(_storage, "*.blob", SearchOption.AllDirectories));
        Assert.Empty(_server.CustomEvents);

        // Ingestion is back; the restarted service tracks nothing. (Its endpoint has another port: in one test process,
        // the exporter would otherwise reuse the transmitter of the same connection string, still backing off.)
        using var back = new IngestionServer();
        using var restarted = BuildHost(back);
        await restarted.StartAsync();

        await back.WaitForCustomEventsAsync(5, Deadline);
        var pseudonymizer = restarted.Services.GetRequiredService<Pseudonymizer>();
        Assert.Equal(
            tracked.Select(pseudonymizer.Pseudonymize).Order(),
            back.CustomEvents.Select(static e => (string)e["data"]!["baseData"]!["properties"]!["patient_id"]!).Order());
        await restarted.StopAsync();
    }

    [Fact]
    public async Task ApplicationTelemetry_RefusedDuringAnOutage_WaitsInTheConfiguredStorageDirectory()
    {
        _server.Answer = static _ => IngestionAnswer.Failed(503);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddApplicationInsightsTelemetryWorkerService(options =>
        {
            options.ConnectionString = _server.ConnectionString;
            options.EnableQuickPulseMetricStream = false;
        });
        builder.Services.AddMedicAppTelemetry(o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.ApplicationInsights.ConnectionString = _server.ConnectionString;
            o.ApplicationInsights.StorageDirectory = _storage;
        });
        using var host = builder.Build();
        await host.StartAsync();

        host.Services.GetRequiredService<ILogger<DeliveryOnStartTests>>().LogWarning("Application trace during the outage");
        host.Services.GetRequiredService<TelemetryClient>().Flush();
        await host.StopAsync();

        Assert.Contains(
            Directory.EnumerateFiles(_storage, "*.blob", SearchOption.AllDirectories),
            static blob => File.ReadAllText(blob).Contains("Application trace during the outage", StringComparison.Ordinal));
    }

    private IHost BuildHost(IngestionServer server)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMedicAppTelemetry(o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.ApplicationInsights.ConnectionString = server.ConnectionString;
            o.ApplicationInsights.StorageDirectory = _storage;
        });
        return builder.Build();
    }
}
