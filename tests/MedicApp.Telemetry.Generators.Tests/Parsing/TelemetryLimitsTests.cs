using Xunit;
using GeneratorLimits = MedicApp.Telemetry.Generators.Parsing.TelemetryLimits;
using RuntimeLimits = MedicApp.Telemetry.TelemetryLimits;

namespace MedicApp.Telemetry.Generators.Tests.Parsing;

/// <summary>
/// The generator cannot reference the runtime it generates for, so it keeps its own copy of the limits: the compile-time
/// checks and the run-time checks must agree.
/// </summary>
public sealed class TelemetryLimitsTests
{
    [Fact]
    public void MaxEventNameLength_GeneratorAndRuntime_Agree()
    {
        Assert.Equal(RuntimeLimits.MaxEventNameLength, GeneratorLimits.MaxEventNameLength);
    }

    [Fact]
    public void MaxPropertyNameLength_GeneratorAndRuntime_Agree()
    {
        Assert.Equal(RuntimeLimits.MaxPropertyNameLength, GeneratorLimits.MaxPropertyNameLength);
    }

    [Fact]
    public void MaxPropertiesPerEvent_GeneratorAndRuntime_Agree()
    {
        Assert.Equal(RuntimeLimits.MaxPropertiesPerEvent, GeneratorLimits.MaxPropertiesPerEvent);
    }

    [Fact]
    public void MaxAreaLength_GeneratorAndRuntime_Agree()
    {
        Assert.Equal(RuntimeLimits.MaxAreaLength, GeneratorLimits.MaxAreaLength);
    }

    [Fact]
    public void MaxPropertyValueLength_GeneratorAndRuntime_Agree()
    {
        Assert.Equal(RuntimeLimits.MaxPropertyValueLength, GeneratorLimits.MaxPropertyValueLength);
    }

    [Fact]
    public void ReservedPropertyNames_GeneratorAndRuntime_AgreeInOrder()
    {
        Assert.Equal(RuntimeLimits.ReservedPropertyNames, GeneratorLimits.ReservedPropertyNames);
    }

    [Fact]
    public void MaxDeclaredProperties_LeavesRoomForTheReservedProperties()
    {
        Assert.Equal(RuntimeLimits.MaxPropertiesPerEvent - RuntimeLimits.ReservedPropertyNames.Count, GeneratorLimits.MaxDeclaredProperties);
    }
}
