using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry;

/// <summary>Stands for a sink that could not start and has no fallback: every event is counted as dropped.</summary>
internal sealed class UnavailableEventSink(string name, TelemetryHealth health) : IEventSink
{
    public string Name => name;

    public void Emit(EventRecord record) => health.ReportDropped(name, "the sink could not start");

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
