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
/// </remarks>
public sealed class ApplicationInsightsEventSink : IEventSink, IAsyncDisposable, IDisposable
{
    /// <summary>How many events the pump hands to the exporter between two flushes: one exporter batch.</summary>
    public const int ExporterBatchSize = 512;

    internal const string SinkName = "application_insights";

    private const string CustomEventNameAttribute = "microsoft.custom_event.name";

    // The exporter shares one transmitter per connection string in the process; this key gives the sink one of its
    // own, so that its offline storage and delivery tracking apply and its shutdown leaves the application's alone.
    private const string DedicatedTransmitterKey = ConnectionStringCheck.DedicatedTransmitterKeyword + "=events";

    private readonly Channel<PendingEvent> _queue;
    private readonly TelemetryConfiguration _configuration;
    // Holds the SDK that the configuration built; the sink talks to its logger and logger provider directly.
    private readonly TelemetryClient _client;
    private readonly LoggerProvider _loggerProvider;
    private readonly ILogger _logger;
    private readonly TelemetryHealth _health;
    private readonly DeliveryTracker _delivery;
    private readonly OfflineStorageBacklog? _storage;
    private readonly IDisposable _backlog;
    private readonly TimeSpan _flushTimeout;
    private readonly TimeSpan _shutdownTimeout;
    private readonly Task _pump;
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
        _delivery = new DeliveryTracker(OnTransmissionFailure, _storage is null ? static _ => false : _storage.IsBeingResent);
        _configuration = new TelemetryConfiguration
        {
            ConnectionString = connectionString.TrimEnd(';', ' ') + ";" + DedicatedTransmitterKey,
            EnableLiveMetrics = settings.EnableLiveMetrics,
            DisableOfflineStorage = !settings.EnableOfflineStorage,

            // This pipeline carries business events only: no record of it may be sampled away.
            EnableTraceBasedLogsSampler = !defences.HasFlag(SamplingDefences.NoTraceBasedLogsSampler),
        };
        if (!string.IsNullOrWhiteSpace(settings.StorageDirectory))
        {
            _configuration.StorageDirectory = settings.StorageDirectory;
        }

        var roleName = string.IsNullOrWhiteSpace(settings.CloudRoleName) ? environment?.ApplicationName : settings.CloudRoleName;
        IServiceProvider? sdkServices = null;
        _configuration.ConfigureOpenTelemetryBuilder(builder =>
        {
            if (!string.IsNullOrWhiteSpace(roleName))
            {
                builder.ConfigureResource(resource => resource.AddService(roleName));
            }

            builder.WithLogging(logging => logging.AddProcessor(services =>
            {
                sdkServices = services;
                return new PendingEventProcessor(defences.HasFlag(SamplingDefences.RecordedTraceFlags));
            }));
            builder.Services.Configure<AzureMonitorExporterOptions>(exporter =>
            {
                exporter.EnableStandardMetrics = false;
                exporter.EnablePerformanceCounters = false;
                exporter.AddPolicy(_delivery, HttpPipelinePosition.PerCall);
            });
        });

        try
        {
            // Building the client builds and starts the OpenTelemetry SDK behind the configuration.
            _client = new TelemetryClient(_configuration);
            _loggerProvider = sdkServices!.GetRequiredService<LoggerProvider>();

            // No category: the exporter (1.10) adds a non-empty logger category to customDimensions as CategoryName,
            // which would make the sent properties differ from the declared ones that the local and in-memory sinks show.
            _logger = sdkServices!.GetServices<ILoggerProvider>().OfType<OpenTelemetryLoggerProvider>().Single().CreateLogger(string.Empty);
        }
        catch
        {
            // Whoever built the sink reports the failure; what was started for it stops here.
            _configuration.Dispose();
            _delivery.Dispose();
            throw;
        }

