using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry;

/// <summary>
/// Where tracked events go. <see cref="Emit"/> runs on the caller's thread: it must not block (queue the work) and
/// must copy what it keeps, since the pipeline reuses the record. An exception it throws is caught, counted and
/// reported by the pipeline; a sink that drops an event under pressure reports it through <see cref="TelemetryHealth"/>.
/// </summary>
public interface IEventSink
{
    /// <summary>Gets a short name used in diagnostics, such as <c>local</c> or <c>application_insights</c>.</summary>
    string Name { get; }

    /// <summary>Takes one event.</summary>
    /// <param name="record">The event, valid only during the call.</param>
    void Emit(EventRecord record);

    /// <summary>Sends or writes everything taken so far.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the events are out.</returns>
    Task FlushAsync(CancellationToken cancellationToken);
}
