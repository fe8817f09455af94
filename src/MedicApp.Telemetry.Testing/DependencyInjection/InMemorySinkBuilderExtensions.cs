using System;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Telemetry.Testing;

/// <summary>Sends a test's events to an <see cref="InMemoryEventSink"/>.</summary>
public static class InMemorySinkBuilderExtensions
{
    /// <summary>
    /// Sends events only to an <see cref="InMemoryEventSink"/>, in place of Application Insights or the local sink, and
    /// turns strict mode on (a value the pipeline would change throws) unless
    /// <see cref="MedicAppTelemetryOptions.StrictMode"/> is set in code or configuration. Resolve the sink from the
    /// service provider to assert on what was tracked.
    /// </summary>
    /// <param name="builder">The builder that <c>AddMedicAppTelemetry()</c> returned.</param>
    /// <returns>The builder.</returns>
    public static MedicAppTelemetryBuilder UseInMemorySink(this MedicAppTelemetryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // After every Configure and configuration binding: only a value nobody set becomes strict.
        builder.Services.PostConfigure<MedicAppTelemetryOptions>(static options => options.StrictMode ??= true);
        return builder.UseSink<InMemoryEventSink>();
    }
}
