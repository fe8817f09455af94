using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using MedicApp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>
/// Hosts with the Application Insights sink and the real exporter, an in-memory sink beside it that tells which events
/// were tracked, a storage directory of their own, and two loopback endpoints: one before a restart, one after. The
/// second has another port because in one process the exporter shares a transmitter per connection string, and a
/// restarted host must get a new one, which sends what offline storage holds at once.
/// </summary>
internal sealed class DeliveryTestBed : IDisposable
{
    /// <summary>Bounds the waits on a regression; never reached when the code is right.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public DeliveryTestBed() => Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

    public IngestionServer Server { get; } = new();

    public IngestionServer AfterRestart { get; } = new();

    public string Storage { get; } = Directory.CreateTempSubdirectory("medicapp-delivery-").FullName;

    /// <summary>A Production host sending to <paramref name="server"/>, with fake logging and metrics.</summary>
    public IHost BuildHost(IngestionServer server, Action<ApplicationInsightsSinkOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        builder.Services.AddFakeLogging();
        builder.Services.AddMetrics();
        builder.Services.AddMedicAppTelemetry(o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.ApplicationInsights.ConnectionString = server.ConnectionString;
            o.ApplicationInsights.StorageDirectory = Storage;
            o.ApplicationInsights.FlushTimeout = Deadline;
            o.ApplicationInsights.ShutdownTimeout = Deadline;
            configure?.Invoke(o.ApplicationInsights);
        }).AddSink<InMemoryEventSink>();
        return builder.Build();
    }

    /// <summary>
    /// Runs a host against <see cref="Server"/> that tracks <paramref name="events"/> events and flushes, then stops it;
    /// returns the events in the order tracked and what its health counted.
    /// </summary>
    public async Task<(List<Guid> Tracked, TelemetryStatistics Statistics)> TrackThenStopAsync(int events)
    {
        using var host = BuildHost(Server);
        await host.StartAsync();
        Track(host, events);
        await FlushAsync(host);
        var outcome = (TrackedIds(host), Statistics(host));
        await host.StopAsync();
        return outcome;
    }

    /// <summary>Starts a host against <see cref="AfterRestart"/> and waits until it has received <paramref name="events"/> events.</summary>
    public async Task<IHost> RestartAsync(int events)
    {
        var host = BuildHost(AfterRestart);
        await host.StartAsync();
        await AfterRestart.WaitForCustomEventsAsync(events, Deadline);
        return host;
    }

    public static void Track(IHost host, int count)
    {
        var tracker = host.Services.GetRequiredService<EventTracker>();
        for (var i = 0; i < count; i++)
        {
            tracker.PatientRegistered("patient-" + i, ClientChannel.Web);
        }
    }

    public static Task FlushAsync(IHost host) => host.Services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);

    /// <summary>The tracked events, in the order tracked.</summary>
    public static List<Guid> TrackedIds(IHost host)
        => [.. host.Services.GetRequiredService<EventPipeline>().Sinks.OfType<InMemoryEventSink>().Single().Events.Select(static e => e.EventId)];

    public static TelemetryStatistics Statistics(IHost host) => host.Services.GetRequiredService<TelemetryHealth>().GetStatistics();

    public void Dispose()
    {
        Server.Dispose();
        AfterRestart.Dispose();
        Directory.Delete(Storage, recursive: true);
    }
}