        _pump = Task.Run(PumpAsync);
        _backlog = health.AddBacklog(SinkName, () => ReadBacklog(_queue.Reader.Count + _delivery.Unanswered));
    }

    /// <inheritdoc/>
    public string Name => SinkName;

    /// <inheritdoc/>
    public void Emit(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var properties = record.Properties;
        var attributes = new KeyValuePair<string, object?>[properties.Length + 1];
        attributes[0] = new(CustomEventNameAttribute, record.Name);
        for (var i = 0; i < properties.Length; i++)
        {
            attributes[i + 1] = new(properties[i].Name, properties[i].FormatValue());
        }

        var context = Activity.Current?.Context ?? default;
        if (!_queue.Writer.TryWrite(new PendingEvent(attributes, record.EventId, record.Timestamp, context, null)))
        {
            _health.ReportDropped(Name, _disposed ? "the sink is disposed" : "the send queue is full");
        }
    }

    /// <inheritdoc/>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new PendingEvent(null, default, default, default, flushed), cancellationToken).ConfigureAwait(false);
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
                await _delivery.WhenEnded(_lastSent).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The pump reports what it still holds; the requests on the wire are counted below.
            _abandoned = true;
        }

        // The exporter keeps no copy of a request on the wire (offline storage takes a batch only once its request has
        // failed), so events still unanswered now are lost with the process, but for a re-send from offline storage.
        var unanswered = _delivery.Close();
        _backlog.Dispose();
        if (unanswered > 0)
        {
            _health.ReportDropped(Name, "the ingestion endpoint had not answered when the sink shut down", unanswered);
        }

        try
        {
            await Task.Run(_configuration.Dispose).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Past the deadline the exporter stops in the background: what it still held was reported above.
        }
    }

    /// <summary>Sends what is queued, then shuts the Application Insights pipeline down.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        var sinceFlush = 0;
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
                    FlushExporter();
                    sinceFlush = 0;
                    _ = CompleteFlushAsync(_lastSent, flushed);
                    continue;
                }

                Send(pending);
                if (++sinceFlush >= ExporterBatchSize)
                {
                    FlushExporter();
                    sinceFlush = 0;
                }
            }
        }

        if (!_abandoned)
        {
            FlushExporter();
        }
    }

    private void Abandon(PendingEvent pending)
    {
        if (pending.Flushed is { } flushed)
        {
            flushed.TrySetResult();
        }
        else
        {
            _health.ReportDropped(Name, "the sink shut down before the event could be sent");
        }
    }

    private void Send(PendingEvent pending)
    {
        PendingEventProcessor.Current = pending;
        try
        {
            _logger.Log(LogLevel.Information, default, pending.Attributes!, null, static (_, _) => string.Empty);
            _lastSent = pending.EventId;
        }
        catch (Exception exception)
        {
            _health.ReportDropped(Name, "the exporter refused the event", 1, exception);
        }
        finally
        {
            PendingEventProcessor.Current = null;
        }
    }

    private void FlushExporter()
    {
        // Waits until the exporter has sent (or stored for retry) every record handed to it; TelemetryClient.Flush
        // gives up after a timeout when an export is already under way, which would let the next batch overflow.
        try
        {
            if (!_loggerProvider.ForceFlush(Timeout.Infinite))
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
                await _delivery.WhenEnded(lastSent).WaitAsync(_flushTimeout).ConfigureAwait(false);
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
        TaskCompletionSource? Flushed);

    // Runs inside the pump's Log call, before the exporter: gives the record the time the event was tracked and the
    // trace context of the caller, marked recorded so that no sampler downstream drops it. The provider is the sink's
    // own and the pump logs on this thread only, so a record seen while an event is current is that event's.
    private sealed class PendingEventProcessor(bool markRecorded) : BaseProcessor<LogRecord>
    {
        [ThreadStatic]
        private static PendingEvent? t_current;

        public static PendingEvent? Current
        {
            get => t_current;
            set => t_current = value;
        }

        public override void OnEnd(LogRecord data)
        {
            if (t_current is not { } pending)
            {
                return;
            }

            data.Timestamp = pending.Timestamp.UtcDateTime;
            if (pending.TraceContext.TraceId != default)
            {
                data.TraceId = pending.TraceContext.TraceId;
                data.SpanId = pending.TraceContext.SpanId;
                data.TraceFlags = markRecorded ? ActivityTraceFlags.Recorded : pending.TraceContext.TraceFlags;
            }
        }
    }
}
