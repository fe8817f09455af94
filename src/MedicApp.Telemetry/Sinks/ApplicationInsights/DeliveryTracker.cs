using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace MedicApp.Telemetry;

/// <summary>
/// Watches the exporter's requests to the ingestion endpoint: tells when the request holding a given event has
/// ended, and reports the events the endpoint did not accept.
/// </summary>
/// <remarks>
/// OpenTelemetry's batch processor ends <c>ForceFlush</c> once its export thread has taken every record out of the
/// queue, which can be before the HTTP request carrying them has ended. The sink therefore waits, after the flush,
/// for the request that holds the last event it logged. The exporter sends the records of one batch in one request
/// and one batch after the other, so that request ending means every earlier event has ended too.
/// </remarks>
internal sealed class DeliveryTracker : HttpPipelinePolicy, IDisposable
{
    private const int SuccessStatus = 200;
    private const int PartialSuccessStatus = 206;
    private const int RememberedRequests = 256;

    private readonly object _gate = new();
    private readonly List<(Guid EventId, TaskCompletionSource Ended)> _waiters = [];

    // The last event of each recently ended request: a flush that starts after its request ended finds it here.
    private readonly HashSet<Guid> _endedTails = [];
    private readonly Queue<Guid> _endedTailsOrder = new();
    private readonly Action<TransmissionFailure> _onFailure;

    // Events whose outcome an outbox waits for, by event_id.
    private readonly Dictionary<Guid, TaskCompletionSource<DeliveryResult>> _acknowledgements = [];
    private int _unanswered;
    private bool _closed;

    public DeliveryTracker(Action<TransmissionFailure> onFailure) => _onFailure = onFailure;

    private static ReadOnlySpan<byte> EventIdKey => "\"event_id\":\""u8;

    /// <summary>Completes when the request that carries <paramref name="eventId"/> has ended, whatever its outcome.</summary>
    public Task WhenEnded(Guid eventId)
    {
        lock (_gate)
        {
            if (_closed || _endedTails.Contains(eventId))
            {
                return Task.CompletedTask;
            }

            var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((eventId, ended));
            return ended.Task;
        }
    }

    /// <summary>
    /// Completes with what the ingestion endpoint did with <paramref name="eventId"/>: accepted, refused for good, or
    /// to retry (a retryable status, no answer, or the tracker closed first).
    /// </summary>
    public Task<DeliveryResult> Expect(Guid eventId)
    {
        var outcome = new TaskCompletionSource<DeliveryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_closed)
            {
                return Task.FromResult(DeliveryResult.Retry("the sink shut down"));
            }

