using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Threading;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

public sealed class LocalEventSinkTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "medicapp-telemetry-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Emit_WritesOneReadableLineAndOneJsonObjectPerEvent()
    {
        var path = Path.Combine(_directory, "events.jsonl");
        var console = new StringWriter();
        var options = Options.Create(new MedicAppTelemetryOptions());
        options.Value.Local.Path = path;
        options.Value.Pseudonymization.Key = TelemetryServices.Key;
        using var health = new TelemetryHealth();
        await using var sink = new LocalEventSink(options, health, console);
        var tracker = TelemetryServices.Tracker(sink, health, options);

        tracker.PatientRegistered("patient-1", ClientChannel.Web);
        tracker.AuthLoginFailure("account-1", "203.0.113.9", LoginFailureReason.InvalidPassword, 3);
        await sink.FlushAsync(default);

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("patient_registered", first.RootElement.GetProperty("name").GetString());
        Assert.True(DateTimeOffset.TryParse(first.RootElement.GetProperty("timestamp").GetString(), out _));
        var properties = first.RootElement.GetProperty("properties");
        Assert.Equal("web", properties.GetProperty("channel").GetString());
        Assert.Matches("^k1:[0-9a-f]{32}$", properties.GetProperty("patient_id").GetString());
        Assert.DoesNotContain("patient-1", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.9", lines[1], StringComparison.Ordinal);
        Assert.Equal("3", JsonDocument.Parse(lines[1]).RootElement.GetProperty("properties").GetProperty("consecutive_failures").GetString());

        var consoleLines = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, consoleLines.Length);
        Assert.Contains("patient_registered (LOG-11 v1) patient_id=k1:", consoleLines[0], StringComparison.Ordinal);
        Assert.Contains("channel=web", consoleLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emit_AppendsToAnExistingFile()
    {
        var path = Path.Combine(_directory, "events.jsonl");
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(path, "{\"name\":\"earlier\"}\n");
        var options = FileOnly(path);
        using var health = new TelemetryHealth();
        await using (var sink = new LocalEventSink(options, health, TextWriter.Null))
        {
            TelemetryServices.Tracker(sink, health, options).AuthMfaSent("a", MfaMethod.Sms);
        }

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(["earlier", "auth_mfa_sent"], lines.Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("name").GetString() ?? string.Empty).ToArray());
    }

    [Fact]
    public async Task TwoSinksOnOneFile_KeepEveryLineWholeAndValid()
    {
        const int EventsPerSink = 3000;
        var path = Path.Combine(_directory, "events.jsonl");
        var options = FileOnly(path);
        using var health = new TelemetryHealth();
        var first = new LocalEventSink(options, health, TextWriter.Null);
        var second = new LocalEventSink(options, health, TextWriter.Null);
        var trackers = new[] { TelemetryServices.Tracker(first, health, options), TelemetryServices.Tracker(second, health, options) };
        foreach (var tracker in trackers)
        {
            // Both sinks have written once, as two hosts that have been running for a while.
            tracker.PatientRegistered("patient-0", ClientChannel.Web);
        }

        await Task.WhenAll(first.FlushAsync(default), second.FlushAsync(default));
        await Task.WhenAll(trackers.Select(static (tracker, sink) => Task.Run(() =>
        {
            for (var i = 1; i < EventsPerSink; i++)
            {
                tracker.PatientRegistered($"patient-{sink}-{i}", ClientChannel.Web);
            }
        })));
        await first.DisposeAsync();
        await second.DisposeAsync();

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(2 * EventsPerSink, lines.Length);
        var ids = lines.Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("properties").GetProperty("event_id").GetString()).ToHashSet();
        Assert.Equal(2 * EventsPerSink, ids.Count);
        Assert.Equal(0, health.GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task FileHeldByAnotherWriter_IsWrittenOnceReleased()
    {
        var path = Path.Combine(_directory, "events.jsonl");
        var options = FileOnly(path);
        using var health = new TelemetryHealth();
        await using var sink = new LocalEventSink(options, health, TextWriter.Null, Enumerable.Repeat(TimeSpan.FromMilliseconds(5), 2000).ToArray());
        var tracker = TelemetryServices.Tracker(sink, health, options);
        var held = Hold(path);

        tracker.AuthMfaSent("a", MfaMethod.Sms);
        var flushed = sink.FlushAsync(default);
        await held.DisposeAsync();
        await flushed;

        Assert.Equal("auth_mfa_sent", JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(path))).RootElement.GetProperty("name").GetString());
        Assert.Equal(0, health.GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task FileHeldTooLong_EventsAreReportedAsDropped()
    {
        var path = Path.Combine(_directory, "events.jsonl");
        var options = FileOnly(path);
        using var health = new TelemetryHealth();
        await using var sink = new LocalEventSink(options, health, TextWriter.Null, [TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)]);
        var tracker = TelemetryServices.Tracker(sink, health, options);
        await using (Hold(path))
        {
            tracker.AuthMfaSent("a", MfaMethod.Sms);
            tracker.AuthMfaSent("b", MfaMethod.Sms);
            await sink.FlushAsync(default);
        }

        Assert.Equal(2, health.GetStatistics().EventsDropped);
        Assert.Empty(await File.ReadAllLinesAsync(path));
    }

    [Fact]
    public async Task FullQueue_DropsNewEvents_CountsAndReportsThem()
    {
        using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = metrics.GetRequiredService<IMeterFactory>();
        using var dropped = new MetricCollector<long>(meters, TelemetryHealth.MeterName, "medicapp.telemetry.events.dropped");
        var logger = new FakeLogger<TelemetryHealth>();
        using var health = new TelemetryHealth(logger, meterFactory: meters);
        var console = new BlockedWriter();
        var options = Options.Create(new MedicAppTelemetryOptions());
        options.Value.Local.QueueCapacity = 2;
        await using var sink = new LocalEventSink(options, health, console);
        var tracker = TelemetryServices.Tracker(sink, health, options);

        tracker.AuthMfaSent("writing", MfaMethod.Sms);
        await console.Entered;
        tracker.AuthMfaSent("queued-1", MfaMethod.Sms);
        tracker.AuthMfaSent("queued-2", MfaMethod.Sms);
        tracker.AuthMfaSent("dropped-1", MfaMethod.Sms);
        tracker.AuthMfaSent("dropped-2", MfaMethod.Sms);
        tracker.AuthMfaSent("dropped-3", MfaMethod.Sms);

        Assert.Equal(3, health.GetStatistics().EventsDropped);
        dropped.RecordObservableInstruments();
        Assert.Equal(3, dropped.LastMeasurement?.Value);
        var log = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Equal("MedicApp.Telemetry sink 'local' dropped 1 event(s): the write queue is full.", log.Message);

        console.Release();
        await sink.FlushAsync(default);
        Assert.Equal(3, console.Lines.Count);
    }

    [Fact]
    public async Task PathFromConfiguration_DisposingTheHost_WritesEveryPendingEvent()
    {
        const int Events = 2000;
        var path = Path.Combine(_directory, "events.jsonl");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MedicAppTelemetry:Local:Path"] = path,
            ["MedicAppTelemetry:Local:Console"] = "false",
        });
        builder.Services.AddMedicAppTelemetry();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            Assert.Equal(path, Assert.IsType<LocalEventSink>(Assert.Single(host.Services.GetRequiredService<EventPipeline>().Sinks)).FilePath);
            var tracker = host.Services.GetRequiredService<EventTracker>();
            for (var i = 0; i < Events; i++)
            {
                tracker.AuthMfaSent($"account-{i}", MfaMethod.Sms);
            }
        }

        Assert.Equal(Events, (await File.ReadAllLinesAsync(path)).Length);
    }

    [Fact]
    public async Task AfterDisposal_EventsAreReportedAsDroppedByADisposedSink()
    {
        var logger = new FakeLogger<TelemetryHealth>();
        using var health = new TelemetryHealth(logger);
        var options = Options.Create(new MedicAppTelemetryOptions());
        var sink = new LocalEventSink(options, health, TextWriter.Null);
        await sink.DisposeAsync();

        TelemetryServices.Tracker(sink, health, options).AuthMfaSent("a", MfaMethod.Sms);

        Assert.Equal(1, health.GetStatistics().EventsDropped);
        Assert.Equal("MedicApp.Telemetry sink 'local' dropped 1 event(s): the sink is disposed.", Assert.Single(logger.Collector.GetSnapshot()).Message);
    }

    [Fact]
    public void DefaultSink_WithoutConnectionString_IsLocal()
    {
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(static o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.Local.Console = false;
            o.ApplicationInsights.ConnectionString = null;
        });
        using var provider = services.BuildServiceProvider();

        var sinks = provider.GetRequiredService<EventPipeline>().Sinks;

        Assert.IsType<LocalEventSink>(Assert.Single(sinks));
    }

    private static IOptions<MedicAppTelemetryOptions> FileOnly(string path, int queueCapacity = 10_000)
    {
        var options = Options.Create(new MedicAppTelemetryOptions());
        options.Value.Local.Path = path;
        options.Value.Local.Console = false;
        options.Value.Local.QueueCapacity = queueCapacity;
        return options;
    }

    // Another writer in the middle of its batch: an exclusive lock on the file, as the sink itself takes.
    private static FileStream Hold(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }

    // A console that holds the first line until released, as a terminal that does not read its output.
    private sealed class BlockedWriter : StringWriter
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _released = new();

        public Task Entered => _entered.Task;

        public List<string> Lines { get; } = [];

        public void Release() => _released.Set();

        public override void WriteLine(string? value)
        {
            _entered.TrySetResult();
            _released.Wait();
            Lines.Add(value ?? string.Empty);
        }

        protected override void Dispose(bool disposing)
        {
            _released.Dispose();
            base.Dispose(disposing);
        }
    }
}
