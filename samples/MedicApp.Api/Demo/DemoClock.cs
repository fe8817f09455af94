namespace MedicApp.Api.Demo;

/// <summary>The system clock, which the demo moves forward to end a reflection period and let a journey go idle.</summary>
internal sealed class DemoClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
