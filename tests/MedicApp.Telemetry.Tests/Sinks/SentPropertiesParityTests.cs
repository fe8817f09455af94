using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using MedicApp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>
/// The in-memory and local sinks show the properties exactly as they are sent: the same event, through the real
/// Application Insights SDK and through both, carries the same names and values in customDimensions.
/// </summary>
public sealed class SentPropertiesParityTests : IDisposable
{
    private readonly IngestionServer _server = new();
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("medicapp-telemetry-parity-");

    public SentPropertiesParityTests()
        => Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

    public void Dispose()
    {
        _server.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task SameEvent_HasTheSamePropertiesInApplicationInsights_InMemory_AndInTheLocalJsonLine()
    {
        var path = Path.Combine(_directory.FullName, "events.jsonl");
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.ApplicationInsights.ConnectionString = _server.ConnectionString;
            o.ApplicationInsights.EnableOfflineStorage = false;
            o.Local.Path = path;
            o.Local.Console = false;
        }).AddSink<InMemoryEventSink>().AddSink<LocalEventSink>();
        Dictionary<string, string> recorded;
        await using (var provider = services.BuildServiceProvider())
        {
            var pipeline = provider.GetRequiredService<EventPipeline>();
            Assert.Equal(["application_insights", "in_memory", "local"], pipeline.Sinks.Select(static s => s.Name));

            provider.GetRequiredService<EventTracker>().AppointmentBooked(
                "patient-1", Guid.NewGuid(), "practitioner-1", "clinic-1", AppointmentKind.PreOperative, ClientChannel.MobileApp, TimeSpan.FromDays(3.5));
            await pipeline.FlushAsync();
            recorded = pipeline.Sinks.OfType<InMemoryEventSink>().Single().LatestEvent.Properties.ToDictionary();
        }

        var sent = Assert.Single(_server.CustomEvents)["data"]!["baseData"]!["properties"]!.AsObject()
            .ToDictionary(static p => p.Key, static p => (string)p.Value!);
        using var line = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(path)));
        var written = line.RootElement.GetProperty("properties").EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString()!);

        Assert.Equal(Sorted(sent), Sorted(recorded));
        Assert.Equal(Sorted(sent), Sorted(written));
        Assert.DoesNotContain("CategoryName", sent.Keys);
    }

    private static List<KeyValuePair<string, string>> Sorted(Dictionary<string, string> properties)
        => properties.OrderBy(static p => p.Key, StringComparer.Ordinal).ToList();
}
