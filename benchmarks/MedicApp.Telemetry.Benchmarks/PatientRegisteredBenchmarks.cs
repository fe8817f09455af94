using System;
using System.Collections.Generic;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MedicApp.Telemetry.Events;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// The cost, on the caller's thread, of tracking one <c>patient_registered</c> event: the way teams write it today,
/// the generated tracker with Application Insights behind it, the generated tracker alone, and a reflection-based
/// tracker. Every variant sends the same six properties to the same loopback ingestion endpoint.
/// </summary>
/// <remarks>
/// The Application Insights exporter queue holds 2048 records and the sink's queue 10000: a free-running loop would fill
/// them and measure the drop path. Each iteration therefore tracks a fixed number of events, fewer than either queue
/// holds, and the iteration cleanup flushes everything, so every iteration measures the steady cost of handing an
/// event over. The global cleanup fails the run if any event was lost.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(EventsPerIteration)]
public class PatientRegisteredBenchmarks
{
    private const int EventsPerIteration = 1024;
    private const string EventName = "patient_registered";
    private const string Locale = "fr-FR";

    // 32 bytes, for benchmarks only.
    private const string PseudonymizationKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    // The same few patients come back, as in production, and fit the pseudonymizer's bounded cache: the benchmark
    // measures the steady state, where a pseudonym costs a cache lookup, not the first sight of an identifier.
    private const int Patients = 16;

    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);

    private readonly string[] _patientIds = new string[Patients];
    private readonly string[] _pseudonyms = new string[Patients];
    private int _next;

    private LoopbackIngestionEndpoint? _endpoint;
    private TelemetryConfiguration? _configuration;
    private TelemetryClient _client = null!;
    private ReflectionEventTracker _reflectionTracker = null!;
    private long _clientEvents;

    private ServiceProvider? _services;
    private EventTracker _tracker = null!;
    private EventPipeline? _pipeline;

    /// <summary>Sets up a <see cref="TelemetryClient"/> as teams configure it, sending to the loopback endpoint.</summary>
    [GlobalSetup(Target = nameof(HandWrittenTrackEvent))]
    public void SetUpHandWritten()
    {
        SetUpTelemetryClient();
        WarmUp(HandWrittenTrackEvent);
    }

    /// <summary>Sets up the reflection-based tracker over a <see cref="TelemetryClient"/> like the baseline's.</summary>
    [GlobalSetup(Target = nameof(ReflectionTracker_AnonymousObject))]
    public void SetUpReflectionTracker()
    {
        SetUpTelemetryClient();
        WarmUp(ReflectionTracker_AnonymousObject);
    }

    /// <summary>Sets up the generated tracker over the Application Insights sink, sending to the loopback endpoint.</summary>
    [GlobalSetup(Target = nameof(GeneratedCall_ApplicationInsightsSink))]
    public void SetUpApplicationInsightsSink()
    {
        SetUpPatients();
        var connectionString = StartEndpoint();
        SetUpTracker(services => services.AddMedicAppTelemetry(options =>
        {
            options.ApplicationInsights.ConnectionString = connectionString;
            options.ApplicationInsights.EnableOfflineStorage = false;
            options.Pseudonymization.Key = PseudonymizationKey;
        }));
        WarmUp(GeneratedCall_ApplicationInsightsSink);
    }

    /// <summary>Sets up the generated tracker over a sink that does nothing, to measure the SDK's own work.</summary>
    [GlobalSetup(Target = nameof(GeneratedCall_BeforeSink))]
    public void SetUpBeforeSink()
    {
        SetUpPatients();
        SetUpTracker(static services => services.AddMedicAppTelemetry(static options =>
        {
            // No default sink: the no-op sink is the only one.
            options.Local.Enabled = false;
            options.Pseudonymization.Key = PseudonymizationKey;
        }).AddSink<NoOpEventSink>());
        if (_pipeline!.Sinks is not [NoOpEventSink])
        {
            // An APPLICATIONINSIGHTS_CONNECTION_STRING in the environment would add the real sink to the measurement.
            throw new InvalidOperationException("The no-op sink must be the only sink of this benchmark.");
        }

        WarmUp(GeneratedCall_BeforeSink);
    }

    /// <summary>What teams write today: a dictionary of strings handed to <see cref="TelemetryClient.TrackEvent(string, IDictionary{string, string})"/>.</summary>
    /// <remarks>
    /// It sends the same properties as the generated event. The pseudonym is computed beforehand, so this variant
    /// does none of the SDK's privacy work and the comparison leans in its favour.
    /// </remarks>
    [Benchmark(Baseline = true)]
    public void HandWrittenTrackEvent()
    {
        var patient = NextPatient();
        _client.TrackEvent(EventName, new Dictionary<string, string>
        {
            ["event_id"] = Guid.NewGuid().ToString(),
            ["schema_version"] = "1",
            ["event_area"] = "LOG-11",
            ["patient_id"] = _pseudonyms[patient],
            ["channel"] = "web",
            ["locale"] = Locale,
        });
        _clientEvents++;
    }

    /// <summary>The generated tracking method, with the Application Insights sink behind it.</summary>
    [Benchmark]
    public void GeneratedCall_ApplicationInsightsSink()
        => _tracker.PatientRegistered(_patientIds[NextPatient()], ClientChannel.Web, Locale);

    /// <summary>The generated tracking method up to the hand-over to the sinks: the SDK's own cost.</summary>
    [Benchmark]
    public void GeneratedCall_BeforeSink()
        => _tracker.PatientRegistered(_patientIds[NextPatient()], ClientChannel.Web, Locale);

    /// <summary>A reflection-based tracker fed an anonymous object, the common do-it-yourself alternative.</summary>
    [Benchmark]
    public void ReflectionTracker_AnonymousObject()
    {
        var patient = NextPatient();
        _reflectionTracker.Track(EventName, new
        {
            event_id = Guid.NewGuid(),
            schema_version = 1,
            event_area = "LOG-11",
            patient_id = _pseudonyms[patient],
            channel = ClientChannel.Web,
            locale = Locale,
        });
        _clientEvents++;
    }

    /// <summary>Sends everything the iteration tracked, so the next one starts with empty queues.</summary>
    [IterationCleanup]
    public void Flush()
    {
        _client?.Flush();
        _pipeline?.FlushAsync().GetAwaiter().GetResult();
    }

    /// <summary>Fails the run if any event was dropped or did not reach the endpoint, then shuts everything down.</summary>
    [GlobalCleanup]
    public void VerifyNothingWasLost()
    {
        try
        {
            if (_configuration is not null)
            {
                _client.Flush();
                var arrived = _endpoint!.WaitForCustomEvents(_clientEvents, DeliveryDeadline);
                Require(arrived == _clientEvents, $"{_clientEvents} events tracked through TelemetryClient, {arrived} arrived at the endpoint");
            }

            if (_pipeline is not null)
            {
                _pipeline.FlushAsync().GetAwaiter().GetResult();
                var statistics = _pipeline.Health.GetStatistics();
                Require(
                    statistics is { EventsDropped: 0, EventsFailed: 0, SinkFailures: 0, EventsDeferred: 0 },
                    $"the pipeline reported {statistics}");
                if (_endpoint is not null)
                {
                    var arrived = _endpoint.WaitForCustomEvents(statistics.EventsTracked, DeliveryDeadline);
                    Require(arrived == statistics.EventsTracked, $"{statistics.EventsTracked} events tracked, {arrived} arrived at the endpoint");
                }
            }
        }
        finally
        {
            _services?.Dispose();
            _configuration?.Dispose();
            _endpoint?.Dispose();
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Events were lost during the benchmark, so it measured the drop path: " + what + ".");
        }
    }

    private void SetUpTelemetryClient()
    {
        SetUpPatients();
        _configuration = new TelemetryConfiguration
        {
            ConnectionString = StartEndpoint(),
            DisableOfflineStorage = true,
            EnableLiveMetrics = false,
        };
        _client = new TelemetryClient(_configuration);
        _reflectionTracker = new ReflectionEventTracker(_client);
    }

    // With a fixed number of calls per iteration, BenchmarkDotNet's own warm-up lasts milliseconds: too short for the
    // JIT to move the code to its optimized tier, where a long-running service spends its life. Run the benchmark in
    // iteration-sized batches first, flushed like the iterations, until it has run long enough for that.
    private void WarmUp(Action benchmark)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < WarmUpTime)
        {
            for (var i = 0; i < EventsPerIteration; i++)
            {
                benchmark();
            }

            Flush();
        }
    }

    private string StartEndpoint()
    {
        // Statsbeat reports the exporter's own health to Azure: there is no Azure here.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        _endpoint = new LoopbackIngestionEndpoint();
        return _endpoint.ConnectionString;
    }

    private void SetUpPatients()
    {
        var pseudonymizer = new Pseudonymizer(Convert.FromBase64String(PseudonymizationKey), "k1");
        for (var i = 0; i < Patients; i++)
        {
            _patientIds[i] = new Guid(i + 1, 0x4d2e, 0x4a11, 0x9c, 0x3b, 0x52, 0x7e, 0x10, 0x6f, 0xa2, 0xd8).ToString();
            _pseudonyms[i] = pseudonymizer.Pseudonymize(_patientIds[i]);
        }
    }

    private void SetUpTracker(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        _services = services.BuildServiceProvider();
        _tracker = _services.GetRequiredService<EventTracker>();
        _pipeline = _services.GetRequiredService<EventPipeline>();
    }

    private int NextPatient() => _next++ & (Patients - 1);
}
