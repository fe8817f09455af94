using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry;

/// <summary>Configures MedicApp.Telemetry after <c>AddMedicAppTelemetry()</c>; every method returns the builder.</summary>
public sealed class MedicAppTelemetryBuilder
{
    internal MedicAppTelemetryBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers another catalogue class (one of your own) as a singleton over the same pipeline. An event name it
    /// shares with the MedicApp catalogue or another added catalogue stops the host at start, naming both catalogues.
    /// </summary>
    /// <typeparam name="TCatalogue">A partial class whose methods carry <see cref="TelemetryEventAttribute"/>.</typeparam>
    /// <returns>The builder.</returns>
    public MedicAppTelemetryBuilder AddCatalogue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCatalogue>()
        where TCatalogue : class, ITelemetryCatalogue
    {
        Services.TryAddSingleton<TCatalogue>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<CatalogueRegistration, CatalogueRegistration<TCatalogue>>());
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MedicAppTelemetryOptions>, CatalogueNamesValidator>());
        return this;
    }

    /// <summary>Adds a sink that receives every event, besides the default one.</summary>
    /// <typeparam name="TSink">The sink type, created once by the service provider.</typeparam>
    /// <returns>The builder.</returns>
    public MedicAppTelemetryBuilder AddSink<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSink>()
        where TSink : class, IEventSink
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventSink, TSink>());
        return this;
    }

    /// <summary>
    /// Sends events to <typeparamref name="TSink"/> in place of the default sink (Application Insights, or the local
    /// sink without a connection string); sinks added with <see cref="AddSink{TSink}"/> still receive them. The sink is
    /// a singleton: resolve it from the service provider as <typeparamref name="TSink"/>. The last call wins.
    /// </summary>
    /// <typeparam name="TSink">The sink type, created once by the service provider unless registered already.</typeparam>
    /// <returns>The builder.</returns>
    public MedicAppTelemetryBuilder UseSink<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSink>()
        where TSink : class, IEventSink
    {
        Services.TryAddSingleton<TSink>();
        Services.Configure<MedicAppTelemetryOptions>(static options => options.DefaultSinkReplacement = typeof(TSink));
        return this;
    }

    /// <summary>
    /// Gives events a durable path through an outbox kept in <typeparamref name="TStore"/>: events tracked inside an
    /// <see cref="EventCapture"/> are written with the unit of work's changes and sent after its commit, and a
    /// dispatcher sends, from the host's start, whatever a crash or an outage left behind. Events tracked outside a
    /// capture go to the sinks as before. MedicApp.Telemetry.EntityFrameworkCore calls it for an EF Core context.
    /// </summary>
    /// <typeparam name="TStore">The store, a singleton created by the service provider unless registered already.</typeparam>
    /// <returns>The builder.</returns>
    public MedicAppTelemetryBuilder AddOutbox<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IEventOutboxStore
    {
        var first = !Services.Any(static d => d.ServiceType == typeof(OutboxDispatcher));
        Services.TryAddSingleton<IEventOutboxStore, TStore>();
        Services.TryAddSingleton(static sp => new OutboxDelivery(
            sp.GetRequiredService<EventPipeline>(),
            sp.GetRequiredService<IEventOutboxStore>(),
            sp.GetRequiredService<TelemetryHealth>(),
            sp.GetRequiredService<IOptions<MedicAppTelemetryOptions>>(),
            [MedicApp.Telemetry.Events.EventTracker.Catalogue, .. sp.GetServices<CatalogueRegistration>().Select(static r => r.Catalogue)],
            sp.GetRequiredService<TimeProvider>()));
        Services.TryAddSingleton(static sp => new OutboxDispatcher(
            sp.GetRequiredService<OutboxDelivery>(),
            sp.GetRequiredService<IEventOutboxStore>(),
            sp.GetRequiredService<TelemetryHealth>(),
            sp.GetRequiredService<IOptions<MedicAppTelemetryOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        if (first)
        {
            Services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<OutboxDispatcher>());
        }

        return this;
    }

    /// <summary>Replaces the scrubber that free-text properties go through.</summary>
    /// <typeparam name="TScrubber">The scrubber type, created once by the service provider.</typeparam>
    /// <returns>The builder.</returns>
    public MedicAppTelemetryBuilder UseTextScrubber<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TScrubber>()
        where TScrubber : class, ITextScrubber
    {
        Services.Replace(ServiceDescriptor.Singleton<ITextScrubber, TScrubber>());
        return this;
    }

    /// <summary>Configures the options further.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public MedicAppTelemetryBuilder Configure(Action<MedicAppTelemetryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
