using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry.Testing;

/// <summary>
/// Keeps every event in memory with the exact properties that would have been sent, and asserts on them. Register it
/// with <c>AddMedicAppTelemetry().UseInMemorySink()</c> and resolve it from the service provider. Thread-safe.
/// </summary>
/// <remarks>
/// The assertions throw <see cref="TelemetryAssertException"/>, which every test framework reports as a failure. Each
/// event an assertion returns counts as expected, so <see cref="AssertNoOtherEvents"/> can name the ones nobody expected.
/// </remarks>
public sealed class InMemoryEventSink : IEventSink
{
    private readonly List<RecordedEvent> _events = [];
    private readonly Lock _lock = new();
    private readonly Pseudonymizer _pseudonymizer;

    /// <summary>Creates the sink; <c>UseInMemorySink()</c> registers it.</summary>
    /// <param name="pseudonymizer">The pseudonymizer of the pipeline, to tell the pseudonym sent for an identifier.</param>
    public InMemoryEventSink(Pseudonymizer pseudonymizer)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        _pseudonymizer = pseudonymizer;
    }

    /// <inheritdoc/>
    public string Name => "in_memory";

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
    /// <exception cref="TelemetryAssertException">No event was tracked.</exception>
    public RecordedEvent LatestEvent
    {
        get
        {
            lock (_lock)
            {
                return _events.Count > 0 ? _events[^1] : throw new TelemetryAssertException("No event has been tracked.");
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

    /// <summary>Returns the pseudonym that tracking sends for <paramref name="identifier"/>, to compare with a property.</summary>
    /// <param name="identifier">The identifier as the application passes it, such as a patient's id.</param>
    /// <returns>The pseudonym, as in <c>customDimensions</c>.</returns>
    public string Pseudonymize(string identifier) => _pseudonymizer.Pseudonymize(identifier);

    /// <summary>Asserts that exactly one event of <paramref name="name"/> was tracked, and returns it.</summary>
    /// <param name="name">The snake_case event name.</param>
    /// <returns>The event, to assert on its properties.</returns>
    /// <exception cref="TelemetryAssertException">None, or more than one, was tracked.</exception>
    public RecordedEvent AssertSingle(string name)
    {
        var events = GetEvents(name);
        if (events.Count != 1)
        {
            throw new TelemetryAssertException($"Expected one '{name}' event, but {events.Count} were tracked.{Describe(Events)}");
        }

        events[0].IsExpected = true;
        return events[0];
    }

    /// <summary>Asserts that <paramref name="count"/> events of <paramref name="name"/> were tracked, and returns them.</summary>
    /// <param name="name">The snake_case event name.</param>
    /// <param name="count">How many are expected.</param>
    /// <returns>The events, oldest first.</returns>
    /// <exception cref="TelemetryAssertException">Another number was tracked.</exception>
    public IReadOnlyList<RecordedEvent> AssertCount(string name, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var events = GetEvents(name);
        if (events.Count != count)
        {
            throw new TelemetryAssertException($"Expected {count} '{name}' events, but {events.Count} were tracked.{Describe(Events)}");
        }

        foreach (var recorded in events)
        {
            recorded.IsExpected = true;
        }

        return events;
    }

    /// <summary>Asserts that no event of <paramref name="name"/> was tracked.</summary>
    /// <param name="name">The snake_case event name.</param>
    /// <exception cref="TelemetryAssertException">One or more were tracked.</exception>
    public void AssertNone(string name) => AssertCount(name, 0);

    /// <summary>
    /// Asserts that every event tracked so far was returned by <see cref="AssertSingle"/> or <see cref="AssertCount"/>:
    /// nothing was tracked that the test did not expect.
    /// </summary>
    /// <exception cref="TelemetryAssertException">Some events were not expected; the message lists them.</exception>
    public void AssertNoOtherEvents()
    {
        var others = Events.Where(static e => !e.IsExpected).ToArray();
        if (others.Length > 0)
        {
            throw new TelemetryAssertException($"{others.Length} events were tracked that the test did not expect:{Describe(others)}");
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

    private static string Describe(IReadOnlyCollection<RecordedEvent> events)
        => events.Count == 0 ? " Nothing was tracked." : string.Concat(events.Select(static e => "\n  " + e));
}
