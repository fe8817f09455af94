using System;
using System.Collections.Generic;
using System.Linq;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.Pipeline;

/// <summary>
/// The exact text sent for each supported property type: Application Insights 3.x sends every property as a string,
/// so the text is the value a query reads.
/// </summary>
public sealed class PropertyValueTests
{
    private static readonly string[] s_sdkProperties = ["event_id", "schema_version", "event_area"];

    // Maxima, minima, and values a double would round.
    public static TheoryData<Action<ValueTypeEvents>, string[]> EdgeNumbers { get; } = new()
    {
        {
            static e => e.NumbersMeasured(
                sbyte.MaxValue, byte.MaxValue, short.MaxValue, ushort.MaxValue, int.MaxValue, uint.MaxValue,
                long.MaxValue, ulong.MaxValue, float.MaxValue, double.MaxValue, decimal.MaxValue),
            ["127", "255", "32767", "65535", "2147483647", "4294967295", "9223372036854775807", "18446744073709551615",
                "3.4028235E+38", "1.7976931348623157E+308", "79228162514264337593543950335"]
        },
        {
            static e => e.NumbersMeasured(
                sbyte.MinValue, byte.MinValue, short.MinValue, ushort.MinValue, int.MinValue, uint.MinValue,
                long.MinValue, ulong.MinValue, float.MinValue, double.MinValue, decimal.MinValue),
            ["-128", "0", "-32768", "0", "-2147483648", "0", "-9223372036854775808", "0",
                "-3.4028235E+38", "-1.7976931348623157E+308", "-79228162514264337593543950335"]
        },
        {
            static e => e.NumbersMeasured(
                0, 0, 0, 0, 0, 0, 9_007_199_254_740_993L, 9_007_199_254_740_993UL, 0.1f, 0.1, 1234567890123456789.0123456789m),
            ["0", "0", "0", "0", "0", "0", "9007199254740993", "9007199254740993", "0.1", "0.1", "1234567890123456789.0123456789"]
        },
    };

    [Theory]
    [MemberData(nameof(EdgeNumbers))]
    public void Numbers_EdgeValues_AreSentExactly(Action<ValueTypeEvents> track, string[] expected)
        => Assert.Equal(expected, DeclaredValues(Track(track)));

    [Fact]
    public void Numbers_SmallFractionsAndDecimalScale_AreSentAsTracked()
    {
        var properties = Track(static e => e.NumbersMeasured(0, 0, 0, 0, 0, 0, 0, 0, 1e-7f, 1e-7, 1.50m));

        Assert.Equal("1E-07", properties["ratio"]);
        Assert.Equal("1E-07", properties["precise"]);
        Assert.Equal("1.50", properties["amount"]);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Float_NotFinite_IsDroppedAndMarked(float ratio)
    {
        var properties = Track(e => e.NumbersMeasured(0, 0, 0, 0, 0, 0, 0, 0, ratio, 0, 0), strict: false);

        Assert.False(properties.ContainsKey("ratio"));
        Assert.Equal("ratio:not_finite", properties["event_warnings"]);
    }

    [Fact]
    public void OptionalNumbers_WithValues_AreSentLikeRequiredOnes()
    {
        var properties = Track(static e => e.OptionalNumbersMeasured(
            sbyte.MinValue, byte.MaxValue, short.MinValue, ushort.MaxValue, int.MinValue, uint.MaxValue,
            long.MinValue, ulong.MaxValue, 0.1f, 0.1, -0.001m));

        Assert.Equal(
            ["-128", "255", "-32768", "65535", "-2147483648", "4294967295", "-9223372036854775808", "18446744073709551615", "0.1", "0.1", "-0.001"],
            DeclaredValues(properties));
    }

    [Fact]
    public void OptionalNumbers_Null_AreNotSent()
    {
        var properties = Track(static e => e.OptionalNumbersMeasured(null, null, null, null, null, null, null, null, null, null, null));

        Assert.Equal(s_sdkProperties, properties.Keys);
    }

    [Fact]
    public void Values_EveryOtherType_IsSentInItsInvariantForm()
    {
        var deviceId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var patientId = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        var measuredAt = new DateTimeOffset(2026, 3, 1, 9, 30, 15, 250, TimeSpan.FromHours(1));
        using var services = TelemetryServices.InMemory(build: static b => b.AddCatalogue<ValueTypeEvents>());

        services.GetRequiredService<ValueTypeEvents>().ValuesMeasured(
            "mmHg", true, MeasureSource.DeviceReading, deviceId, patientId, measuredAt, TimeSpan.FromTicks(15_005));

        var properties = services.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties;
        Assert.Equal("mmHg", properties["unit"]);
        Assert.Equal("true", properties["confirmed"]);
        Assert.Equal("device_reading", properties["source"]);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", properties["device_id"]);
        Assert.Equal(services.GetRequiredService<Pseudonymizer>().Pseudonymize(patientId.ToString("D")), properties["patient_id"]);
        Assert.Equal("2026-03-01T08:30:15.2500000Z", properties["measured_at"]);
        Assert.Equal("1.5005", properties["duration_ms"]);
    }

    [Fact]
    public void OptionalValues_WithValues_AreSentLikeRequiredOnes()
    {
        var patientId = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        using var services = TelemetryServices.InMemory(build: static b => b.AddCatalogue<ValueTypeEvents>());

        services.GetRequiredService<ValueTypeEvents>().OptionalValuesMeasured(
            "kg", false, MeasureSource.Manual, Guid.Empty, patientId, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(-2));

        var properties = services.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties;
        Assert.Equal(
            ["kg", "false", "manual", "00000000-0000-0000-0000-000000000000", services.GetRequiredService<Pseudonymizer>().Pseudonymize(patientId), "1970-01-01T00:00:00.0000000Z", "-2000"],
            DeclaredValues(properties));
    }

    [Fact]
    public void OptionalValues_Null_AreNotSent()
    {
        var properties = Track(static e => e.OptionalValuesMeasured(null, null, null, null, null, null, null));

        Assert.Equal(s_sdkProperties, properties.Keys);
    }

    private static IReadOnlyDictionary<string, string> Track(Action<ValueTypeEvents> track, bool strict = true)
    {
        using var services = TelemetryServices.InMemory(
            strict ? null : static o => o.StrictMode = false,
            static b => b.AddCatalogue<ValueTypeEvents>());
        track(services.GetRequiredService<ValueTypeEvents>());
        return services.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties;
    }

    // In declaration order: the sinks receive the properties in the order of the event's parameters.
    private static IEnumerable<string> DeclaredValues(IReadOnlyDictionary<string, string> properties)
        => properties.Where(static p => !s_sdkProperties.Contains(p.Key)).Select(static p => p.Value);
}
