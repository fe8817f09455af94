using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// A sink that takes every event and does nothing with it, so that a benchmark measures the SDK's own work: the
/// stamping, the privacy policy and the value checks, up to the hand-over to the sinks.
/// </summary>
public sealed class NoOpEventSink : IEventSink
{
    /// <inheritdoc/>
    public string Name => "no_op";

    /// <inheritdoc/>
    public void Emit(EventRecord record)
    {
    }

    /// <inheritdoc/>
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
