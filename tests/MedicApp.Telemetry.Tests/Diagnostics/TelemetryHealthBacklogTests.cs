using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace MedicApp.Telemetry.Tests.Diagnostics;

/// <summary>The backlog registrations of <see cref="TelemetryHealth"/>: the gauges, tagged per sink, and the statistics.</summary>
public sealed class TelemetryHealthBacklogTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TelemetryHealth _health;

    public TelemetryHealthBacklogTests() => _health = new TelemetryHealth(meterFactory: _services.GetRequiredService<IMeterFactory>());

    public void Dispose()
    {
        _health.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void Backlogs_AreGaugedPerSink_UntilTheirRegistrationIsDisposed()
    {
        using var insights = _health.AddBacklog("application_insights", static () => new BacklogReading(4, 120, TimeSpan.FromMinutes(12)));
        var outbox = _health.AddBacklog("outbox", static () => new BacklogReading(0, 7, TimeSpan.FromSeconds(30)));

        Assert.Equal([("application_insights", 4L), ("outbox", 0L)], Gauge<long>("medicapp.telemetry.backlog.pending"));
        Assert.Equal([("application_insights", 120L), ("outbox", 7L)], Gauge<long>("medicapp.telemetry.backlog.stored"));
        Assert.Equal([("application_insights", 720d), ("outbox", 30d)], Gauge<double>("medicapp.telemetry.backlog.oldest_age"));

        outbox.Dispose();
        Assert.Equal([("application_insights", 120L)], Gauge<long>("medicapp.telemetry.backlog.stored"));
    }

    [Fact]
    public void Statistics_AddThePendingAndStoredEvents_AndKeepTheOldestAge()
    {
        using var insights = _health.AddBacklog("application_insights", static () => new BacklogReading(4, 120, TimeSpan.FromMinutes(12)));
        using var outbox = _health.AddBacklog("outbox", static () => new BacklogReading(1, 7, TimeSpan.FromMinutes(40)));

        var statistics = _health.GetStatistics();

        Assert.Equal((5L, 127L, TimeSpan.FromMinutes(40)), (statistics.BacklogPending, statistics.BacklogStored, statistics.OldestStoredAge));
    }

    [Fact]
    public void BacklogReaderThatThrows_IsLeftOut_WithoutFailingTheOthers()
    {
        using var broken = _health.AddBacklog("broken", static () => throw new InvalidOperationException("folder gone"));
        using var outbox = _health.AddBacklog("outbox", static () => new BacklogReading(0, 7, TimeSpan.FromSeconds(30)));

        Assert.Equal([("outbox", 7L)], Gauge<long>("medicapp.telemetry.backlog.stored"));
        Assert.Equal(7, _health.GetStatistics().BacklogStored);
    }

    private (string Sink, T Value)[] Gauge<T>(string instrument)
        where T : struct
    {
        using var collector = new MetricCollector<T>(_services.GetRequiredService<IMeterFactory>(), TelemetryHealth.MeterName, instrument);
        collector.RecordObservableInstruments();
        return [.. collector.GetMeasurementSnapshot().Select(static m => ((string)m.Tags["sink"]!, m.Value)).OrderBy(static m => m.Item1, StringComparer.Ordinal)];
    }
}
