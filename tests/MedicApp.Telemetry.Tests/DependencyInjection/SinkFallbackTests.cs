using System;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.DependencyInjection;

/// <summary>An Application Insights sink that cannot start never fails the code that injects the tracker.</summary>
public sealed class SinkFallbackTests
{
    [Fact]
    public async Task ApplicationInsightsSinkThatCannotStart_FallsBackToTheLocalSink_AndIsReported()
    {
        await using var services = BuildServices(localEnabled: true);

        var tracker = services.GetRequiredService<EventTracker>();
        tracker.PatientRegistered("patient-1", ClientChannel.Web);

        var pipeline = services.GetRequiredService<EventPipeline>();
        Assert.IsType<LocalEventSink>(Assert.Single(pipeline.Sinks));
        var statistics = pipeline.Health.GetStatistics();
        Assert.Equal(1, statistics.SinkFailures);
        Assert.Equal(1, statistics.EventsTracked);
        Assert.Equal(0, statistics.EventsDropped);
    }

    [Fact]
    public async Task ApplicationInsightsSinkThatCannotStart_WithTheLocalSinkOff_CountsEveryEventAsDropped()
    {
        await using var services = BuildServices(localEnabled: false);

        var tracker = services.GetRequiredService<EventTracker>();
        tracker.PatientRegistered("patient-1", ClientChannel.Web);
        tracker.PatientRegistered("patient-2", ClientChannel.Web);

        var statistics = services.GetRequiredService<TelemetryHealth>().GetStatistics();
        Assert.Equal(1, statistics.SinkFailures);
        Assert.Equal(2, statistics.EventsDropped);
    }

    private static ServiceProvider BuildServices(bool localEnabled)
    {
        var services = new ServiceCollection();

        // Whatever makes the sink fail (the exporter, the file system): registered first, it wins over the default.
        services.AddSingleton<ApplicationInsightsEventSink>(static _ => throw new InvalidOperationException("Connection String Error"));
        services.AddMedicAppTelemetry(o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.ApplicationInsights.ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001";
            o.Local.Enabled = localEnabled;
            o.Local.Console = false;
        });
        return services.BuildServiceProvider();
    }
}
