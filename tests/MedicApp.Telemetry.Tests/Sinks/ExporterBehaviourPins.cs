using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Monitor.OpenTelemetry.Exporter;
using MedicApp.Tests.Shared;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static MedicApp.Telemetry.Tests.Sinks.DeliveryTestBed;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>
/// The behaviours of Azure.Monitor.OpenTelemetry.Exporter that the Application Insights sink relies on, none of them
/// documented, one test each, against loopback endpoints. When one fails after an upgrade of the exporter (or of
/// Microsoft.ApplicationInsights, which brings it), its message names the behaviour and the code to revisit; the version
/// pin fails on any upgrade, so that all of them are reviewed.
/// </summary>
public sealed partial class ExporterBehaviourPins : IDisposable
{
    private const string PinnedVersion = "1.10.0";

    private readonly DeliveryTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public void ExporterPackage_IsTheVersionThesePinsWereWrittenFor()
    {
        var version = typeof(AzureMonitorExporterOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        Assert.True(
            version?.Split('+')[0] == PinnedVersion,
            $"Azure.Monitor.OpenTelemetry.Exporter is {version}, the pins were written for {PinnedVersion}: check every behaviour of ExporterBehaviourPins "
            + "against the new version's source (transmitter sharing, storage layout and drain, partial success, policies), the sink's comments that name them, "
            + "and the README's delivery section, then update PinnedVersion.");
    }

    [Fact]
    public async Task SameConnectionString_SharesOneTransmitter_UnlessTheSinkKeywordIsAdded()
    {
        var (first, second, own) = (new RecordingPolicy(), new RecordingPolicy(), new RecordingPolicy());
        using var application = Configuration(_bed.Server.ConnectionString, storage: null, first);
        await TrackAsync(application, "pin-first");
        using var sameString = Configuration(_bed.Server.ConnectionString, storage: null, second);
        await TrackAsync(sameString, "pin-second");
        using var withKeyword = Configuration(_bed.Server.ConnectionString + ";MedicAppTelemetry=events", storage: null, own);
        await TrackAsync(withKeyword, "pin-own");

        Pin(
            first.Saw("pin-second") && !second.Saw("pin-second"),
            "two configurations with the same connection string share one transmitter, built with the options (and policies) of the first",
            "whether the sink still needs a transmitter of its own (ConnectionStringCheck.DedicatedTransmitterKeyword)");
        Pin(
            own.Saw("pin-own") && !first.Saw("pin-own"),
            "a connection string with an extra keyword gets a transmitter of its own, whose pipeline has its own policies",
            "how ApplicationInsightsEventSink gets its own transmitter for DeliveryTracker and its offline storage");
    }

    [Fact]
    public async Task StoredTelemetry_IsSentWhenATransmitterIsCreated()
    {
        await StoreAsync("pin-stored");

        using var restarted = Configuration(_bed.AfterRestart.ConnectionString, _bed.Storage);
        _ = new TelemetryClient(restarted);

        await PinAsync(
            _bed.AfterRestart.WaitForAsync(static e => Name(e) == "pin-stored", 1, Deadline),
            "a transmitter sends what offline storage holds as soon as it is created, without new telemetry (then every two minutes)",
            "TelemetryStartup (the sink is built at host start for this) and the README's delivery section");
    }

    [Fact]
    public async Task OfflineStorage_IsTheStorageDirectoryAndAHashedLeaf_HoldingBlobFiles()
    {
        var blob = await StoreAsync("pin-layout");

        Pin(
            Path.GetDirectoryName(blob) == OfflineStorageFolder.Locate(_bed.Storage, IngestionServer.InstrumentationKey)
                && BlobName().IsMatch(Path.GetFileName(blob)),
            $"a stored request is {{StorageDirectory}}/{{sha256 of ikey;user;process;base directory}}/{{timestamp}}-{{guid}}.blob, whatever other keys the connection string has (found: {blob})",
            "OfflineStorageFolder and OfflineStorageBacklog, which find and read the sink's folder");
    }

    [Fact]
    public async Task PartialSuccessErrorIndex_IsTheLineOfTheRequestBody()
    {
        _bed.Server.Answer = static count => IngestionAnswer.PartiallyAccepted(count, new Dictionary<int, int> { [1] = 500 });
        using var configuration = Configuration(_bed.Server.ConnectionString, _bed.Storage);
        var client = new TelemetryClient(configuration);
        foreach (var name in new[] { "pin-a", "pin-b", "pin-c" })
        {
            client.TrackEvent(name);
        }

        client.Flush();
        await OfflineStorage.WaitUntilAsync(_bed.Storage, () => OfflineStorage.Blobs(_bed.Storage).Count == 1, Deadline, "holding one blob");

        var request = Assert.Single(_bed.Server.Requests);
        Pin(
            File.ReadAllText(OfflineStorage.Blobs(_bed.Storage)[0]).Trim() == request[1].Trim() && request[1].Contains("pin-b", StringComparison.Ordinal),
            "the index of an error in a 206 answer is the line of the item in the NDJSON request body, and that line alone is stored for a retry",
            "DeliveryTracker.CountRefused, which classifies refused events by their line");
    }

    [Fact]
    public async Task AddPolicy_SeesEveryIngestionRequest_ReSendsFromStorageIncluded()
    {
        var sending = new RecordingPolicy();
        await StoreAsync("pin-policy", sending);
        var resending = new RecordingPolicy();
        using var restarted = Configuration(_bed.AfterRestart.ConnectionString, _bed.Storage, resending);
        _ = new TelemetryClient(restarted);
        await _bed.AfterRestart.WaitForAsync(static e => Name(e) == "pin-policy", 1, Deadline);

        Pin(
            sending.Requests.Count == _bed.Server.Requests.Count && resending.Requests.Count == _bed.AfterRestart.Requests.Count && resending.Saw("pin-policy"),
            $"a policy added with AzureMonitorExporterOptions.AddPolicy sees every request, with its body, re-sends from offline storage included (saw {sending.Requests.Count} and {resending.Requests.Count}; the endpoints got {_bed.Server.Requests.Count} and {_bed.AfterRestart.Requests.Count})",
            "DeliveryTracker, which counts on it to see every event's outcome");
    }

    [Fact]
    public async Task BlobsBeingSentAgain_AreLeasedUntilTheirRequestIsAnswered()
    {
        await StoreAsync("pin-lease");
        var answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bed.AfterRestart.AnswerGate = answers.Task;
        using var restarted = Configuration(_bed.AfterRestart.ConnectionString, _bed.Storage);
        _ = new TelemetryClient(restarted);
        await _bed.AfterRestart.FirstRequestReceived.WaitAsync(Deadline);

        var blobs = OfflineStorage.Blobs(_bed.Storage);
        answers.SetResult();
        Pin(
            blobs.Count == 1 && blobs[0].EndsWith(".lock", StringComparison.Ordinal) && File.ReadAllText(blobs[0]).Contains("pin-lease", StringComparison.Ordinal),
            $"a blob sent again from offline storage is renamed {{blob}}@{{expiry}}.lock while its request is on the wire (found: {string.Join(", ", blobs.Select(Path.GetFileName))})",
            "OfflineStorageBacklog.IsBeingResent, which tells a failed re-send (still stored) from a failed send (to store)");
    }

    // Tracks one event against an endpoint that answers 503, and returns the blob that keeps it.
    private async Task<string> StoreAsync(string name, RecordingPolicy? policy = null)
    {
        _bed.Server.Answer = static _ => IngestionAnswer.Failed(503);
        using (var configuration = Configuration(_bed.Server.ConnectionString, _bed.Storage, policy))
        {
            var client = new TelemetryClient(configuration);
            client.TrackEvent(name);
            client.Flush();
            await PinAsync(
                OfflineStorage.WaitUntilAsync(_bed.Storage, () => OfflineStorage.Blobs(_bed.Storage).Count == 1, Deadline, "holding one blob"),
                "a request answered 503 is kept in offline storage",
                "the sink's deferred events and the README's delivery section");
        }

        return OfflineStorage.Blobs(_bed.Storage)[0];
    }

    private async Task TrackAsync(TelemetryConfiguration configuration, string name)
    {
        var client = new TelemetryClient(configuration);
        client.TrackEvent(name);
        client.Flush();
        await _bed.Server.WaitForAsync(e => Name(e) == name, 1, Deadline);
    }

    // A configuration as the sink builds one: no live metrics, standard metrics or performance counters, which would
    // add requests of their own.
    private static TelemetryConfiguration Configuration(string connectionString, string? storage, RecordingPolicy? policy = null)
    {
        var configuration = new TelemetryConfiguration { ConnectionString = connectionString, EnableLiveMetrics = false, DisableOfflineStorage = storage is null };
        if (storage is not null)
        {
            configuration.StorageDirectory = storage;
        }

        configuration.ConfigureOpenTelemetryBuilder(builder => builder.Services.Configure<AzureMonitorExporterOptions>(exporter =>
        {
            exporter.EnableStandardMetrics = false;
            exporter.EnablePerformanceCounters = false;
            if (policy is not null)
            {
                exporter.AddPolicy(policy, HttpPipelinePosition.PerCall);
            }
        }));
        return configuration;
    }

    private static string? Name(System.Text.Json.Nodes.JsonObject envelope) => (string?)envelope["data"]?["baseData"]?["name"];

    private static void Pin(bool holds, string behaviour, string revisit)
        => Assert.True(holds, $"Azure.Monitor.OpenTelemetry.Exporter no longer behaves as pinned on {PinnedVersion}: {behaviour}. Revisit {revisit}.");

    private static async Task PinAsync(Task wait, string behaviour, string revisit)
    {
        try
        {
            await wait;
        }
        catch (TimeoutException exception)
        {
            Pin(false, behaviour + $" ({exception.Message})", revisit);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{6}\.\d{7}Z-[0-9a-f]{32}\.blob$")]
    private static partial Regex BlobName();

    /// <summary>Keeps the body of every request that goes through the exporter's pipeline.</summary>
    private sealed class RecordingPolicy : HttpPipelineSynchronousPolicy
    {
        public ConcurrentQueue<string> Requests { get; } = new();

        public bool Saw(string eventName) => Requests.Any(body => body.Contains($"\"name\":\"{eventName}\"", StringComparison.Ordinal));

        public override void OnSendingRequest(HttpMessage message)
        {
            using var body = new MemoryStream();
            message.Request.Content?.WriteTo(body, default);
            Requests.Enqueue(Encoding.UTF8.GetString(body.ToArray()));
        }
    }
}
