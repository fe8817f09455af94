using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
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
    private readonly List<SentRequest> _onTheWire = [];
    private readonly Action<TransmissionFailure> _onFailure;
    private readonly Func<Guid, bool> _isBeingResent;

    // Events whose outcome an outbox waits for, by event_id.
    private readonly Dictionary<Guid, TaskCompletionSource<DeliveryResult>> _acknowledgements = [];
    private bool _closed;

    /// <param name="onFailure">Called with the events of a request that were not delivered.</param>
    /// <param name="isBeingResent">
    /// Whether an event is in a blob that the exporter is sending again from offline storage: such a request that fails
    /// or is cut off leaves its events stored, so they are neither deferred again nor lost.
    /// </param>
    public DeliveryTracker(Action<TransmissionFailure> onFailure, Func<Guid, bool> isBeingResent)
    {
        _onFailure = onFailure;
        _isBeingResent = isBeingResent;
    }

    private static ReadOnlySpan<byte> EventIdKey => "\"event_id\":\""u8;

    /// <summary>Gets how many events are in requests that have started and not ended yet.</summary>
    public int Unanswered
    {
        get
        {
            lock (_gate)
            {
                var events = 0;
                foreach (var request in _onTheWire)
                {
                    events += request.Events;
                }

                return events;
            }
        }
    }

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
    /// have not been answered yet and that offline storage does not keep, for the caller to report.
    /// </summary>
    public int Close()
    {
        SentRequest[] onTheWire;
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
            onTheWire = [.. _onTheWire];
        }

        var lost = 0;
        foreach (var request in onTheWire)
        {
            lost += _isBeingResent(request.Tail) ? 0 : request.Events;
        }

        return lost;
    }

    /// <summary>Stops watching (see <see cref="Close"/>).</summary>
    public void Dispose() => Close();

    private SentRequest Started(HttpMessage message)
    {
        // Runs on the exporter's thread, inside its error handling: nothing here may throw.
        try
        {
            var body = ReadBody(message.Request.Content);
            var request = new SentRequest(body, CountEvents(body, out var tail), tail);
            if (request.Events > 0)
            {
                lock (_gate)
                {
                    _onTheWire.Add(request);
                }
            }

            return request;
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
                _onTheWire.Remove(request);
                if (_closed)
                {
                    // Counted by Close, reported by whoever closed.
                    return;
                }
            }

            var status = message.HasResponse ? message.Response.Status : 0;
            var partial = status == PartialSuccessStatus ? PartialAnswer.Read(message.Response) : default;
            Acknowledge(message, request.Body, status, partial);
            if (status == PartialSuccessStatus)
            {
                ReportRefusedItems(partial, request);
            }
            else if (status != SuccessStatus)
            {
                // A re-send that fails leaves its blobs stored, where they were counted: nothing new to report.
                var failure = TransmissionFailure.ForAnswer(status, request.Events);
                if (!failure.IsRetried || !_isBeingResent(request.Tail))
                {
                    _onFailure(failure);
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
    internal static int CountEvents(ReadOnlySpan<byte> body, out Guid tail)
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

    internal static bool Contains(ReadOnlySpan<byte> body, Guid eventId)
    {
        Span<byte> marker = stackalloc byte[36];
        return eventId.TryFormat(marker, out var written, "D") && body.IndexOf(marker[..written]) >= 0;
    }

    // A partial success lists the items it refused by their line in the request body, each with its own status, which
    // says whether the exporter stores the item for a retry. Only lines that are events count: a request sent again from
    // offline storage can also carry the application's telemetry. An answer the exporter cannot read loses them all.
    private void ReportRefusedItems(PartialAnswer answer, SentRequest request)
    {
        var (retried, final) = CountRefused(answer, request);
        if (retried > 0)
        {
            _onFailure(new TransmissionFailure(PartialSuccessStatus, retried, IsRetried: true));
        }

        if (final > 0)
        {
            _onFailure(new TransmissionFailure(PartialSuccessStatus, final, IsRetried: false));
        }
    }

    private static (int Retried, int Final) CountRefused(PartialAnswer answer, SentRequest request)
    {
        if (answer.StatusByLine is not { } refused)
        {
            // Nothing to retry by: the refused items are lost, and they can only be ours.
            return (0, Math.Clamp(answer.RefusedCount ?? request.Events, 0, request.Events));
        }

        int retried = 0, final = 0;
        var lines = LineStarts(request.Body);
        foreach (var (line, status) in refused)
        {
            if (line >= 0 && line < lines.Count && Line(request.Body, lines, line).IndexOf(EventIdKey) >= 0)
            {
                if (TransmissionFailure.IsRetriedItemStatus(status))
                {
                    retried++;
                }
                else
                {
                    final++;
                }
            }
        }

        return (retried, final);
    }

    // Resolves the events an outbox waits for: the request body is one envelope per line, and a partial success lists
    // the index (line) and status of each item it refused.
    private void Acknowledge(HttpMessage message, byte[] body, int status, PartialAnswer partial)
    {
        lock (_gate)
        {
            if (_acknowledgements.Count == 0)
            {
                return;
            }
        }

        var refused = partial.StatusByLine;
        var whole = status switch
        {
            SuccessStatus => DeliveryResult.Delivered,
            PartialSuccessStatus when refused is null => DeliveryResult.Retry("a partial success without a readable answer"),
            PartialSuccessStatus => DeliveryResult.Delivered,
            _ => Outcome(status, message.HasResponse ? RetryAfter(message.Response) : null),
        };
        var lines = LineStarts(body);
        lock (_gate)
        {
            for (var line = 0; line < lines.Count; line++)
            {
                var text = Line(body, lines, line);
                var at = text.IndexOf(EventIdKey);
                if (at < 0 || !Utf8Parser.TryParse(text[(at + EventIdKey.Length)..], out Guid eventId, out _, 'D')
                    || !_acknowledgements.Remove(eventId, out var outcome))
                {
                    continue;
                }

                outcome.TrySetResult(refused is not null && refused.TryGetValue(line, out var itemStatus) ? ItemOutcome(itemStatus) : whole);
            }
        }
    }

    // A whole request: retried on what the exporter retries, and on any other server error or a 404 (a wrong endpoint
    // is fixed by configuration, not by dropping the event); refused for good otherwise (400, 402, 413, …).
    private static DeliveryResult Outcome(int status, TimeSpan? retryAfter)
        => status == 0
            ? DeliveryResult.Retry("no answer from the ingestion endpoint")
            : TransmissionFailure.ForAnswer(status, 0).IsRetried || status >= 500 || status == 404
                ? DeliveryResult.Retry("the ingestion endpoint answered " + status.ToString(CultureInfo.InvariantCulture), retryAfter)
                : DeliveryResult.Rejected("the ingestion endpoint refused it (" + status.ToString(CultureInfo.InvariantCulture) + ")");

    private static DeliveryResult ItemOutcome(int status) => TransmissionFailure.IsRetriedItemStatus(status)
        ? DeliveryResult.Retry("the ingestion endpoint refused the item with " + status.ToString(CultureInfo.InvariantCulture))
        : DeliveryResult.Rejected("the ingestion endpoint refused the item (" + status.ToString(CultureInfo.InvariantCulture) + ")");

    // Retry-After in seconds or as an HTTP date, as RFC 9110 allows.
    private static TimeSpan? RetryAfter(Response response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - DateTimeOffset.UtcNow
            : null;
    }

    private static List<int> LineStarts(ReadOnlySpan<byte> body)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < body.Length - 1; i++)
        {
            if (body[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static ReadOnlySpan<byte> Line(ReadOnlySpan<byte> body, List<int> starts, int line)
    {
        var start = starts[line];
        var end = line + 1 < starts.Count ? starts[line + 1] : body.Length;
        return body[start..end];
    }

    private readonly record struct SentRequest(byte[] Body, int Events, Guid Tail);

    /// <summary>
    /// What a partial success (206) refused: the status of each refused item by its line in the request body, or, when
    /// the answer lists no errors, only how many it refused; neither when it cannot be read.
    /// </summary>
    private readonly record struct PartialAnswer(Dictionary<int, int>? StatusByLine, int? RefusedCount)
    {
        public static PartialAnswer Read(Response response)
        {
            try
            {
                using var answer = JsonDocument.Parse(response.Content.ToMemory());
                var root = answer.RootElement;
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    var refused = new Dictionary<int, int>();
                    foreach (var error in errors.EnumerateArray())
                    {
                        if (error.TryGetProperty("index", out var index) && index.TryGetInt32(out var line))
                        {
                            // An item without a readable status is refused for good, as the exporter treats it.
                            refused[line] = error.TryGetProperty("statusCode", out var code) && code.TryGetInt32(out var status) ? status : 0;
                        }
                    }

                    return new PartialAnswer(refused, null);
                }

                return root.TryGetProperty("itemsReceived", out var received) && root.TryGetProperty("itemsAccepted", out var accepted)
                    ? new PartialAnswer(null, received.GetInt32() - accepted.GetInt32())
                    : default;
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
            {
                return default;
            }
        }
    }
}
