using System;
using System.Collections.Generic;
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
/// Each iteration tracks <see cref="TrackerUnderTest.EventsPerIteration"/> events, fewer than any queue holds, and the
/// iteration cleanup flushes everything, so every iteration measures the steady cost of handing an event over. The
/// global cleanup fails the run if any event was lost.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(TrackerUnderTest.EventsPerIteration)]
public class PatientRegisteredBenchmarks
{
    private const string EventName = "patient_registered";
    private const string Locale = TrackerUnderTest.Locale;
    private const string PseudonymizationKey = TrackerUnderTest.PseudonymizationKey;

    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(30);

    private readonly string[] _patientIds = TrackerUnderTest.PatientIds;
    private readonly string[] _pseudonyms = new string[TrackerUnderTest.Patients];
    private int _next;

    private LoopbackIngestionEndpoint? _endpoint;
    private TelemetryConfiguration? _configuration;
    private TelemetryClient _client = null!;
    private ReflectionEventTracker _reflectionTracker = null!;
    private long _clientEvents;

    private TrackerUnderTest? _generated;
    private EventTracker _tracker = null!;

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
        SetUpTracker(TrackerUnderTest.WithApplicationInsights());
        WarmUp(GeneratedCall_ApplicationInsightsSink);
    }

    /// <summary>Sets up the generated tracker over a sink that does nothing, to measure the SDK's own work.</summary>
    [GlobalSetup(Target = nameof(GeneratedCall_BeforeSink))]
    public void SetUpBeforeSink()
    {
        SetUpTracker(TrackerUnderTest.Build(static services => services.AddMedicAppTelemetry(static options =>
        {
            // No default sink: the no-op sink is the only one.
            options.Local.Enabled = false;
            options.Pseudonymization.Key = PseudonymizationKey;
        }).AddSink<NoOpEventSink>()));
        if (_generated!.Pipeline.Sinks is not [NoOpEventSink])
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
        _generated?.Flush();
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
                TrackerUnderTest.Require(arrived == _clientEvents, $"{_clientEvents} events tracked through TelemetryClient, {arrived} arrived at the endpoint");
            }

            _generated?.VerifyNothingWasLost();
        }
        finally
        {
            _generated?.Dispose();
            _configuration?.Dispose();
            _endpoint?.Dispose();
        }
    }

    private void SetUpTelemetryClient()
    {
        SetUpPatients();
        _endpoint = TrackerUnderTest.StartEndpoint();
        _configuration = new TelemetryConfiguration
        {
            ConnectionString = _endpoint.ConnectionString,
            DisableOfflineStorage = true,
            EnableLiveMetrics = false,
        };
        _client = new TelemetryClient(_configuration);
        _reflectionTracker = new ReflectionEventTracker(_client);
    }

    // Runs the benchmark until the JIT has optimized it; see TrackerUnderTest.WarmUp.
    private void WarmUp(Action benchmark) => TrackerUnderTest.WarmUp(benchmark, Flush);

    private void SetUpPatients()
    {
        var pseudonymizer = new Pseudonymizer(Convert.FromBase64String(PseudonymizationKey), "k1");
        for (var i = 0; i < TrackerUnderTest.Patients; i++)
        {
            _pseudonyms[i] = pseudonymizer.Pseudonymize(_patientIds[i]);
        }
    }

    private void SetUpTracker(TrackerUnderTest generated)
    {
        _generated = generated;
        _tracker = generated.Tracker;
    }

    private int NextPatient() => _next++ & (TrackerUnderTest.Patients - 1);
}
