using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedicApp.Telemetry.Tests.Pipeline;

public sealed class ValueCheckTests
{
    [Fact]
    public void LongString_IsTruncatedAndMarked()
    {
        using var services = Unshaped(strict: false);
        Measure(services, new string('x', 9000));

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal(TelemetryLimits.MaxPropertyValueLength, recorded.Properties["unit"].Length);
        Assert.Equal("unit:truncated", recorded.Properties["event_warnings"]);
        Assert.Equal(1, services.GetRequiredService<TelemetryHealth>().GetStatistics().ValuesChanged);
    }

    [Fact]
    public void LongString_WithAnEmojiAcrossTheLimit_IsCutBeforeIt()
    {
        using var services = Unshaped(strict: false);
        var prefix = new string('x', TelemetryLimits.MaxPropertyValueLength - 1);

        Measure(services, prefix + "\U0001F44D" + "tail");

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal(prefix, recorded.Properties["unit"]);
        Assert.Equal("unit:truncated", recorded.Properties["event_warnings"]);
    }

    [Fact]
    public void LongString_WithAnEmojiJustBeforeTheLimit_KeepsIt()
    {
        using var services = Unshaped(strict: false);
        var kept = new string('x', TelemetryLimits.MaxPropertyValueLength - 2) + "\U0001F44D";

        Measure(services, kept + "tail");

        Assert.Equal(kept, services.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties["unit"]);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteNumber_IsDroppedAndMarked(double ratio)
    {
        using var services = TelemetryServices.InMemory(static o => o.StrictMode = false);
        services.GetRequiredService<EventTracker>().AppointmentSlotUtilization("dr", "clinic-1", DateTimeOffset.UnixEpoch, 0, 0, 0, ratio);

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

        AssertRejected(services, () => tracker.AuthMfaSent("a", (MfaMethod)42), "auth_mfa_sent", "method", ValueIssue.UndefinedEnum);
    }

    [Fact]
    public void StrictMode_LongString_Throws()
    {
        using var services = Unshaped(strict: true);

        AssertRejected(services, () => Measure(services, new string('x', TelemetryLimits.MaxPropertyValueLength + 1)), "optional_values_measured", "unit", ValueIssue.Truncated);
    }

    [Fact]
    public void StrictMode_StringAtTheLimit_IsSentWhole()
    {
        using var services = Unshaped(strict: true);

        Measure(services, new string('x', TelemetryLimits.MaxPropertyValueLength));

        Assert.Equal(TelemetryLimits.MaxPropertyValueLength, services.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties["unit"].Length);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void StrictMode_NonFiniteNumber_Throws(double ratio)
    {
        using var services = TelemetryServices.InMemory();
        var tracker = services.GetRequiredService<EventTracker>();

        AssertRejected(services, () => tracker.AppointmentSlotUtilization("dr", "clinic-1", DateTimeOffset.UnixEpoch, 0, 0, 0, ratio), "appointment_slot_utilization", "utilization_ratio", ValueIssue.NotFinite);
        Assert.Equal(0, services.GetRequiredService<TelemetryHealth>().GetStatistics().EventsFailed);
    }

    [Fact]
    public void StrictModeTurnedOff_BeforeUseInMemorySink_StaysOff()
    {
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(static o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.StrictMode = false;
        }).UseInMemorySink();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<EventTracker>().AuthMfaSent("a", (MfaMethod)42);

        Assert.Equal("method:undefined_enum", provider.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties["event_warnings"]);
    }

    [Fact]
    public void StrictModeFromConfiguration_IsKeptWithTheInMemorySink()
    {
        var configuration = TelemetryServices.Configuration(new Dictionary<string, string?>
        {
            ["MedicAppTelemetry:Pseudonymization:Key"] = TelemetryServices.Key,
            ["MedicAppTelemetry:StrictMode"] = "false",
        });
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(configuration.GetSection("MedicAppTelemetry")).UseInMemorySink();
        using var provider = services.BuildServiceProvider();

        Assert.False(provider.GetRequiredService<IOptions<MedicAppTelemetryOptions>>().Value.StrictMode);
    }

    [Fact]
    public void StrictMode_ConfigurationSectionWithoutIt_IsTurnedOnByTheInMemorySink()
    {
        // A section that says nothing of strict mode must not switch it off: binding it used to make the default explicit.
        var configuration = TelemetryServices.Configuration(new Dictionary<string, string?>
        {
            ["MedicAppTelemetry:Pseudonymization:Key"] = TelemetryServices.Key,
            ["MedicAppTelemetry:Local:Path"] = "events.jsonl",
        });
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddMedicAppTelemetry().UseInMemorySink();
        using var provider = services.BuildServiceProvider();

        Assert.True(provider.GetRequiredService<IOptions<MedicAppTelemetryOptions>>().Value.StrictMode);
        Assert.Throws<TelemetryValueException>(() => provider.GetRequiredService<EventTracker>().AuthMfaSent("a", (MfaMethod)42));
    }

    [Fact]
    public void StrictMode_WithoutTheInMemorySink_IsOffByDefault()
    {
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(static o => o.Pseudonymization.Key = TelemetryServices.Key).UseSink<CountingSink>();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<EventTracker>().AuthMfaSent("a", (MfaMethod)42);

        Assert.Null(provider.GetRequiredService<IOptions<MedicAppTelemetryOptions>>().Value.StrictMode);
        Assert.Equal(1, provider.GetRequiredService<CountingSink>().Count);
    }

    // A string without a declared shape: only those are cut to the longest value kept; a shaped one is withheld instead.
    private static ServiceProvider Unshaped(bool strict)
        => TelemetryServices.InMemory(o => o.StrictMode = strict, static b => b.AddCatalogue<ValueTypeEvents>());

    private static void Measure(IServiceProvider services, string unit)
        => services.GetRequiredService<ValueTypeEvents>().OptionalValuesMeasured(unit, null, null, null, null, null, null);

    private static void AssertRejected(IServiceProvider services, Action track, string eventName, string propertyName, ValueIssue issue)
    {
        var exception = Assert.Throws<TelemetryValueException>(track);

        Assert.Equal(eventName, exception.EventName);
        Assert.Equal(propertyName, exception.PropertyName);
        Assert.Equal(issue, exception.Issue);
        Assert.Empty(services.GetRequiredService<InMemoryEventSink>().Events);
    }

    private sealed class CountingSink : IEventSink
    {
        public int Count { get; private set; }

        public string Name => "counting";

        public void Emit(EventRecord record) => Count++;

        public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
