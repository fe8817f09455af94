using System;
using System.Threading;
using System.Threading.Tasks;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.Pipeline;

public sealed class SinkFailureTests
{
    [Fact]
    public void ThrowingSink_IsCaughtCountedAndOtherSinksStillReceive()
    {
        using var services = TelemetryServices.InMemory(build: static b => b.AddSink<ThrowingSink>());
        var tracker = services.GetRequiredService<EventTracker>();

        tracker.AuthMfaSent("a", MfaMethod.Sms);
        tracker.AuthMfaSent("b", MfaMethod.Email);

        Assert.Equal(2, services.GetRequiredService<InMemoryEventSink>().Events.Count);
        var statistics = services.GetRequiredService<TelemetryHealth>().GetStatistics();
        Assert.Equal(2, statistics.SinkFailures);
        Assert.Equal(2, statistics.EventsTracked);
    }

    [Fact]
    public async Task ThrowingSink_Flush_IsCaught()
    {
        using var services = TelemetryServices.InMemory(build: static b => b.AddSink<ThrowingSink>());

        await services.GetRequiredService<EventPipeline>().FlushAsync();

        Assert.Equal(1, services.GetRequiredService<TelemetryHealth>().GetStatistics().SinkFailures);
    }

    private sealed class ThrowingSink : IEventSink
    {
        public string Name => "throwing";

        public void Emit(EventRecord record) => throw new InvalidOperationException("sink down");

        public Task FlushAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("sink down");
    }
}
