using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace MedicApp.Telemetry;

/// <summary>
/// One Application Insights pipeline of the sink: a <see cref="TelemetryConfiguration"/> with a transmitter of its
/// own, whose logger writes each event as a log record carrying <c>microsoft.custom_event.name</c>, which the Azure
/// Monitor exporter turns into an <c>EventData</c> envelope, and whose requests a <see cref="DeliveryTracker"/> watches.
/// </summary>
internal sealed class ExporterPipeline : IDisposable
{
    private readonly TelemetryConfiguration _configuration;

    // Holds the SDK that the configuration built; the sink talks to its logger and logger provider directly.
    private readonly TelemetryClient _client;

    // The transmitter name: the exporter shares one transmitter per connection string in the process, and a keyword of
    // the sink's own gives each pipeline one, so that its offline storage and delivery tracking apply and its shutdown
    // leaves the application's alone.
    public ExporterPipeline(
        string connectionString,
        string transmitter,
        ApplicationInsightsSinkOptions settings,
        bool offlineStorage,
        string? roleName,
        SamplingDefences defences,
        DeliveryTracker delivery)
    {
        Delivery = delivery;
        _configuration = new TelemetryConfiguration
        {
            ConnectionString = connectionString.TrimEnd(';', ' ') + ";" + ConnectionStringCheck.DedicatedTransmitterKeyword + "=" + transmitter,
            EnableLiveMetrics = settings.EnableLiveMetrics,
            DisableOfflineStorage = !offlineStorage,

            // This pipeline carries business events only: no record of it may be sampled away.
            EnableTraceBasedLogsSampler = !defences.HasFlag(SamplingDefences.NoTraceBasedLogsSampler),
        };
        if (!string.IsNullOrWhiteSpace(settings.StorageDirectory))
        {
            _configuration.StorageDirectory = settings.StorageDirectory;
        }

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
                exporter.AddPolicy(delivery, HttpPipelinePosition.PerCall);
            });
        });

        try
        {
            // Building the client builds and starts the OpenTelemetry SDK behind the configuration.
            _client = new TelemetryClient(_configuration);
            LoggerProvider = sdkServices!.GetRequiredService<LoggerProvider>();

            // No category: the exporter (1.10) adds a non-empty logger category to customDimensions as CategoryName,
            // which would make the sent properties differ from the declared ones that the local and in-memory sinks show.
            Logger = sdkServices!.GetServices<ILoggerProvider>().OfType<OpenTelemetryLoggerProvider>().Single().CreateLogger(string.Empty);
        }
        catch
        {
            // Whoever built the pipeline reports the failure; what was started for it stops here.
            _configuration.Dispose();
            throw;
        }
    }

    public DeliveryTracker Delivery { get; }

    public LoggerProvider LoggerProvider { get; }

    public ILogger Logger { get; }

    /// <summary>Hands one event to the exporter, stamped with the time and trace context it was tracked with.</summary>
    public void Log(ApplicationInsightsEventSink.PendingEvent pending)
    {
        PendingEventProcessor.Current = pending;
        try
        {
            Logger.Log(LogLevel.Information, default, pending.Attributes!, null, static (_, _) => string.Empty);
        }
        finally
        {
            PendingEventProcessor.Current = null;
        }
    }

    /// <summary>Shuts the OpenTelemetry SDK and its exporter down.</summary>
    public void Dispose()
    {
        _configuration.Dispose();
        Delivery.Dispose();
    }

    // Runs inside the pump's Log call, before the exporter: gives the record the time the event was tracked and the
    // trace context of the caller, marked recorded so that no sampler downstream drops it. The provider is the
    // pipeline's own and the pump logs on this thread only, so a record seen while an event is current is that event's.
    private sealed class PendingEventProcessor(bool markRecorded) : BaseProcessor<LogRecord>
    {
        [ThreadStatic]
        private static ApplicationInsightsEventSink.PendingEvent? t_current;

        public static ApplicationInsightsEventSink.PendingEvent? Current
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
