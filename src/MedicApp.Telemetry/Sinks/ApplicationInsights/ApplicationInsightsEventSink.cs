using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace MedicApp.Telemetry;

/// <summary>
/// Sends events to Application Insights <c>customEvents</c> through Microsoft.ApplicationInsights 3.x, on a pipeline
/// of its own so that business events are never sampled and never compete with the application's logs.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Emit"/> only queues the event (with the caller's trace context, so the event keeps the request's
/// <c>operation_Id</c>). A background pump writes it as an OpenTelemetry log record carrying
/// <c>microsoft.custom_event.name</c>, which the Azure Monitor exporter turns into an <c>EventData</c> envelope.
/// </para>
/// <para>
/// The exporter keeps at most 2048 records and silently drops the rest; the pump therefore flushes the exporter
/// every <see cref="ExporterBatchSize"/> events, so a burst waits in this sink's queue (bounded by
/// <see cref="ApplicationInsightsSinkOptions.QueueCapacity"/>, past which drops are reported) instead of vanishing.
/// </para>
/// <para>
/// <see cref="FlushAsync"/> completes once the request carrying every event queued before it has ended, or after
/// <see cref="ApplicationInsightsSinkOptions.FlushTimeout"/>; disposal waits the same way, at most
/// <see cref="ApplicationInsightsSinkOptions.ShutdownTimeout"/>. Events the ingestion endpoint does not accept are
/// reported to <see cref="TelemetryHealth"/>: as deferred when the exporter keeps them in offline storage for a retry,
/// as dropped otherwise; so are events it has not answered when the sink shuts down, as dropped.
/// </para>
/// <para>
/// Events read back from an outbox go through a second pipeline without offline storage, since the outbox keeps them:
/// each is acknowledged once the ingestion endpoint has accepted it, and retried by the outbox otherwise, so an outage
/// never leaves two stored copies of one event. That pipeline starts with the first such event.
/// </para>
/// </remarks>
public sealed class ApplicationInsightsEventSink : IEventSink, IAcknowledgingEventSink, IAsyncDisposable, IDisposable
{
    /// <summary>How many events the pump hands to the exporter between two flushes: one exporter batch.</summary>
    public const int ExporterBatchSize = 512;

    internal const string SinkName = "application_insights";

    private const string CustomEventNameAttribute = "microsoft.custom_event.name";

    // Far beyond any ingestion request's own timeout: an answer that has not come by then will not come.
    private static readonly TimeSpan MaxAcknowledgementWait = TimeSpan.FromMinutes(10);

    private readonly Channel<PendingEvent> _queue;
    private readonly ExporterPipeline _exporter;
    private readonly DeliveryTracker _acknowledgements;
    private readonly Func<ExporterPipeline> _createAcknowledged;
    private readonly TelemetryHealth _health;
    private readonly OfflineStorageBacklog? _storage;
    private readonly IDisposable _backlog;
    private readonly TimeSpan _flushTimeout;
    private readonly TimeSpan _shutdownTimeout;
    private readonly TimeSpan _acknowledgementTimeout;
    private readonly Task _pump;
    private ExporterPipeline? _acknowledged;
    private Guid _lastSent;

    // Set when disposal gave up waiting for the pump: what it still holds is reported instead of sent.
    private volatile bool _abandoned;
    private volatile bool _disposed;

    /// <summary>Creates the sink and its Application Insights pipeline from the options.</summary>
    /// <param name="options">The telemetry options; a connection string is required.</param>
    /// <param name="health">Where dropped events and failures are reported.</param>
    /// <param name="environment">The host environment, whose application name is the default cloud role name.</param>
    public ApplicationInsightsEventSink(IOptions<MedicAppTelemetryOptions> options, TelemetryHealth health, IHostEnvironment? environment = null)
        : this(options, health, environment, SamplingDefences.All)
    {
    }

    // Tests turn one defence off to prove that the other alone keeps events from being sampled away.
    internal ApplicationInsightsEventSink(IOptions<MedicAppTelemetryOptions> options, TelemetryHealth health, IHostEnvironment? environment, SamplingDefences defences)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(health);
        var settings = options.Value.ApplicationInsights;
        var connectionString = settings.ResolveConnectionString()
            ?? throw new InvalidOperationException("The Application Insights sink needs MedicAppTelemetry:ApplicationInsights:ConnectionString or APPLICATIONINSIGHTS_CONNECTION_STRING.");
        _health = health;
        _queue = Channel.CreateBounded<PendingEvent>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        _storage = OfflineStorageBacklog.Open(settings, connectionString, health, SinkName);
        _flushTimeout = settings.FlushTimeout;
        _shutdownTimeout = settings.ShutdownTimeout;

