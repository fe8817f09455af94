using System;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry;

/// <summary>
/// Gives the application's own Application Insights pipeline (<c>AddApplicationInsightsTelemetryWorkerService</c>, which
/// runs every <see cref="IConfigureOptions{TOptions}"/> of its <see cref="TelemetryConfiguration"/> and hands its
/// <see cref="TelemetryConfiguration.StorageDirectory"/> to the exporter) the offline storage folder set for the events,
/// so that requests, logs and exceptions refused during an outage wait in the folder the operator chose and watches,
/// not in the temporary folder. A folder the application set itself is kept.
/// </summary>
internal sealed class ApplicationStorageDirectory(IOptions<MedicAppTelemetryOptions> options) : IConfigureOptions<TelemetryConfiguration>
{
    public void Configure(TelemetryConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = options.Value.ApplicationInsights.StorageDirectory;
        if (string.IsNullOrWhiteSpace(configuration.StorageDirectory) && !string.IsNullOrWhiteSpace(directory))
        {
            configuration.StorageDirectory = directory;
        }
    }
}
