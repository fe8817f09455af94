using System;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace MedicApp.Telemetry.Tests.Pipeline;

public sealed class SinkFailureTests
{
    [Fact]
    public void ThrowingSink_IsCaughtCountedAndOtherSinksStillReceive()
    {
        using var services = TelemetryServices.InMemory(build: static b => b.AddSink<ThrowingSink>());
        var tracker = services.GetRequiredService<EventTracker>();

        tracker.AuthMfaSent("a", MfaMethod.Sms);
        tracker.AuthMfaSent("b", MfaMethod.Email);

        Assert.Equal(2, services.GetRequiredService<InMemoryEventSink>().Events.Count);
        var statistics = services.GetRequiredService<TelemetryHealth>().GetStatistics();
        Assert.Equal(2, statistics.SinkFailures);
        Assert.Equal(2, statistics.EventsTracked);
    }

    [Fact]
    public void ThrowingSink_IsReportedThroughLogsAndTheMeter()
    {
        using var services = TelemetryServices.InMemory(build: static b => Observed(b).AddSink<ThrowingSink>());
        using var failures = Collect(services, "medicapp.telemetry.sink.failures");

        services.GetRequiredService<EventTracker>().AuthMfaSent("a", MfaMethod.Sms);

        var log = Assert.Single(services.GetFakeLogCollector().GetSnapshot());
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Equal("MedicApp.Telemetry sink 'throwing' failed 1 time(s), last on event 'auth_mfa_sent'.", log.Message);
        Assert.Equal("sink down", log.Exception?.Message);
        failures.RecordObservableInstruments();
        Assert.Equal(1, failures.LastMeasurement?.Value);
    }

    [Fact]
    public async Task ThrowingSink_Flush_IsCaught()
    {
        using var services = TelemetryServices.InMemory(build: static b => b.AddSink<ThrowingSink>());

        await services.GetRequiredService<EventPipeline>().FlushAsync();

        Assert.Equal(1, services.GetRequiredService<TelemetryHealth>().GetStatistics().SinkFailures);
    }

    [Fact]
    public void ThrowingScrubber_DoesNotReachTheCaller_IsCountedAndReported()
    {
        using var services = TelemetryServices.InMemory(build: static b => Observed(b).AddCatalogue<SupportEvents>().UseTextScrubber<ThrowingScrubber>());
        using var failed = Collect(services, "medicapp.telemetry.events.failed");

        services.GetRequiredService<SupportEvents>().SupportTicketOpened("patient", "my message");

        Assert.Empty(services.GetRequiredService<InMemoryEventSink>().Events);
        var statistics = services.GetRequiredService<TelemetryHealth>().GetStatistics();
        Assert.Equal(1, statistics.EventsFailed);
        Assert.Equal(0, statistics.EventsTracked);
        var log = Assert.Single(services.GetFakeLogCollector().GetSnapshot());
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Equal("MedicApp.Telemetry could not track 1 'support_ticket_opened' event(s).", log.Message);
        Assert.IsType<InvalidOperationException>(log.Exception);
        failed.RecordObservableInstruments();
        Assert.Equal(1, failed.LastMeasurement?.Value);
    }

    private static MedicAppTelemetryBuilder Observed(MedicAppTelemetryBuilder builder)
    {
        builder.Services.AddFakeLogging();
        builder.Services.AddMetrics();
        return builder;
    }

    private static MetricCollector<long> Collect(IServiceProvider services, string instrument)
        => new(services.GetRequiredService<IMeterFactory>(), TelemetryHealth.MeterName, instrument);

    private sealed class ThrowingSink : IEventSink
    {
        public string Name => "throwing";

        public void Emit(EventRecord record) => throw new InvalidOperationException("sink down");

        public Task FlushAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("sink down");
    }

    private sealed class ThrowingScrubber : ITextScrubber
    {
        public string Scrub(string text) => throw new InvalidOperationException("scrubber down");
    }
}
