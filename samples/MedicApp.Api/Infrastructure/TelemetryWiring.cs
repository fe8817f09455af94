using MedicApp.Api.Data;
using MedicApp.Telemetry;
using OpenTelemetry.Trace;

namespace MedicApp.Api.Infrastructure;

/// <summary>
/// Business events through MedicApp.Telemetry, written to the outbox table of the API's database in the transaction of
/// the state change they describe and sent after its commit; with an Application Insights connection string, also
/// requests, exceptions, logs and dependencies (M1) through the Application Insights SDK, all of them scrubbed by the
/// SDK's processors.
/// </summary>
internal static class TelemetryWiring
{
    public static WebApplicationBuilder AddMedicAppTelemetryWiring(this WebApplicationBuilder builder)
    {
        builder.Services.AddMedicAppTelemetry(builder.Configuration.GetSection(MedicAppTelemetryOptions.SectionName))
            .AddEntityFrameworkOutbox<MedicAppDbContext>();

        var connectionString = builder.Configuration[$"{MedicAppTelemetryOptions.SectionName}:ApplicationInsights:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        // ApplicationInsights:* settings (SamplingRatio, TracesPerSecond, …) apply; the connection string is the one found above.
        var settings = builder.Configuration.GetSection("ApplicationInsights");
        builder.Services.AddApplicationInsightsTelemetryWorkerService(options =>
        {
            settings.Bind(options);
            options.ConnectionString = connectionString;
        });
        builder.Services.ConfigureOpenTelemetryTracerProvider(static tracing => tracing
            .AddAspNetCoreInstrumentation(static o => o.RecordException = true)
            .AddSource("Npgsql"));
        return builder;
    }
}