        // An outbox claims an event for ClaimDuration: its answer must come well within it, or another claim sends it too.
        // A claim of days is allowed; a wait that long is not (a timer holds at most 49.7 days) and would mean nothing.
        _acknowledgementTimeout = TimeSpan.FromTicks(Math.Min(options.Value.Outbox.ClaimDuration.Ticks / 2, MaxAcknowledgementWait.Ticks));
        var roleName = string.IsNullOrWhiteSpace(settings.CloudRoleName) ? environment?.ApplicationName : settings.CloudRoleName;
        _exporter = new ExporterPipeline(connectionString, "events", settings, settings.EnableOfflineStorage, roleName, defences, new DeliveryTracker(OnTransmissionFailure, _storage is null ? static _ => false : _storage.IsBeingResent));

        // The outbox reports what it retries or drops: this tracker only answers it.
        _acknowledgements = new DeliveryTracker(static _ => { }, static _ => false);
        _createAcknowledged = () => new ExporterPipeline(connectionString, "outbox", settings, offlineStorage: false, roleName, defences, _acknowledgements);
        _pump = Task.Run(PumpAsync);
        _backlog = health.AddBacklog(SinkName, () => ReadBacklog(_queue.Reader.Count + _exporter.Delivery.Unanswered));
    }

    /// <inheritdoc/>
    public string Name => SinkName;

    /// <inheritdoc/>
    public void Emit(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var context = Activity.Current?.Context ?? default;
        if (!_queue.Writer.TryWrite(new PendingEvent(Attributes(record), record.EventId, record.Timestamp, context, null, false)))
        {
            _health.ReportDropped(Name, _disposed ? "the sink is disposed" : "the send queue is full");
        }
    }

    Task<DeliveryResult> IAcknowledgingEventSink.EmitAcknowledged(EventRecord record, ActivityContext trace)
    {
        ArgumentNullException.ThrowIfNull(record);
        var outcome = _acknowledgements.Expect(record.EventId);
        if (!_queue.Writer.TryWrite(new PendingEvent(Attributes(record), record.EventId, record.Timestamp, trace, null, true)))
        {
            _acknowledgements.Forget(record.EventId);
            return Task.FromResult(DeliveryResult.Retry(_disposed ? "the sink is disposed" : "the send queue is full"));
        }

        return WithDeadline(record.EventId, outcome);
    }

    /// <inheritdoc/>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new PendingEvent(null, default, default, default, flushed, false), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return;
        }

        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends what is queued and waits for the ingestion endpoint to answer, then shuts the Application Insights pipeline
    /// down, in at most <see cref="ApplicationInsightsSinkOptions.ShutdownTimeout"/>. Events not answered by then are
    /// reported as dropped.
    /// </summary>
    /// <returns>A task that completes when the events were delivered or reported.</returns>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (!_queue.Writer.TryComplete())
        {
            return;
        }

        using var deadline = new CancellationTokenSource(_shutdownTimeout);
        try
        {
            await _pump.WaitAsync(deadline.Token).ConfigureAwait(false);
            if (_lastSent != Guid.Empty)
            {
                await _exporter.Delivery.WhenEnded(_lastSent).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The pump reports what it still holds; the requests on the wire are counted below.
            _abandoned = true;
        }

        // The exporter keeps no copy of a request on the wire (offline storage takes a batch only once its request has
        // failed), so events still unanswered now are lost with the process, but for a re-send from offline storage.
        // Outbox events are not: they stay in the outbox.
        var unanswered = _exporter.Delivery.Close();
        _backlog.Dispose();
        if (unanswered > 0)
        {
            _health.ReportDropped(Name, "the ingestion endpoint had not answered when the sink shut down", unanswered);
        }

        _acknowledgements.Close();
        try
        {
            await Task.Run(() =>
            {
                _exporter.Dispose();
                _acknowledged?.Dispose();
            }).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Past the deadline the exporter stops in the background: what it still held was reported above.
        }
    }

    /// <summary>Sends what is queued, then shuts the Application Insights pipeline down.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static KeyValuePair<string, object?>[] Attributes(EventRecord record)
    {
        var properties = record.Properties;
        var attributes = new KeyValuePair<string, object?>[properties.Length + 1];
        attributes[0] = new(CustomEventNameAttribute, record.Name);
        for (var i = 0; i < properties.Length; i++)
        {
            attributes[i + 1] = new(properties[i].Name, properties[i].FormatValue());
        }

        return attributes;
    }

    private async Task<DeliveryResult> WithDeadline(Guid eventId, Task<DeliveryResult> outcome)
    {
        try
        {
            return await outcome.WaitAsync(_acknowledgementTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _acknowledgements.Forget(eventId);
            return DeliveryResult.Retry("the ingestion endpoint did not answer in time");
        }
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        var sinceFlush = 0;
        var acknowledgedSinceFlush = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var pending))
            {
                if (_abandoned)
                {
                    Abandon(pending);
                    continue;
                }

                if (pending.Flushed is { } flushed)
                {
                    Flush(_exporter);
                    sinceFlush = 0;
                    _ = CompleteFlushAsync(_lastSent, flushed);
                    continue;
                }

                if (pending.Acknowledged)
                {
                    if (SendAcknowledged(pending) && ++acknowledgedSinceFlush >= ExporterBatchSize)
                    {
                        Flush(_acknowledged!);
                        acknowledgedSinceFlush = 0;
                    }

                    continue;
                }

                Send(pending);
                if (++sinceFlush >= ExporterBatchSize)
                {
                    Flush(_exporter);
                    sinceFlush = 0;
                }
            }

            // An outbox waits for these: send them as soon as nothing else is queued, rather than on the exporter's timer.
            if (acknowledgedSinceFlush > 0)
            {
                Flush(_acknowledged!);
                acknowledgedSinceFlush = 0;
            }
        }

        if (!_abandoned)
        {
            Flush(_exporter);
        }
    }

    private void Abandon(PendingEvent pending)
    {
        if (pending.Flushed is { } flushed)
        {
            flushed.TrySetResult();
        }
        else if (!pending.Acknowledged)
        {
            _health.ReportDropped(Name, "the sink shut down before the event could be sent");
        }
    }

    private void Send(PendingEvent pending)
    {
        try
        {
            _exporter.Log(pending);
            _lastSent = pending.EventId;
        }
        catch (Exception exception)
        {
            _health.ReportDropped(Name, "the exporter refused the event", 1, exception);
        }
    }

    // Outbox events: a failure leaves them in the outbox, which the sink tells through the acknowledgement.
    private bool SendAcknowledged(PendingEvent pending)
    {
        try
        {
            _acknowledged ??= _createAcknowledged();
            _acknowledged.Log(pending);
            return true;
        }
        catch (Exception exception)
        {
            _health.SinkFailed(Name, "outbox", exception);
            _acknowledgements.Forget(pending.EventId);
            return false;
        }
    }

    private void Flush(ExporterPipeline exporter)
    {
        // Waits until the exporter has sent (or stored for retry) every record handed to it; TelemetryClient.Flush
        // gives up after a timeout when an export is already under way, which would let the next batch overflow.
        try
        {
            if (!exporter.LoggerProvider.ForceFlush(Timeout.Infinite))
            {
                _health.ReportDropped(Name, "the exporter could not be flushed", 0);
            }
        }
        catch (Exception exception)
        {
            _health.ReportDropped(Name, "the exporter could not be flushed", 0, exception);
        }
    }

    // The flush has emptied the exporter's queue; the last request may still be on the wire: wait for its end without
    // holding the pump, which goes on with the events queued after the flush.
    private async Task CompleteFlushAsync(Guid lastSent, TaskCompletionSource flushed)
    {
        if (lastSent != Guid.Empty)
        {
            try
            {
                await _exporter.Delivery.WhenEnded(lastSent).WaitAsync(_flushTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _health.ReportDropped(Name, "the end of the last request was not seen before the flush deadline", 0);
            }
        }

        flushed.TrySetResult();
    }

    private BacklogReading ReadBacklog(long pending)
    {
        var (stored, oldestAge) = _storage?.Read() ?? default;
        return new BacklogReading(pending, stored, oldestAge);
    }

    private void OnTransmissionFailure(TransmissionFailure failure)
    {
        if (_storage is null || !failure.IsRetried)
        {
            _health.ReportDropped(Name, failure.Outcome, failure.Events);
        }
        else if (_storage.IsFull())
        {
            _health.ReportDropped(Name, failure.Outcome + ", and offline storage is full", failure.Events);
        }
        else
        {
            _health.ReportDeferred(Name, failure.Outcome, failure.Events);
        }
    }

    internal sealed record PendingEvent(
        KeyValuePair<string, object?>[]? Attributes,
        Guid EventId,
        DateTimeOffset Timestamp,
        ActivityContext TraceContext,
        TaskCompletionSource? Flushed,
        bool Acknowledged);
}
