using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry;

/// <summary>
/// Sends outbox events to the sinks and settles their rows: deleted once every acknowledging sink has them (or
/// refused them for good, which is reported), released for a retry otherwise. An <see cref="EventCapture"/> hands it
/// the events its unit of work committed; the outbox dispatcher hands it those it claims.
/// </summary>
/// <remarks>
/// Delivery is at least once: an event is deleted only after the ingestion endpoint accepted it, so a crash between
/// the answer and the delete, or a claim that expires during a slow delivery, sends it again with the same
/// <c>event_id</c>. It never throws into the application: failures are reported through <see cref="TelemetryHealth"/>.
/// </remarks>
public sealed class OutboxDelivery : IAsyncDisposable, IDisposable
{
    internal const string SinkName = "outbox";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly EventPipeline _pipeline;
    private readonly IEventOutboxStore _store;
    private readonly TelemetryHealth _health;
    private readonly TimeProvider _time;
    private readonly OutboxOptions _options;
    private readonly OutboxRowDeleter _deleter;
    private readonly Dictionary<string, EventDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly HashSet<Task> _settling = [];
    private int _consecutiveFailures;
    private long _retryNotBefore;

    internal OutboxDelivery(
        EventPipeline pipeline,
        IEventOutboxStore store,
        TelemetryHealth health,
        IOptions<MedicAppTelemetryOptions> options,
        IEnumerable<EventCatalogue> catalogues,
        TimeProvider? timeProvider = null)
    {
        _pipeline = pipeline;
        _store = store;
        _health = health;
        _options = options.Value.Outbox;
        _time = timeProvider ?? TimeProvider.System;
        _deleter = new OutboxRowDeleter(store, health, _options.BatchSize);
        foreach (var catalogue in catalogues)
        {
            foreach (var definition in catalogue.Events)
            {
                _definitions.TryAdd(definition.Name, definition);
            }
        }
    }

    /// <summary>Gets the claim this process puts on the events it tracks or takes, until it has delivered them.</summary>
    internal Guid ClaimToken { get; } = Guid.NewGuid();

    internal long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // When the dispatcher may try again after failures; meanwhile acknowledging sinks are not asked.
    internal long RetryNotBefore => Volatile.Read(ref _retryNotBefore);

