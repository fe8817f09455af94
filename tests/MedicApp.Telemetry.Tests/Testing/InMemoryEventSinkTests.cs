using System;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.Testing;

/// <summary>The assertions of MedicApp.Telemetry.Testing, as a consumer's test uses them: what passes, and what each failure says.</summary>
public sealed class InMemoryEventSinkTests
{
    [Fact]
    public void AssertSingle_OneEvent_ReturnsItWithTypedProperties()
    {
        using var services = TelemetryServices.InMemory();
        var sink = services.GetRequiredService<InMemoryEventSink>();
        var day = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

        services.GetRequiredService<EventTracker>().AppointmentSlotUtilization("dr-1", "clinic-7", day, 20, 15, 2, 0.75);
        services.GetRequiredService<EventTracker>().PatientPhoneVerified("p-1", TimeSpan.FromSeconds(90), 2);

        var utilization = sink.AssertSingle("appointment_slot_utilization");
        Assert.Equal(20, utilization.GetProperty<int>("total_slots"));
        Assert.Equal(0.75, utilization.GetProperty<double>("utilization_ratio"));
        Assert.Equal(day, utilization.GetProperty<DateTimeOffset>("day"));
        Assert.Equal(sink.Pseudonymize("dr-1"), utilization.GetProperty<string>("practitioner_id"));
        Assert.Equal(1, utilization.GetProperty<int>("schema_version"));
        Assert.Equal(utilization.EventId, utilization.GetProperty<Guid>("event_id"));
        var verified = sink.AssertSingle("patient_phone_verified");
        Assert.Equal(TimeSpan.FromSeconds(90), verified.GetProperty<TimeSpan>("time_to_verify_ms"));
        sink.AssertNoOtherEvents();
    }

    [Fact]
    public void AssertSingle_NoneOrTwo_FailsListingWhatWasTracked()
    {
        using var services = TelemetryServices.InMemory();
        var sink = services.GetRequiredService<InMemoryEventSink>();
        var tracker = services.GetRequiredService<EventTracker>();

        var none = Assert.Throws<TelemetryAssertException>(() => sink.AssertSingle("auth_mfa_sent"));
        Assert.Contains("Expected one 'auth_mfa_sent' event, but 0 were tracked. Nothing was tracked.", none.Message, StringComparison.Ordinal);

        tracker.AuthMfaSent("a-1", MfaMethod.Sms);
        tracker.AuthMfaSent("a-2", MfaMethod.Email);
        var two = Assert.Throws<TelemetryAssertException>(() => sink.AssertSingle("auth_mfa_sent"));
        Assert.Contains("but 2 were tracked", two.Message, StringComparison.Ordinal);
        Assert.Contains("method=email", two.Message, StringComparison.Ordinal);
        Assert.Equal(2, sink.AssertCount("auth_mfa_sent", 2).Count);
    }

    [Fact]
    public void AssertNoOtherEvents_AnEventNoAssertionReturned_FailsNamingIt()
    {
        using var services = TelemetryServices.InMemory();
        var sink = services.GetRequiredService<InMemoryEventSink>();
        var tracker = services.GetRequiredService<EventTracker>();
        tracker.AuthMfaSent("a-1", MfaMethod.Sms);
        tracker.AuthLoginSuccess("a-1", "192.0.2.1", UserRole.Patient, mfaRequired: true, failedAttempts: 0);

        sink.AssertSingle("auth_mfa_sent");
        var exception = Assert.Throws<TelemetryAssertException>(sink.AssertNoOtherEvents);

        Assert.StartsWith("1 events were tracked that the test did not expect:\n  auth_login_success ", exception.Message, StringComparison.Ordinal);
        sink.AssertNone("auth_account_locked");
        sink.AssertSingle("auth_login_success");
        sink.AssertNoOtherEvents();
    }

    [Fact]
    public void AssertProperty_OtherValueOrMissing_FailsWithTheSentText()
    {
        using var services = TelemetryServices.InMemory();
        var sink = services.GetRequiredService<InMemoryEventSink>();
        services.GetRequiredService<EventTracker>().PatientRegistered("p-1", ClientChannel.Web);
        var recorded = sink.AssertSingle("patient_registered");

        var wrong = Assert.Throws<TelemetryAssertException>(() => recorded.AssertProperty("channel", "mobile_app"));
        Assert.Equal("Expected 'patient_registered.channel' to be 'mobile_app', but it was 'web'.", wrong.Message);
        var missing = Assert.Throws<TelemetryAssertException>(() => recorded.GetProperty<string>("locale"));
        Assert.StartsWith("'patient_registered' has no property 'locale'", missing.Message, StringComparison.Ordinal);
        var notANumber = Assert.Throws<TelemetryAssertException>(() => recorded.GetProperty<int>("channel"));
        Assert.Equal("'patient_registered.channel' is 'web', which is not a Int32.", notANumber.Message);
        recorded.AssertNoProperty("locale").AssertProperty("channel", "web");
        Assert.Throws<TelemetryAssertException>(() => recorded.AssertNoProperty("channel"));
    }
}
