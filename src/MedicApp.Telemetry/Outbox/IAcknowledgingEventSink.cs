using System.Diagnostics;
using System.Threading.Tasks;

namespace MedicApp.Telemetry;

/// <summary>
/// A sink that can tell, event by event, whether its destination kept an event: what the outbox needs before it
/// deletes one. Other sinks have an event once <see cref="IEventSink.Emit"/> returns.
/// </summary>
internal interface IAcknowledgingEventSink : IEventSink
{
    /// <summary>Takes one event read back from an outbox, and tells what became of it.</summary>
    /// <param name="record">The event, valid only during the call.</param>
    /// <param name="trace">The trace context it was tracked in.</param>
    /// <returns>The outcome, once the destination answered or the sink gave up waiting.</returns>
    Task<DeliveryResult> EmitAcknowledged(EventRecord record, ActivityContext trace);
}
