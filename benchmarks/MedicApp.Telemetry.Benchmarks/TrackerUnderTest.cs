using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using MedicApp.Telemetry.Events;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// The generated <see cref="EventTracker"/> of a benchmark, over the sinks the benchmark registers, with what every
/// benchmark of a tracked event needs: the same returning patients, a loopback ingestion endpoint for the Application
/// Insights sink, a flush between iterations, a warm-up long enough for the JIT's optimized tier, and a final check
/// that no event was lost.
/// </summary>
/// <remarks>
/// The Application Insights exporter queue holds 2048 records and the sink's queue 10000: a free-running loop would fill
/// them and measure the drop path. A benchmark therefore tracks <see cref="EventsPerIteration"/> events per iteration,
/// fewer than either queue holds, and flushes everything after each iteration.
/// </remarks>
public sealed class TrackerUnderTest : IDisposable
{
    /// <summary>How many events one measured iteration tracks: fewer than any sink's queue holds.</summary>
    public const int EventsPerIteration = 1024;

    /// <summary>The locale every benchmark event carries.</summary>
    public const string Locale = "fr-FR";

    /// <summary>The pseudonymization key of the benchmarks: 32 bytes, for benchmarks only.</summary>
    public const string PseudonymizationKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    /// <summary>How many patients the benchmarks cycle through: a power of two, so the next one is a mask away.</summary>
    /// <remarks>
    /// The same few patients come back, as in production, and fit the pseudonymizer's bounded cache: the benchmarks
    /// measure the steady state, where a pseudonym costs a cache lookup, not the first sight of an identifier.
    /// </remarks>
    public const int Patients = 16;

    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);

    private readonly ServiceProvider _services;
    private readonly LoopbackIngestionEndpoint? _endpoint;

    private TrackerUnderTest(ServiceProvider services, LoopbackIngestionEndpoint? endpoint)
    {
        _services = services;
        _endpoint = endpoint;
        Tracker = services.GetRequiredService<EventTracker>();
        Pipeline = services.GetRequiredService<EventPipeline>();
    }

    /// <summary>Gets the ids of the <see cref="Patients"/> patients the benchmarks cycle through.</summary>
    public static string[] PatientIds { get; } = CreatePatientIds();

    /// <summary>Gets the generated tracker.</summary>
    public EventTracker Tracker { get; }

    /// <summary>Gets the pipeline behind <see cref="Tracker"/>.</summary>
    public EventPipeline Pipeline { get; }

    /// <summary>Builds the tracker over the Application Insights sink, sending to a loopback ingestion endpoint.</summary>
    /// <returns>The tracker, to dispose at the end of the benchmark.</returns>
    public static TrackerUnderTest WithApplicationInsights()
    {
        var endpoint = StartEndpoint();
        var connectionString = endpoint.ConnectionString;
        return Build(
            services => services.AddMedicAppTelemetry(options =>
            {
                options.ApplicationInsights.ConnectionString = connectionString;
                options.ApplicationInsights.EnableOfflineStorage = false;
                options.Pseudonymization.Key = PseudonymizationKey;
            }),
            endpoint);
    }

    /// <summary>Builds the tracker with <paramref name="sink"/> as its only sink, in place of the default one.</summary>
    /// <typeparam name="TSink">The sink's type.</typeparam>
    /// <param name="sink">The sink, which the caller disposes if it needs to.</param>
    /// <returns>The tracker, to dispose at the end of the benchmark.</returns>
    /// <exception cref="InvalidOperationException">Another sink was registered too.</exception>
    public static TrackerUnderTest WithOnlySink<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSink>(TSink sink)
        where TSink : class, IEventSink
    {
        var tracker = Build(services => services
            .AddSingleton(sink)
            .AddMedicAppTelemetry(static options => options.Pseudonymization.Key = PseudonymizationKey)
            .UseSink<TSink>());
        if (tracker.Pipeline.Sinks is not [TSink])
        {
            tracker.Dispose();
            throw new InvalidOperationException($"The {sink.Name} sink must be the only sink of the benchmark.");
        }

        return tracker;
    }

    /// <summary>Builds the tracker with the registrations <paramref name="register"/> makes.</summary>
    /// <param name="register">Calls <c>AddMedicAppTelemetry()</c> and adds sinks.</param>
    /// <returns>The tracker, to dispose at the end of the benchmark.</returns>
    public static TrackerUnderTest Build(Action<IServiceCollection> register) => Build(register, endpoint: null);

    /// <summary>Starts a loopback ingestion endpoint, with statsbeat off: it reports the exporter's health to Azure, and there is no Azure here.</summary>
    /// <returns>The endpoint, to dispose at the end of the benchmark.</returns>
    public static LoopbackIngestionEndpoint StartEndpoint()
    {
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        return new LoopbackIngestionEndpoint();
    }

    /// <summary>
    /// Runs <paramref name="benchmark"/> in iteration-sized batches, flushed like the iterations, for a few seconds.
    /// </summary>
    /// <remarks>
    /// With a fixed number of calls per iteration, BenchmarkDotNet's own warm-up lasts milliseconds: too short for the
    /// JIT to move the code to its optimized tier, where a long-running service spends its life.
    /// </remarks>
    /// <param name="benchmark">Tracks one event.</param>
    /// <param name="flush">Flushes what the batch tracked.</param>
    public static void WarmUp(Action benchmark, Action flush)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < WarmUpTime)
        {
            for (var i = 0; i < EventsPerIteration; i++)
            {
                benchmark();
            }

            flush();
        }
    }

    /// <summary>Fails the benchmark, which then shows <c>NA</c> and the reason, when events were lost.</summary>
    /// <param name="condition">True when nothing was lost.</param>
    /// <param name="what">What was found otherwise.</param>
    /// <exception cref="InvalidOperationException"><paramref name="condition"/> is false.</exception>
    public static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Events were lost during the benchmark, so it measured the drop path: " + what + ".");
        }
    }

    /// <summary>Gets a service of the tracker's provider, such as a catalogue added with <c>AddCatalogue</c>.</summary>
    /// <typeparam name="T">The service's type.</typeparam>
    /// <returns>The service.</returns>
    public T GetRequiredService<T>()
        where T : notnull
        => _services.GetRequiredService<T>();

    /// <summary>Waits until every sink has written or sent what was tracked so far.</summary>
    public void Flush() => Pipeline.FlushAsync().GetAwaiter().GetResult();

    /// <summary>Fails unless the pipeline dropped, failed and deferred nothing and the endpoint, if any, received every event.</summary>
    /// <returns>The number of events tracked.</returns>
    public long VerifyNothingWasLost()
    {
        Flush();
        var statistics = Pipeline.Health.GetStatistics();
        Require(
            statistics is { EventsDropped: 0, EventsFailed: 0, SinkFailures: 0, EventsDeferred: 0 },
            $"the pipeline reported {statistics}");
        if (_endpoint is not null)
        {
            var arrived = _endpoint.WaitForCustomEvents(statistics.EventsTracked, DeliveryDeadline);
            Require(arrived == statistics.EventsTracked, $"{statistics.EventsTracked} events tracked, {arrived} arrived at the endpoint");
        }

        return statistics.EventsTracked;
    }

    /// <summary>Shuts the pipeline and the endpoint down.</summary>
    public void Dispose()
    {
        _services.Dispose();
        _endpoint?.Dispose();
    }

    private static TrackerUnderTest Build(Action<IServiceCollection> register, LoopbackIngestionEndpoint? endpoint)
    {
        var services = new ServiceCollection();
        register(services);
        return new TrackerUnderTest(services.BuildServiceProvider(), endpoint);
    }

    private static string[] CreatePatientIds()
    {
        var ids = new string[Patients];
        for (var i = 0; i < Patients; i++)
        {
            ids[i] = new Guid(i + 1, 0x4d2e, 0x4a11, 0x9c, 0x3b, 0x52, 0x7e, 0x10, 0x6f, 0xa2, 0xd8).ToString();
        }

        return ids;
    }
}
