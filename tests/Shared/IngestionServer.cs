using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Tests.Shared;

/// <summary>
/// A loopback HTTP server that speaks the Application Insights ingestion protocol: it takes
/// <c>POST /v2.1/track</c> with newline-delimited JSON envelopes and answers like the service does.
/// </summary>
/// <remarks>
/// Envelopes count as received when the answer is sent, as for the real service: a client that stops waiting
/// before the answer cannot rely on them. <see cref="Latency"/> and <see cref="Answer"/> simulate a slow or failing
/// endpoint. Like the service, it refuses another path or method (404) and envelopes whose <c>iKey</c> is not its
/// <see cref="InstrumentationKey"/> (400), whatever <see cref="Answer"/> says; and it keeps from a partial success (206)
/// the envelopes its answer does not list as refused.
/// </remarks>
internal sealed class IngestionServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<JsonObject> _envelopes = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private readonly List<(Func<JsonObject, bool> Match, int Count, TaskCompletionSource Arrived)> _waiters = [];
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string[]> _requests = new();

    public IngestionServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Endpoint);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>Gets or sets how long the server takes before answering a request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Gets or sets a task the server waits for before answering each request: a test holds the answers back until it
    /// completes the task. Envelopes count as received only once answered.
    /// </summary>
    public Task AnswerGate { get; set; } = Task.CompletedTask;

    /// <summary>Gets the requests the server has read, answered or not, each as the lines of its body.</summary>
    public IReadOnlyList<string[]> Requests => _requests.ToArray();

    /// <summary>Gets a task that completes when the server has read its first request.</summary>
    public Task FirstRequestReceived => _firstRequest.Task;

    /// <summary>
    /// Gets or sets how the server answers a request, given the number of envelopes it holds: by default 200 with all
    /// of them accepted. Envelopes are recorded when the answer is 200, and those it does not refuse when it is 206.
    /// </summary>
    public Func<int, IngestionAnswer> Answer { get; set; } = static count => IngestionAnswer.Accepted(count);

    public const string InstrumentationKey = "00000000-0000-0000-0000-000000000001";

    public string ConnectionString => $"InstrumentationKey={InstrumentationKey};IngestionEndpoint={Endpoint}";

    public IReadOnlyList<JsonObject> Envelopes => _envelopes.ToArray();

    /// <summary>The <c>EventData</c> envelopes, that is the rows of <c>customEvents</c>.</summary>
    public IReadOnlyList<JsonObject> CustomEvents => Envelopes.Where(IsCustomEvent).ToArray();

    public static bool IsCustomEvent(JsonObject envelope) => (string?)envelope["data"]?["baseType"] == "EventData";

    /// <summary>Completes when at least <paramref name="count"/> custom events have arrived, or fails after the timeout.</summary>
    public Task WaitForCustomEventsAsync(int count, TimeSpan timeout) => WaitForAsync(IsCustomEvent, count, timeout);

    /// <summary>Completes when at least <paramref name="count"/> matching envelopes have arrived, or fails after the timeout.</summary>
    public async Task WaitForAsync(Func<JsonObject, bool> match, int count, TimeSpan timeout)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (Envelopes.Count(match) >= count)
            {
                return;
            }

            _waiters.Add((match, count, arrived));
        }

        try
        {
            await arrived.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var received = string.Join(", ", Envelopes.Select(static e => $"{e["data"]?["baseType"]} {e["data"]?["baseData"]?["name"]}{e["data"]?["baseData"]?["message"]}"));
            throw new TimeoutException($"Fewer than {count} matching envelopes after {timeout}; received: [{received}]");
        }
    }

    // A request still being read, held back or answered when the test ends (a client that gave up, a gate never opened)
    // is cut off: disposal never waits for a client.
    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Abort();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    // What the real endpoint refuses whatever the test asks: another path or method, envelopes for another resource.
    private static IngestionAnswer? Refusal(HttpListenerRequest request, string[] lines)
    {
        if (request.HttpMethod != "POST" || request.Url?.AbsolutePath != "/v2.1/track")
        {
            return new(404, $"{{\"error\":\"{request.HttpMethod} {request.Url?.AbsolutePath} is not the track endpoint\"}}");
        }

        var foreign = lines.Select(static (line, index) => (Key: (string?)JsonNode.Parse(line)?["iKey"], Index: index)).Where(static e => e.Key != InstrumentationKey).ToArray();
        if (foreign.Length == 0)
        {
            return null;
        }

        var errors = string.Join(",", foreign.Select(static e => $"{{\"index\":{e.Index},\"statusCode\":400,\"message\":\"Invalid instrumentation key\"}}"));
        return new(400, $"{{\"itemsReceived\":{lines.Length},\"itemsAccepted\":0,\"errors\":[{errors}]}}");
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is IOException or HttpListenerException)
            {
                // The client left before its answer: as the real endpoint, serve the next one.
                context.Response.Abort();
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(_stopping.Token);
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _requests.Enqueue(lines);
        _firstRequest.TrySetResult();
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, _stopping.Token);
        }

        await AnswerGate.WaitAsync(_stopping.Token);

        var answer = Refusal(context.Request, lines) ?? Answer(lines.Length);
        var refused = answer.RefusedIndexes();
        if (answer.Status is 200 or 206)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (!refused.Contains(i) && JsonNode.Parse(lines[i]) is JsonObject envelope)
                {
                    _envelopes.Enqueue(envelope);
                }
            }
        }

        lock (_gate)
        {
            var received = Envelopes;
            foreach (var waiter in _waiters.Where(w => received.Count(w.Match) >= w.Count).ToArray())
            {
                waiter.Arrived.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        var reply = Encoding.UTF8.GetBytes(answer.Body);
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.AddHeader("Retry-After", ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        context.Response.KeepAlive = false;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(reply, _stopping.Token);
        context.Response.Close();
    }
}

/// <summary>An answer of the ingestion endpoint.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body: items received, accepted, and the refused ones by their line in the request.</param>
/// <param name="RetryAfter">A <c>Retry-After</c> header, in whole seconds, when set.</param>
internal sealed record IngestionAnswer(int Status, string Body, TimeSpan? RetryAfter = null)
{
    public static IngestionAnswer Accepted(int count)
        => new(200, $"{{\"itemsReceived\":{count},\"itemsAccepted\":{count},\"errors\":[]}}");

    /// <summary>A 206 that refuses the first <paramref name="refused"/> items as retriable (HTTP 500 each).</summary>
    public static IngestionAnswer PartiallyAccepted(int count, int refused)
        => PartiallyAccepted(count, Enumerable.Range(0, refused).ToDictionary(static i => i, static _ => 500));

    /// <summary>A 206 that refuses the items at the given lines of the request, each with its own status.</summary>
    public static IngestionAnswer PartiallyAccepted(int count, IReadOnlyDictionary<int, int> statusByLine)
    {
        var refused = statusByLine.Where(e => e.Key < count).OrderBy(static e => e.Key).ToArray();
        var errors = string.Join(",", refused.Select(static e => $"{{\"index\":{e.Key},\"statusCode\":{e.Value},\"message\":\"Refused\"}}"));
        return new(206, $"{{\"itemsReceived\":{count},\"itemsAccepted\":{count - refused.Length},\"errors\":[{errors}]}}");
    }

    public static IngestionAnswer Failed(int status)
        => new(status, $"{{\"itemsReceived\":0,\"itemsAccepted\":0,\"errors\":[]}}");

    /// <summary>A 429 (too many requests) that asks the client to wait <paramref name="retryAfter"/> before trying again.</summary>
    public static IngestionAnswer Throttled(TimeSpan retryAfter) => Failed(429) with { RetryAfter = retryAfter };

    /// <summary>The lines of the request that the body lists as refused.</summary>
    public HashSet<int> RefusedIndexes()
        => JsonNode.Parse(Body)?["errors"] is JsonArray errors
            ? [.. errors.Select(static e => (int?)e?["index"]).OfType<int>()]
            : [];
}
