using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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
        var pipeline = new EventPipeline([sink], new Pseudonymizer(Convert.FromBase64String(TelemetryServices.Key), "k1"), RedactingTextScrubber.Instance, health, options);
        var tracker = new EventTracker(pipeline);

        tracker.PatientRegistered("patient-1", ClientChannel.Web);
        tracker.AuthLoginFailure("account-1", "203.0.113.9", LoginFailureReason.InvalidPassword, 3);
        await pipeline.FlushAsync();

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
        var options = Options.Create(new MedicAppTelemetryOptions());
        options.Value.Local.Path = path;
        options.Value.Local.Console = false;
        using var health = new TelemetryHealth();
        await using (var sink = new LocalEventSink(options, health, TextWriter.Null))
        {
            var pipeline = new EventPipeline([sink], new Pseudonymizer(Convert.FromBase64String(TelemetryServices.Key), "k1"), RedactingTextScrubber.Instance, health, options);
            new EventTracker(pipeline).AuthMfaSent("a", MfaMethod.Sms);
        }

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(["earlier", "auth_mfa_sent"], lines.Select(static l => JsonDocument.Parse(l).RootElement.GetProperty("name").GetString() ?? string.Empty).ToArray());
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
}
