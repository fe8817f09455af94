using System;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>The real Application Insights SDK, sending to a loopback server that speaks the ingestion protocol.</summary>
public sealed class ApplicationInsightsPipelineTests : IDisposable
{
    private readonly IngestionServer _server = new();

    public ApplicationInsightsPipelineTests()
        => Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task TrackedEvent_LandsInCustomEventsWithPseudonymsAndProperties()
    {
        await using var services = BuildServices();
        var tracker = services.GetRequiredService<EventTracker>();
        var pseudonymizer = services.GetRequiredService<Pseudonymizer>();

        tracker.AuthLoginFailure("jeanne.martin@example.fr", "203.0.113.9", LoginFailureReason.InvalidPassword, 4);
        await services.GetRequiredService<EventPipeline>().FlushAsync();

        var envelope = Assert.Single(_server.CustomEvents);
        var data = envelope["data"]!["baseData"]!;
        Assert.Equal("auth_login_failure", (string?)data["name"]);
        var properties = data["properties"]!.AsObject();
        Assert.Equal(pseudonymizer.Pseudonymize("jeanne.martin@example.fr"), (string?)properties["account_id"]);
        Assert.Equal(pseudonymizer.Pseudonymize("203.0.113.9"), (string?)properties["client_ip"]);
        Assert.Equal("invalid_password", (string?)properties["reason"]);
        Assert.Equal("4", (string?)properties["consecutive_failures"]);
        Assert.Equal("LOG-15", (string?)properties["event_area"]);
        Assert.Equal("1", (string?)properties["schema_version"]);
        Assert.True(Guid.TryParse((string?)properties["event_id"], out _));
        var json = envelope.ToJsonString();
        Assert.DoesNotContain("jeanne.martin", json, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.9", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventInsideSampledOutRequest_IsStillSentWithItsOperationId()
    {
        await using var services = BuildServices();
        var tracker = services.GetRequiredService<EventTracker>();
        using var request = new Activity("GET /patients").SetIdFormat(ActivityIdFormat.W3C);
        request.ActivityTraceFlags = ActivityTraceFlags.None;
        request.Start();
        Assert.False(request.Recorded);

        tracker.PatientRegistered("patient-1", ClientChannel.Web);
        request.Stop();
        await services.GetRequiredService<EventPipeline>().FlushAsync();

        // The assertion is that the event is not sampled away: wait for its arrival rather than trusting the flush,
        // whose delivery guarantee is checked on its own.
        await _server.WaitForCustomEventsAsync(1, TimeSpan.FromSeconds(30));

        var envelope = Assert.Single(_server.CustomEvents);
        Assert.Equal(request.TraceId.ToHexString(), (string?)envelope["tags"]!["ai.operation.id"]);
    }

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.StrictMode = true;
            o.ApplicationInsights.ConnectionString = _server.ConnectionString;
            o.ApplicationInsights.EnableOfflineStorage = false;
        });
        var provider = services.BuildServiceProvider();
        Assert.IsType<ApplicationInsightsEventSink>(Assert.Single(provider.GetRequiredService<EventPipeline>().Sinks));
        return provider;
    }
}
