using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedicApp.Telemetry;

/// <summary>
/// Builds the event pipeline, and so its sinks, when the host starts rather than when the first event is tracked. The
/// Azure Monitor exporter sends what it kept in offline storage when its transmitter is created, and every two minutes
/// after: created at start, a service that tracks nothing after a restart still delivers what an outage left on disk.
/// A sink that cannot start is also reported at start, not in the first request that tracks.
/// </summary>
internal sealed class TelemetryStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<EventPipeline>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
