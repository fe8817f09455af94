using System;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.Pipeline;

public sealed class ValueCheckTests
{
    [Fact]
    public void LongString_IsTruncatedAndMarked()
    {
        using var services = TelemetryServices.InMemory(static o => o.StrictMode = false);
        services.GetRequiredService<EventTracker>().PatientRegistered("p", ClientChannel.Web, new string('x', 9000));

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal(TelemetryLimits.MaxPropertyValueLength, recorded.Properties["locale"].Length);
        Assert.Equal("locale:truncated", recorded.Properties["event_warnings"]);
        Assert.Equal(1, services.GetRequiredService<TelemetryHealth>().GetStatistics().ValuesChanged);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteNumber_IsDroppedAndMarked(double ratio)
    {
        using var services = TelemetryServices.InMemory(static o => o.StrictMode = false);
        services.GetRequiredService<EventTracker>().AppointmentSlotUtilization("dr", "c", DateTimeOffset.UnixEpoch, 0, 0, 0, ratio);

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.False(recorded.Properties.ContainsKey("utilization_ratio"));
        Assert.Equal("utilization_ratio:not_finite", recorded.Properties["event_warnings"]);
    }

    [Fact]
    public void UndefinedEnum_IsSentAsNumberAndMarked()
    {
        using var services = TelemetryServices.InMemory(static o => o.StrictMode = false);
        services.GetRequiredService<EventTracker>().AuthMfaSent("a", (MfaMethod)42);

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal("42", recorded.Properties["method"]);
        Assert.Equal("method:undefined_enum", recorded.Properties["event_warnings"]);
    }

    [Fact]
    public void StrictMode_RejectedValue_Throws()
    {
        using var services = TelemetryServices.InMemory();
        var tracker = services.GetRequiredService<EventTracker>();

        var exception = Assert.Throws<TelemetryValueException>(() => tracker.AuthMfaSent("a", (MfaMethod)42));

        Assert.Equal("auth_mfa_sent", exception.EventName);
        Assert.Equal("method", exception.PropertyName);
        Assert.Equal(ValueIssue.UndefinedEnum, exception.Issue);
        Assert.Empty(services.GetRequiredService<InMemoryEventSink>().Events);
    }
}