    /// <summary>
    /// Sends events whose unit of work has committed, now, and settles their rows in the background. Sinks that do not
    /// acknowledge have them when this returns.
    /// </summary>
    /// <param name="events">The committed events, as the capture wrote them.</param>
    public void SendCommitted(IReadOnlyList<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > 0)
        {
            Start(events, deleteAtOnce: false);
        }
    }

    /// <summary>
    /// Reports events that were tracked in a unit of work whose changes were never saved, and so will never be sent.
    /// A unit of work the application abandoned on purpose (its change tracker cleared) is not reported.
    /// </summary>
    /// <param name="count">How many events.</param>
    public void ReportUnsaved(int count)
    {
        if (count > 0)
        {
            _health.ReportDropped(SinkName, "they were tracked in a unit of work whose changes were not saved", count);
        }
    }

    /// <summary>How long stopping the host waits for the deliveries under way to settle their rows.</summary>
    internal static TimeSpan ShutdownWait { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Waits, at most 10 seconds, for the deliveries under way to settle their rows.</summary>
    /// <returns>A task that completes when they have settled or the wait ended.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await WhenSettledAsync().WaitAsync(ShutdownWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Rows still claimed are sent again by the next dispatcher once the claim expires.
        }
    }

    /// <summary>Waits, at most 10 seconds, for the deliveries under way to settle their rows.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal OutboxEvent CreateClaimed(EventRecord record, ActivityContext trace)
    {
        var claimedUntil = Math.Max(Now + (long)_options.ClaimDuration.TotalMilliseconds, RetryNotBefore);
        return StoredEventFormat.Write(record, trace, claimedUntil, ClaimToken);
    }

    // The dispatcher's batches are large already: their rows are deleted at once, with those waiting.
    internal Task DeliverAsync(IReadOnlyList<OutboxEvent> events) => Start(events, deleteAtOnce: true);

    // Rows delivered one unit of work at a time wait for a full batch, at most until the dispatcher's next poll.
    internal Task DeleteDeliveredAsync() => _deleter.FlushAsync();

    // A capture could not tell what its unit of work committed: committed events stay claimed, and the dispatcher sends
    // them once the claim expires.
    internal void CompletionFailed(Exception exception) => _health.SinkFailed(SinkName, "capture", exception);

    // Rows waiting for a full batch are deleted at once meanwhile, so that this does not wait for the next poll.
    internal async Task WhenSettledAsync()
    {
        _deleter.BeginEager();
        try
        {
            Task[] settling;
            lock (_gate)
            {
                settling = [.. _settling];
            }

            await Task.WhenAll(settling).ConfigureAwait(false);
        }
        finally
        {
            _deleter.EndEager();
        }
    }

    private Task Start(IReadOnlyList<OutboxEvent> events, bool deleteAtOnce)
    {
        Task settling;
        try
        {
            var results = Send(events, out var acknowledgements, out var waiting);
            settling = SettleAsync(events, results, acknowledgements, waiting, deleteAtOnce);
        }
        catch (Exception exception)
        {
            // The rows stay claimed: the dispatcher sends them once the claim expires.
            _health.SinkFailed(SinkName, "send", exception);
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            _settling.Add(settling);
        }

        _ = settling.ContinueWith(
            static (task, state) =>
            {
                var delivery = (OutboxDelivery)state!;
                lock (delivery._gate)
                {
                    delivery._settling.Remove(task);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return settling;
    }

    // Hands every event to every sink on the caller's thread; acknowledging sinks answer later.
    private DeliveryResult[] Send(IReadOnlyList<OutboxEvent> events, out List<(int Index, Task<DeliveryResult> Result)> acknowledgements, out bool waiting)
    {
        var results = new DeliveryResult[events.Count];
        acknowledgements = [];
        waiting = Now < RetryNotBefore;
        for (var i = 0; i < events.Count; i++)
        {
            var stored = events[i];
            var record = new EventRecord();
            if (!StoredEventFormat.TryRead(stored, DefinitionOf(stored), record))
            {
                results[i] = DeliveryResult.Rejected("the stored event could not be read");
                continue;
            }

            var trace = StoredEventFormat.ReadTrace(stored);
            foreach (var sink in _pipeline.Sinks)
            {
                try
                {
                    if (sink is not IAcknowledgingEventSink acknowledging)
                    {
                        sink.Emit(record);
                    }
                    else if (waiting)
                    {
                        results[i] = Worst(results[i], DeliveryResult.Retry("waiting to retry after failed deliveries"));
                    }
                    else
                    {
                        acknowledgements.Add((i, acknowledging.EmitAcknowledged(record, trace)));
                    }
                }
                catch (Exception exception)
                {
                    _health.SinkFailed(sink.Name, stored.Name, exception);
                    if (sink is IAcknowledgingEventSink)
                    {
                        results[i] = Worst(results[i], DeliveryResult.Retry("the sink failed"));
                    }
                }
            }
        }

        return results;
    }

    // Waiting: acknowledging sinks were not asked (a retry is not due yet), so the events keep their attempts and wait
    // for the retry already planned.
    private async Task SettleAsync(IReadOnlyList<OutboxEvent> events, DeliveryResult[] results, List<(int Index, Task<DeliveryResult> Result)> acknowledgements, bool waiting, bool deleteAtOnce)
    {
        foreach (var (index, result) in acknowledgements)
        {
            DeliveryResult outcome;
            try
            {
                outcome = await result.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                _health.SinkFailed(SinkName, events[index].Name, exception);
                outcome = DeliveryResult.Retry("the sink failed");
            }

            results[index] = Worst(results[index], outcome);
        }

        var done = new List<Guid>(events.Count);
        var retried = new List<OutboxEvent>();
        TimeSpan? retryAfter = null;
        for (var i = 0; i < events.Count; i++)
        {
            var result = results[i];
            if (result.Status == DeliveryStatus.Retry)
            {
                events[i].LastError = Shorten(result.Reason);
                retried.Add(events[i]);
                retryAfter = Longest(retryAfter, result.RetryAfter);
                continue;
            }

            done.Add(events[i].Id);
            if (result.Status == DeliveryStatus.Rejected)
            {
                _health.ReportDropped(SinkName, result.Reason ?? "refused", 1);
            }
        }

        var notBefore = waiting ? RetryNotBefore : UpdateBackoff(retried.Count == 0, done.Count > 0, retryAfter);

        // Delivered rows a failed delete leaves are sent again once their claim expires.
        var deleted = done.Count > 0 ? _deleter.Enqueue(done) : Task.CompletedTask;
        if (deleteAtOnce)
        {
            _ = _deleter.FlushAsync();
        }

        if (retried.Count > 0)
        {
            await ReleaseAsync(retried, waiting, notBefore).ConfigureAwait(false);
        }

        await deleted.ConfigureAwait(false);
    }

    private async Task ReleaseAsync(List<OutboxEvent> retried, bool waiting, long notBefore)
    {
        foreach (var stored in retried)
        {
            stored.Attempts += waiting ? 0 : 1;
            stored.AvailableAt = notBefore;
            stored.ClaimToken = null;
        }

        try
        {
            await _store.ReleaseAsync(retried, CancellationToken.None).ConfigureAwait(false);
            foreach (var group in retried.GroupBy(stored => stored.LastError))
            {
                _health.ReportDeferred(SinkName, group.Key ?? "not delivered", group.Count());
            }
        }
        catch (Exception exception)
        {
            // Rows not released are retried once their claim expires.
            _health.SinkFailed(SinkName, "settle", exception);
        }
    }

    // Waits double after each failed delivery, from one second to MaxRetryDelay, or follow Retry-After when longer.
    private long UpdateBackoff(bool allSettled, bool anyDelivered, TimeSpan? retryAfter)
    {
        var now = Now;
        if (allSettled)
        {
            if (anyDelivered)
            {
                Interlocked.Exchange(ref _consecutiveFailures, 0);
                Interlocked.Exchange(ref _retryNotBefore, 0);
            }

            return now;
        }

        var failures = Math.Min(Interlocked.Increment(ref _consecutiveFailures), 20);
        var delay = TimeSpan.FromTicks(Math.Min(FirstRetryDelay.Ticks << (failures - 1), _options.MaxRetryDelay.Ticks));
        if (retryAfter > delay)
        {
            delay = retryAfter.Value;
        }

        var notBefore = now + (long)delay.TotalMilliseconds;
        Interlocked.Exchange(ref _retryNotBefore, notBefore);
        return notBefore;
    }

    private EventDefinition DefinitionOf(OutboxEvent stored)
    {
        if (stored.Definition is { } definition)
        {
            return definition;
        }

        // An event no longer in the catalogue (a later version removed it) is still sent as it was tracked.
        lock (_definitions)
        {
            if (!_definitions.TryGetValue(stored.Name, out definition))
            {
                definition = new EventDefinition(stored.Name, string.Empty, string.Empty, 1, string.Empty, []);
                _definitions.Add(stored.Name, definition);
            }

            return definition;
        }
    }

    private static DeliveryResult Worst(DeliveryResult current, DeliveryResult next) => next.Status > current.Status ? next : current;

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string? Shorten(string? reason) => reason is { Length: > 200 } ? reason[..200] : reason;
}
