using System;
using System.Collections.Generic;
using System.Linq;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MedicApp.Telemetry: the <see cref="EventTracker"/> singleton, its pipeline and its sink.</summary>
public static class MedicAppTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers MedicApp.Telemetry with the options of the <c>MedicAppTelemetry</c> section of the application's
    /// configuration, when one is registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to configure telemetry further.</returns>
    public static MedicAppTelemetryBuilder AddMedicAppTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<MedicAppTelemetryOptions>, BindFromApplicationConfiguration>());
        return AddCore(services);
    }

    /// <summary>
    /// Registers MedicApp.Telemetry with the options of the <c>MedicAppTelemetry</c> configuration section, when
    /// there is one, then <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>A builder to configure telemetry further.</returns>
    public static MedicAppTelemetryBuilder AddMedicAppTelemetry(this IServiceCollection services, Action<MedicAppTelemetryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddMedicAppTelemetry();
        services.Configure(configure);
        return builder;
    }

    /// <summary>Registers MedicApp.Telemetry with options bound from <paramref name="section"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">
    /// The configuration section, usually <c>configuration.GetSection("MedicAppTelemetry")</c>. Given the whole
    /// configuration instead, its <c>MedicAppTelemetry</c> section is bound.
    /// </param>
    /// <returns>A builder to configure telemetry further.</returns>
    public static MedicAppTelemetryBuilder AddMedicAppTelemetry(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);

        // The root has no option keys of its own: binding it would silently bind nothing.
        if (section is IConfigurationRoot && section.GetSection(MedicAppTelemetryOptions.SectionName).Exists())
        {
            section = section.GetSection(MedicAppTelemetryOptions.SectionName);
        }

        services.Configure<MedicAppTelemetryOptions>(section);
        return AddCore(services);
    }

    private static MedicAppTelemetryBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<MedicAppTelemetryOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MedicAppTelemetryOptions>, MedicAppTelemetryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TelemetryHealth>();
        services.TryAddSingleton<ITextScrubber>(PiiScrubber.Default);
        services.TryAddSingleton(static sp => PseudonymizerFactory.Create(
            sp.GetRequiredService<IOptions<MedicAppTelemetryOptions>>(),
            sp.GetService<IHostEnvironment>()));
        services.TryAddSingleton<LocalEventSink>();
        services.TryAddSingleton<ApplicationInsightsEventSink>();
        services.TryAddSingleton(static sp => new EventPipeline(
            SelectSinks(sp),
            sp.GetRequiredService<Pseudonymizer>(),
            sp.GetRequiredService<ITextScrubber>(),
            sp.GetRequiredService<TelemetryHealth>(),
            sp.GetRequiredService<IOptions<MedicAppTelemetryOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<EventTracker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TelemetryStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TelemetryConfiguration>, ApplicationStorageDirectory>());
        AddTechnicalTelemetryScrubbing(services);
        return new MedicAppTelemetryBuilder(services);
    }

    // Requests, dependencies, logs and exceptions go through the application's own OpenTelemetry providers (those of
    // AddApplicationInsightsTelemetryWorkerService, or any others): the scrubbing processors join them when they are
    // built. The Application Insights exporter adds its processors once the host has started, so after these.
    private static void AddTechnicalTelemetryScrubbing(IServiceCollection services)
    {
        if (services.Any(static d => d.ServiceType == typeof(ScrubbingActivityProcessor)))
        {
            return;
        }

        // The scrubber of events: UseTextScrubber<T>() chooses it for all telemetry at once.
        services.AddSingleton(static sp => new ScrubbingActivityProcessor(sp.GetRequiredService<ITextScrubber>()));
        services.AddSingleton(static sp => new ScrubbingLogProcessor(sp.GetRequiredService<ITextScrubber>()));
        services.ConfigureOpenTelemetryTracerProvider(static (sp, tracing) => tracing.AddProcessor(sp.GetRequiredService<ScrubbingActivityProcessor>()));
        services.ConfigureOpenTelemetryLoggerProvider(static (sp, logging) => logging.AddProcessor(sp.GetRequiredService<ScrubbingLogProcessor>()));
    }

    // The default sink is chosen when the pipeline is built, from the options: the one UseSink<T>() put in its place,
    // Application Insights when a connection string is set, the local sink otherwise. Added sinks always run.
    private static List<IEventSink> SelectSinks(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MedicAppTelemetryOptions>>().Value;
        var sinks = new List<IEventSink>();
        if (options.DefaultSinkReplacement is { } replacement)
        {
            sinks.Add((IEventSink)services.GetRequiredService(replacement));
        }
        else if (options.ApplicationInsights.ResolveConnectionString() is not null)
        {
            sinks.Add(ApplicationInsightsOrFallback(services, options));
        }
        else if (options.Local.Enabled)
        {
            sinks.Add(services.GetRequiredService<LocalEventSink>());
        }

        sinks.AddRange(services.GetServices<IEventSink>());
        return sinks;
    }

    // The pipeline is built when the host starts (TelemetryStartup), or when a tracker is first injected without a
    // host: a sink that cannot start must fail neither the application nor a request. The validator already refuses
    // the connection strings the exporter would; what still fails (the exporter itself, the file system) is reported
    // once, and events go to the local sink, where they can be read, or are counted as dropped when it is off.
    private static IEventSink ApplicationInsightsOrFallback(IServiceProvider services, MedicAppTelemetryOptions options)
    {
        try
        {
            return services.GetRequiredService<ApplicationInsightsEventSink>();
        }
        catch (Exception exception)
        {
            var health = services.GetRequiredService<TelemetryHealth>();
            var local = options.Local.Enabled ? services.GetRequiredService<LocalEventSink>() : null;
            health.SinkUnavailable(
                ApplicationInsightsEventSink.SinkName,
                local is null ? "events are dropped and counted, since the local sink is off" : "events go to the local sink instead",
                exception);
            return (IEventSink?)local ?? new UnavailableEventSink(ApplicationInsightsEventSink.SinkName, health);
        }
    }

    private sealed class BindFromApplicationConfiguration(IConfiguration? configuration = null) : IConfigureOptions<MedicAppTelemetryOptions>
    {
        public void Configure(MedicAppTelemetryOptions options)
            => configuration?.GetSection(MedicAppTelemetryOptions.SectionName).Bind(options);
    }
}
