using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry;

/// <summary>
/// Keeps every event in memory, for tests: the typed calls and the exact properties that would be sent.
/// Register it with <c>AddMedicAppTelemetry().UseInMemorySink()</c> and resolve it from the service provider.
/// </summary>
public sealed class InMemoryEventSink : IEventSink
{
    private readonly List<RecordedEvent> _events = [];
    private readonly Lock _lock = new();

    /// <inheritdoc/>
    public string Name => "in_memory";

    /// <inheritdoc/>
    public bool RequiresTypedEvent => true;

    /// <summary>Gets a snapshot of the events kept so far, oldest first.</summary>
    public IReadOnlyList<RecordedEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>Gets the most recent event.</summary>
    /// <exception cref="InvalidOperationException">No event was tracked.</exception>
    public RecordedEvent LatestEvent
    {
        get
        {
            lock (_lock)
            {
                return _events.Count > 0 ? _events[^1] : throw new InvalidOperationException("No event has been tracked.");
            }
        }
    }

    /// <summary>Returns the events of one name, oldest first.</summary>
    /// <param name="name">The snake_case event name.</param>
    /// <returns>The matching events.</returns>
    public IReadOnlyList<RecordedEvent> GetEvents(string name)
    {
        lock (_lock)
        {
            return _events.FindAll(e => string.Equals(e.Name, name, StringComparison.Ordinal));
        }
    }

    /// <summary>Returns the typed payloads of one event type, oldest first.</summary>
    /// <typeparam name="TEvent">The generated payload type.</typeparam>
    /// <returns>The payloads.</returns>
    public IReadOnlyList<TEvent> GetEvents<TEvent>()
        where TEvent : struct, ITelemetryEvent
    {
        lock (_lock)
        {
            var result = new List<TEvent>();
            foreach (var recorded in _events)
            {
                if (recorded.TypedEvent is TEvent typed)
                {
                    result.Add(typed);
                }
            }

            return result;
        }
    }

    /// <summary>Forgets every event.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _events.Clear();
        }
    }

    /// <inheritdoc/>
    public void Emit(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var recorded = new RecordedEvent(record);
        lock (_lock)
        {
            _events.Add(recorded);
        }
    }

    /// <inheritdoc/>
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
