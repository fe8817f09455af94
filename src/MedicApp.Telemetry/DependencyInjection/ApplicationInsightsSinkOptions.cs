using System;

namespace MedicApp.Telemetry;

/// <summary>Options of the Application Insights sink (section <c>MedicAppTelemetry:ApplicationInsights</c>).</summary>
public sealed class ApplicationInsightsSinkOptions
{
    /// <summary>The environment variable Application Insights reads, used when <see cref="ConnectionString"/> is empty.</summary>
    public const string ConnectionStringVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Gets or sets the Application Insights connection string. When empty, the
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> environment variable is used; when both are empty events go to
    /// the local sink.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets whether Live Metrics is on. Default: false.</summary>
    public bool EnableLiveMetrics { get; set; }

    /// <summary>
    /// Gets or sets the folder where the exporter keeps telemetry it could not send yet; by default the system's
    /// temporary folder.
    /// </summary>
    public string? StorageDirectory { get; set; }

    /// <summary>Gets or sets whether telemetry that could not be sent is kept on disk and retried. Default: true.</summary>
    public bool EnableOfflineStorage { get; set; } = true;

    /// <summary>
    /// Gets or sets the cloud role name (<c>cloud_RoleName</c>) of the events; by default the application name of the
    /// host, so events sit beside the application's requests.
    /// </summary>
    public string? CloudRoleName { get; set; }

    /// <summary>
    /// Gets or sets how many events may wait to be handed to the exporter before new ones are dropped (and reported).
    /// Default: 10000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets how long disposing the sink (when the host stops) may take: sending the last events and waiting
    /// for the ingestion endpoint to answer. Events still unanswered then are reported as dropped (the exporter keeps
    /// no copy of a request on the wire, offline storage or not). Default: 10 seconds, well within the host's own
    /// shutdown timeout (30 seconds).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how long a flush waits for the answer to the request that carries the last event before it gives
    /// up (and reports it); the events may still arrive later. A caller's cancellation token ends its wait sooner.
    /// Default: 30 seconds.
    /// </summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(30);

    // Where the connection string comes from, for messages.
    internal string ConnectionStringSetting => string.IsNullOrWhiteSpace(ConnectionString)
        ? ConnectionStringVariable
        : MedicAppTelemetryOptions.SectionName + ":ApplicationInsights:ConnectionString";

    internal string? ResolveConnectionString()
    {
        var value = string.IsNullOrWhiteSpace(ConnectionString)
            ? Environment.GetEnvironmentVariable(ConnectionStringVariable)
            : ConnectionString;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
