using System;
using System.Linq;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.Pipeline;

public sealed class EventTrackerTests
{
    [Fact]
    public void PatientRegistered_InMemorySink_RecordsExactPropertiesWithPseudonym()
    {
        using var services = TelemetryServices.InMemory();
        var tracker = services.GetRequiredService<EventTracker>();
        var sink = services.GetRequiredService<InMemoryEventSink>();
        var pseudonymizer = services.GetRequiredService<Pseudonymizer>();

        tracker.PatientRegistered("patient-42", ClientChannel.MobileApp, locale: "fr-FR");

        var recorded = Assert.Single(sink.Events);
        Assert.Equal("patient_registered", recorded.Name);
        Assert.Equal(
            ["event_id", "schema_version", "event_area", "patient_id", "channel", "locale"],
            recorded.Properties.Keys.ToArray());
        Assert.Equal(recorded.EventId.ToString("D"), recorded.Properties["event_id"]);
        Assert.Equal("1", recorded.Properties["schema_version"]);
        Assert.Equal("LOG-11", recorded.Properties["event_area"]);
        Assert.Equal(pseudonymizer.Pseudonymize("patient-42"), recorded.Properties["patient_id"]);
        Assert.StartsWith("k1:", recorded.Properties["patient_id"], StringComparison.Ordinal);
        Assert.Equal("mobile_app", recorded.Properties["channel"]);
        Assert.Equal("fr-FR", recorded.Properties["locale"]);
        Assert.DoesNotContain(recorded.Properties.Values, v => v.Contains("patient-42", StringComparison.Ordinal));

        sink.AssertSingle("patient_registered")
            .AssertProperty("patient_id", sink.Pseudonymize("patient-42"))
            .AssertProperty("channel", "mobile_app");
        sink.AssertNoOtherEvents();
    }

    [Fact]
    public void OptionalProperty_Null_IsNotSent()
    {
        using var services = TelemetryServices.InMemory();
        services.GetRequiredService<EventTracker>().PatientRegistered("p", ClientChannel.Web);

        Assert.False(services.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties.ContainsKey("locale"));
    }

    [Fact]
    public void Numbers_AreSentInInvariantCultureAndDurationsInMilliseconds()
    {
        using var services = TelemetryServices.InMemory();
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
        try
        {
            services.GetRequiredService<EventTracker>().AppointmentSlotUtilization(
                "dr-1", "clinic-7", new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(1)), 20, 15, 2, 0.75);
            services.GetRequiredService<EventTracker>().PatientEmailVerified("p", TimeSpan.FromSeconds(1.5), 2);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }

        var events = services.GetRequiredService<InMemoryEventSink>().Events;
        Assert.Equal("0.75", events[0].Properties["utilization_ratio"]);
        Assert.Equal("20", events[0].Properties["total_slots"]);
        Assert.Equal("2026-11-22T23:00:00.0000000Z", events[0].Properties["day"]);
        Assert.Equal("1500", events[1].Properties["time_to_verify_ms"]);
    }

    [Fact]
    public void EventIds_AreUniqueAcrossEvents()
    {
        using var services = TelemetryServices.InMemory();
        var tracker = services.GetRequiredService<EventTracker>();
        for (var i = 0; i < 1000; i++)
        {
            tracker.AuthMfaSent("account", MfaMethod.Totp);
        }

        var ids = services.GetRequiredService<InMemoryEventSink>().Events.Select(static e => e.Properties["event_id"]).ToHashSet();
        Assert.Equal(1000, ids.Count);
    }

    [Fact]
    public void Disabled_TracksNothing()
    {
        using var services = TelemetryServices.InMemory(static o => o.Enabled = false);
        services.GetRequiredService<EventTracker>().AuthMfaSent("account", MfaMethod.Sms);

        Assert.Empty(services.GetRequiredService<InMemoryEventSink>().Events);
        Assert.False(services.GetRequiredService<EventPipeline>().IsEnabled);
    }

    [Fact]
    public void EventTracker_IsSingleton()
    {
        using var services = TelemetryServices.InMemory();
        Assert.Same(services.GetRequiredService<EventTracker>(), services.GetRequiredService<EventTracker>());
    }
}
