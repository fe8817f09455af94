using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using MedicApp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Xunit;
using static MedicApp.Telemetry.Tests.Sinks.DeliveryTestBed;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>
/// The backlog gauges of the Application Insights sink, read as a metrics pipeline reads them, with the real exporter:
/// events on the wire, and events in offline storage with the age of the oldest.
/// </summary>
public sealed class BacklogMetricsTests : IDisposable
{
    private const string Pending = "medicapp.telemetry.backlog.pending";
    private const string Stored = "medicapp.telemetry.backlog.stored";
    private const string OldestAge = "medicapp.telemetry.backlog.oldest_age";

    private readonly DeliveryTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task StoredBacklog_DuringAnOutage_CountsTheStoredEventsAndTheirAge_AndIsEmptyAfterRecovery()
    {
        _bed.Server.Answer = static _ => IngestionAnswer.Failed(503);
        using (var outage = _bed.BuildHost(_bed.Server))
        {
            await outage.StartAsync();
            Track(outage, 5);
            await FlushAsync(outage);
            await OfflineStorage.WaitUntilAsync(_bed.Storage, () => OfflineStorage.EventIds(_bed.Storage).Count == 5, Deadline, "holding the 5 events");

            Assert.Equal(5, Gauge<long>(outage, Stored));
            Assert.InRange(Gauge<double>(outage, OldestAge), double.Epsilon, Deadline.TotalSeconds);
            Assert.Equal(0, Gauge<long>(outage, Pending));
            await outage.StopAsync();
        }

        using var restarted = await _bed.RestartAsync(5);
        await OfflineStorage.WaitUntilAsync(_bed.Storage, () => OfflineStorage.EventIds(_bed.Storage).Count == 0, Deadline, "emptied of events");

        Assert.Equal(0, Gauge<long>(restarted, Stored));
        Assert.Equal(0, Gauge<double>(restarted, OldestAge));
        var statistics = Statistics(restarted);
        Assert.Equal((0L, TimeSpan.Zero), (statistics.BacklogStored, statistics.OldestStoredAge));
        await restarted.StopAsync();
    }

    [Fact]
    public async Task PendingBacklog_CountsTheEventsOfARequestUntilItIsAnswered()
    {
        var answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bed.Server.AnswerGate = answers.Task;
        using var host = _bed.BuildHost(_bed.Server);
        await host.StartAsync();
        Track(host, 3);

        var flush = host.Services.GetRequiredService<EventPipeline>().FlushAsync();
        await _bed.Server.FirstRequestReceived.WaitAsync(Deadline);
        Assert.Equal(3, Gauge<long>(host, Pending));
        Assert.Equal(3, Statistics(host).BacklogPending);

        answers.SetResult();
        await flush.WaitAsync(Deadline);
        Assert.Equal(0, Gauge<long>(host, Pending));
        await host.StopAsync();
    }

    // The one measurement of the gauge, which must carry the sink's name.
    private static T Gauge<T>(IHost host, string instrument)
        where T : struct
    {
        using var collector = new MetricCollector<T>(host.Services.GetRequiredService<IMeterFactory>(), TelemetryHealth.MeterName, instrument);
        collector.RecordObservableInstruments();
        var measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal(new KeyValuePair<string, object?>("sink", "application_insights"), Assert.Single(measurement.Tags));
        return measurement.Value;
    }
}
