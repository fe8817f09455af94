using System;
using System.Diagnostics;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Tests.Infrastructure;
using MedicApp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>
/// Business events are never sampled: an event tracked inside a request that the application's own tracing samples
/// out still reaches customEvents, with the request's operation id. Two defences each suffice; each is tested alone.
/// </summary>
public sealed class SampledOutRequestTests : IDisposable
{
    private const string RequestSource = "MedicApp.Telemetry.Tests.Requests";

    // Bounds the waits of tests that would otherwise hang on a regression; never reached when the code is right.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // A dropped event never ends a request: the flush gives up after this, so a regression fails in seconds.
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(3);

    private readonly IngestionServer _server = new();

    // The application's own tracing, sampling every request out, as a ratio of 0 in production would.
    private readonly TracerProvider _applicationTracing = Sdk.CreateTracerProviderBuilder()
        .SetSampler(new AlwaysOffSampler())
        .AddSource(RequestSource)
        .Build()!;

    private readonly ActivitySource _requests = new(RequestSource);

    public SampledOutRequestTests()
        => Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

    public void Dispose()
    {
        _requests.Dispose();
        _applicationTracing.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task EventInsideRequestTheApplicationSamplesOut_IsSentWithItsOperationId()
    {
        await using var services = new ServiceCollection()
            .AddMedicAppTelemetry(o =>
            {
                Configure(o);
                o.ApplicationInsights.ConnectionString = _server.ConnectionString;
            }).Services.BuildServiceProvider();

        var traceId = TrackInsideSampledOutRequest(services.GetRequiredService<EventTracker>());
        await services.GetRequiredService<EventPipeline>().FlushAsync().WaitAsync(Deadline);

        var envelope = Assert.Single(_server.CustomEvents);
        Assert.Equal(traceId.ToHexString(), (string?)envelope["tags"]!["ai.operation.id"]);
    }

    [Theory]
    [InlineData((int)SamplingDefences.NoTraceBasedLogsSampler)]
    [InlineData((int)SamplingDefences.RecordedTraceFlags)]
    public async Task EachDefenceAlone_KeepsTheEventInsideASampledOutRequest(int defences)
    {
        var (pipeline, sink) = BuildPipeline((SamplingDefences)defences);
        await using (sink)
        {
            var traceId = TrackInsideSampledOutRequest(new EventTracker(pipeline));
            await pipeline.FlushAsync().WaitAsync(Deadline);

            var envelope = Assert.Single(_server.CustomEvents);
            Assert.Equal(traceId.ToHexString(), (string?)envelope["tags"]!["ai.operation.id"]);
        }
    }

    [Fact]
    public async Task WithoutEitherDefence_TheEventInsideASampledOutRequestIsLost()
    {
        // The threat the defences answer: the exporter's trace-based logs sampler drops it.
        var (pipeline, sink) = BuildPipeline(SamplingDefences.None);
        await using (sink)
        {
            TrackInsideSampledOutRequest(new EventTracker(pipeline));
            await pipeline.FlushAsync().WaitAsync(Deadline);

            Assert.Empty(_server.CustomEvents);
        }
    }

    private ActivityTraceId TrackInsideSampledOutRequest(EventTracker tracker)
    {
        // A request that arrives with a traceparent, as ASP.NET Core starts it: the sampler decides not to record it.
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);
        using var request = _requests.StartActivity("GET /patients", ActivityKind.Server, caller);
        Assert.NotNull(request);
        Assert.False(request.Recorded);

        tracker.PatientRegistered("patient-1", ClientChannel.Web);
        return request.TraceId;
    }

    private (EventPipeline Pipeline, ApplicationInsightsEventSink Sink) BuildPipeline(SamplingDefences defences)
    {
        var options = Options.Create(new MedicAppTelemetryOptions());
        Configure(options.Value);
        options.Value.ApplicationInsights.ConnectionString = _server.ConnectionString;
        var health = new TelemetryHealth();
        var sink = new ApplicationInsightsEventSink(options, health, environment: null, defences);
        var pseudonymizer = new Pseudonymizer(Convert.FromBase64String(TelemetryServices.Key), "k1");
        return (new EventPipeline([sink], pseudonymizer, RedactingTextScrubber.Instance, health, options), sink);
    }

    private static void Configure(MedicAppTelemetryOptions options)
    {
        options.Pseudonymization.Key = TelemetryServices.Key;
        options.StrictMode = true;
        options.ApplicationInsights.EnableOfflineStorage = false;
        options.ApplicationInsights.FlushTimeout = FlushTimeout;
    }
}
