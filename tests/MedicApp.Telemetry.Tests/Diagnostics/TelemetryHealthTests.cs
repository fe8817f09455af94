using System;
using System.Linq;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MedicApp.Telemetry.Tests.Diagnostics;

public sealed class TelemetryHealthTests
{
    private readonly FakeLogger<TelemetryHealth> _logger = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void OccurrencesWithinTheInterval_AreLoggedOnceItEnds_WithoutAnotherOccurrence()
    {
        using var health = new TelemetryHealth(_logger, _time);

        health.ReportDropped("local", "the write queue is full");
        _time.Advance(TimeSpan.FromSeconds(1));
        health.ReportDropped("local", "the write queue is full");
        health.ReportDropped("local", "the write queue is full", 3);
        _time.Advance(TimeSpan.FromSeconds(8.9));
        Assert.Equal(["dropped 1 event(s)"], Counts());

        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(["dropped 1 event(s)", "dropped 4 event(s)"], Counts());
        _time.Advance(TelemetryHealth.ReportInterval * 3);
        Assert.Equal(2, _logger.Collector.Count);
    }

    [Fact]
    public void OccurrenceAfterASummary_WaitsForTheNextInterval()
    {
        using var health = new TelemetryHealth(_logger, _time);
        health.ReportDropped("local", "the write queue is full");
        health.ReportDropped("local", "the write queue is full");
        _time.Advance(TelemetryHealth.ReportInterval);

        health.ReportDropped("local", "the write queue is full", 5);
        _time.Advance(TelemetryHealth.ReportInterval);

        Assert.Equal(["dropped 1 event(s)", "dropped 1 event(s)", "dropped 5 event(s)"], Counts());
    }

    [Fact]
    public void Dispose_LogsWhatIsStillPending()
    {
        var health = new TelemetryHealth(_logger, _time);
        health.ReportDropped("local", "the write queue is full");
        health.ReportDropped("local", "the write queue is full", 2);
        health.ReportDeferred("application_insights", "no answer", 7);
        health.ReportDeferred("application_insights", "no answer", 1);

        health.Dispose();

        Assert.Equal(["could not send 1 event(s)", "could not send 7 event(s)", "dropped 1 event(s)", "dropped 2 event(s)"], Counts().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AfterDispose_EveryOccurrenceIsLogged()
    {
        var health = new TelemetryHealth(_logger, _time);
        health.ReportDropped("local", "the sink is disposed");
        health.Dispose();

        health.ReportDropped("local", "the sink is disposed");

        Assert.Equal(["dropped 1 event(s)", "dropped 1 event(s)"], Counts());
    }

    // The part of each message that carries the count, in the order they were logged.
    private string[] Counts() => _logger.Collector.GetSnapshot()
        .Select(static r => r.Message.Contains("could not send", StringComparison.Ordinal)
            ? r.Message[r.Message.IndexOf("could not send", StringComparison.Ordinal)..(r.Message.IndexOf(" yet", StringComparison.Ordinal))]
            : r.Message[r.Message.IndexOf("dropped", StringComparison.Ordinal)..r.Message.IndexOf(':', StringComparison.Ordinal)])
        .ToArray();
}