            _acknowledgements[eventId] = outcome;
        }

        return outcome.Task;
    }

    /// <summary>Stops waiting for an event, whose outcome will not be read.</summary>
    public void Forget(Guid eventId)
    {
        lock (_gate)
        {
            _acknowledgements.Remove(eventId);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var request = Started(message);
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Ended(message, request);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var request = Started(message);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            Ended(message, request);
        }
    }

    /// <summary>
    /// Stops watching: releases every waiter, reports nothing more, and returns how many events are in requests that
    /// have not been answered yet, for the caller to report.
    /// </summary>
    public int Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var waiter in _waiters)
            {
                waiter.Ended.TrySetResult();
            }

            _waiters.Clear();
            foreach (var acknowledgement in _acknowledgements.Values)
            {
                acknowledgement.TrySetResult(DeliveryResult.Retry("the sink shut down before the ingestion endpoint answered"));
            }

            _acknowledgements.Clear();
            return _unanswered;
        }
    }

    /// <summary>Stops watching (see <see cref="Close"/>).</summary>
    public void Dispose() => Close();

    private SentRequest Started(HttpMessage message)
    {
        // Runs on the exporter's thread, inside its error handling: nothing here may throw.
        try
        {
            var body = ReadBody(message.Request.Content);
            var events = CountEvents(body, out var tail);
            lock (_gate)
            {
                _unanswered += events;
            }

            return new SentRequest(body, events, tail);
        }
        catch (Exception)
        {
            // A request we cannot read is not ours to judge; a waiting flush ends at its own deadline.
            return new SentRequest([], 0, default);
        }
    }

    private void Ended(HttpMessage message, SentRequest request)
    {
        if (request.Events == 0)
        {
            return;
        }

        try
        {
            lock (_gate)
            {
                _unanswered -= request.Events;
                if (_closed)
                {
                    // Counted by Close, reported by whoever closed.
                    return;
                }
            }

            var status = message.HasResponse ? message.Response.Status : 0;
            Acknowledge(message, request.Body, status);
            if (status != SuccessStatus)
            {
                var refused = status == PartialSuccessStatus ? CountRefused(message.Response, request.Events) : request.Events;
                if (refused > 0)
                {
                    _onFailure(new TransmissionFailure(status, refused));
                }
            }

            Release(request.Body, request.Tail);
        }
        catch (Exception)
        {
            // Same as above: the exporter's thread must not see an exception of ours.
        }
    }

    private void Release(ReadOnlySpan<byte> body, Guid tail)
    {
        lock (_gate)
        {
            if (_endedTails.Add(tail))
            {
                _endedTailsOrder.Enqueue(tail);
                if (_endedTailsOrder.Count > RememberedRequests)
                {
                    _endedTails.Remove(_endedTailsOrder.Dequeue());
                }
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (eventId, ended) = _waiters[i];
                if (eventId == tail || Contains(body, eventId))
                {
                    ended.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    // Resolves the events an outbox waits for: the request body is one envelope per line, and a partial success lists
    // the index (line) and status of each item it refused.
    private void Acknowledge(HttpMessage message, byte[] body, int status)
    {
        lock (_gate)
        {
            if (_acknowledgements.Count == 0)
            {
                return;
            }
        }

        var lines = EventIdsByLine(body);
        var refused = status == PartialSuccessStatus ? RefusedItems(message.Response) : null;
        var whole = status switch
        {
            SuccessStatus or PartialSuccessStatus => DeliveryResult.Delivered,
            0 => DeliveryResult.Retry("no answer from the ingestion endpoint"),
            _ => Outcome(status, RetryAfter(message.Response)),
        };
        if (status == PartialSuccessStatus && refused is null)
        {
            whole = DeliveryResult.Retry("a partial success without a readable answer");
        }

        lock (_gate)
        {
            for (var line = 0; line < lines.Count; line++)
            {
                if (lines[line] is not { } eventId || !_acknowledgements.Remove(eventId, out var outcome))
                {
                    continue;
                }

                outcome.TrySetResult(refused is not null && refused.TryGetValue(line, out var itemStatus)
                    ? ItemOutcome(itemStatus)
                    : whole);
            }
        }
    }

    // The statuses the exporter itself retries; any other refusal will not change on a retry.
    private static bool IsRetryable(int status) => status is 0 or 401 or 403 or 408 or 429 or 439 or 500 or 502 or 503 or 504;

    private static DeliveryResult Outcome(int status, TimeSpan? retryAfter) => IsRetryable(status) || status >= 500 || status == 404
        ? DeliveryResult.Retry("the ingestion endpoint answered " + status, retryAfter)
        : DeliveryResult.Rejected("the ingestion endpoint refused it (" + status + ")");

    // Items of a partial success: retried on the statuses Azure documents as transient, refused for good otherwise.
    private static DeliveryResult ItemOutcome(int status) => status is 408 or 429 or 439 or 500 or 503
        ? DeliveryResult.Retry("the ingestion endpoint refused the item with " + status)
        : DeliveryResult.Rejected("the ingestion endpoint refused the item (" + status + ")");

    private static TimeSpan? RetryAfter(Response response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (int.TryParse(value, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at - DateTimeOffset.UtcNow
            : null;
    }

    private static List<Guid?> EventIdsByLine(ReadOnlySpan<byte> body)
    {
        var lines = new List<Guid?>();
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? default : body[(end + 1)..];
            if (line.Trim((byte)'\r').IsEmpty)
            {
                continue;
            }

            var at = line.IndexOf(EventIdKey);
            lines.Add(at >= 0 && Utf8Parser.TryParse(line[(at + EventIdKey.Length)..], out Guid eventId, out _, 'D') ? eventId : null);
        }

        return lines;
    }

    private static Dictionary<int, int>? RefusedItems(Response response)
    {
        try
        {
            using var answer = JsonDocument.Parse(response.Content.ToMemory());
            if (!answer.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var refused = new Dictionary<int, int>();
            foreach (var error in errors.EnumerateArray())
            {
                if (error.TryGetProperty("index", out var index) && error.TryGetProperty("statusCode", out var statusCode))
                {
                    refused[index.GetInt32()] = statusCode.GetInt32();
                }
            }

            return refused;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static byte[] ReadBody(RequestContent? content)
    {
        if (content is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    // Counts the events of this SDK in a request body (every one carries an event_id) and finds the last one.
    private static int CountEvents(ReadOnlySpan<byte> body, out Guid tail)
    {
        tail = default;
        var count = 0;
        var rest = body;
        int at;
        while ((at = rest.IndexOf(EventIdKey)) >= 0)
        {
            rest = rest[(at + EventIdKey.Length)..];
            if (Utf8Parser.TryParse(rest, out Guid eventId, out _, 'D'))
            {
                tail = eventId;
                count++;
            }
        }

        return count;
    }

    private static bool Contains(ReadOnlySpan<byte> body, Guid eventId)
    {
        Span<byte> marker = stackalloc byte[36];
        return eventId.TryFormat(marker, out var written, "D") && body.IndexOf(marker[..written]) >= 0;
    }

    // A partial success lists the items it refused; without a readable answer, count them all as refused.
    private static int CountRefused(Response response, int sent)
    {
        try
        {
            using var answer = JsonDocument.Parse(response.Content.ToMemory());
            var root = answer.RootElement;
            if (root.TryGetProperty("itemsReceived", out var received) && root.TryGetProperty("itemsAccepted", out var accepted))
            {
                return Math.Max(0, received.GetInt32() - accepted.GetInt32());
            }
        }
        catch (JsonException)
        {
        }

        return sent;
    }

    private readonly record struct SentRequest(byte[] Body, int Events, Guid Tail);
}
